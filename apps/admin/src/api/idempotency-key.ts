/** A fresh key for one intended write; a retry of the same intent reuses it. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
