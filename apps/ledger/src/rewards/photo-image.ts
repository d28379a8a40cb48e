import { createHash } from 'node:crypto';
import { DomainError } from '@tally/domain/errors';
import sharp from 'sharp';

/** The largest photo the office may upload, before it is resized. */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
/** Kiosk cards show a photo at most this wide; more pixels would only cost bytes. */
export const PHOTO_WIDTH = 480;
// A 5 MB file can still unpack into a huge bitmap ("decompression bomb"): refuse more than a
// large phone photo's pixels before decoding it.
const MAX_INPUT_PIXELS = 50_000_000;

export type StoredPhoto = {
  content: Buffer;
  contentType: 'image/webp';
  width: number;
  height: number;
  /** SHA-256 of `content`, hex: the version in the photo's address. */
  digest: string;
};

/** The type an upload really is, by its first bytes (never by its name or declared type). */
export function photoType(bytes: Uint8Array): 'jpeg' | 'png' | 'webp' | null {
  const starts = (...values: number[]) => values.every((value, i) => bytes[i] === value);
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  const ascii = (from: number, to: number) =>
    Buffer.from(bytes.subarray(from, to)).toString('latin1');
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  return null;
}

/**
 * Checks an upload (size, then type by magic bytes) and makes the stored photo: turned upright
 * as the camera recorded it, metadata dropped (no GPS position leaves the office), at most
 * PHOTO_WIDTH wide and twice as tall, WebP.
 */
export async function preparePhoto(upload: Uint8Array): Promise<StoredPhoto> {
  if (upload.byteLength > MAX_PHOTO_BYTES) throw new DomainError('PHOTO_TOO_LARGE');
  if (upload.byteLength === 0 || !photoType(upload)) throw new DomainError('PHOTO_NOT_ACCEPTED');
  try {
    const { data, info } = await sharp(upload, { limitInputPixels: MAX_INPUT_PIXELS })
      .rotate()
      .resize({
        width: PHOTO_WIDTH,
        height: PHOTO_WIDTH * 2,
        fit: 'inside',
        withoutEnlargement: true,
      })
      .webp({ quality: 80 })
      .toBuffer({ resolveWithObject: true });
    return {
      content: data,
      contentType: 'image/webp',
      width: info.width,
      height: info.height,
      digest: createHash('sha256').update(data).digest('hex'),
    };
  } catch {
    // Right first bytes, but not an image sharp can read (cut short, or a disguised file).
    throw new DomainError('PHOTO_NOT_ACCEPTED');
  }
}
