import qrcode from 'qrcode-generator';
import { useMemo } from 'react';

/** A QR code as one SVG path: crisp on screen and on a thermal printer, no image request. */
export function QrCode({ text, label }: { text: string; label: string }) {
  const { path, modules } = useMemo(() => {
    const qr = qrcode(0, 'M');
    qr.addData(text);
    qr.make();
    const count = qr.getModuleCount();
    let d = '';
    for (let row = 0; row < count; row++) {
      for (let col = 0; col < count; col++) {
        if (qr.isDark(row, col)) d += `M${col + 4} ${row + 4}h1v1h-1z`;
      }
    }
    // A quiet zone of four modules on each side, as scanners expect.
    return { path: d, modules: count + 8 };
  }, [text]);
  return (
    <svg
      role="img"
      aria-label={label}
      className="qr-code"
      viewBox={`0 0 ${modules} ${modules}`}
      shapeRendering="crispEdges"
    >
      <rect width={modules} height={modules} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
