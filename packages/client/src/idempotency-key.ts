/**
 * A fresh key for one intended write (a retry of the same intent reuses it). A random UUID from
 * `crypto.getRandomValues`, which exists everywhere: `crypto.randomUUID` exists only in secure
 * contexts (https or localhost), and an office opens Tally over plain HTTP by a LAN name.
 */
export function newIdempotencyKey(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40; // version 4
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
