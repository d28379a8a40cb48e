import qrcode from 'qrcode-generator';
import { useMemo } from 'react';

/**
 * A QR code as one SVG path of dark modules, with a quiet zone of four modules on each side as
 * scanners expect. `modules` is the width and height of the whole, quiet zone included.
 */
export function qrCodePath(text: string): { path: string; modules: number } {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const count = qr.getModuleCount();
  let path = '';
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      if (qr.isDark(row, col)) path += `M${col + 4} ${row + 4}h1v1h-1z`;
    }
  }
  return { path, modules: count + 8 };
}

/**
 * A QR code drawn as one SVG path: crisp on screen, on paper and on a thermal printer, with no
 * image request. Without `size` the stylesheet sizes it (`.qr-code`).
 */
export function QrCode({ text, label, size }: { text: string; label: string; size?: number }) {
  const { path, modules } = useMemo(() => qrCodePath(text), [text]);
  return (
    <svg
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${modules} ${modules}`}
      shapeRendering="crispEdges"
      className="qr-code"
    >
      <rect width={modules} height={modules} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
