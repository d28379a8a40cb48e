import { describe, expect, it } from 'vitest';
import { qrCodePath } from './qr-code';

describe('drawing a QR code', () => {
  it('draws a short code as the smallest symbol with its quiet zone', () => {
    const { path, modules } = qrCodePath('Q0001');
    // Version 1 is 21 modules square; four blank modules on each side make 29.
    expect(modules).toBe(29);
    // The top-left finder pattern starts at the corner of the quiet zone.
    expect(path.startsWith('M4 4h1v1h-1z')).toBe(true);
  });

  it('grows with what it holds and draws the same text the same way', () => {
    const url = 'http://tally-office.lan:3000/verify/certificates/C-2026-0001?code=ABCDEFGH';
    expect(qrCodePath(url).modules).toBeGreaterThan(29);
    expect(qrCodePath(url)).toEqual(qrCodePath(url));
  });
});
