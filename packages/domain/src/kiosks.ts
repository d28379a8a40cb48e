import { z } from 'zod';
import { Id, IdempotencyKey } from './ledger';
import { LocalizedText } from './localized-text';

export const KioskName = z
  .string()
  .trim()
  .min(1, 'Enter a name')
  .max(100, 'A name has at most 100 characters');

export const RegisterKioskInput = z.object({ idempotencyKey: IdempotencyKey, name: KioskName });

export const RegisteredKiosk = z.object({
  id: Id,
  name: z.string(),
  /**
   * The device's bearer token, shown once. A replay of the same request answers
   * null: the token is never stored, only its SHA-256 hash.
   */
  deviceToken: z.string().nullable(),
  /** The address the kiosk opens once to keep its token (from PUBLIC_URL); null with the token. */
  setupUrl: z.string().nullable(),
});

export const Kiosk = z.object({
  id: Id,
  name: z.string(),
  createdAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
  /** The activity whose door the kiosk keeps (activity mode); null in its usual mode. */
  activity: z.object({ id: Id, title: LocalizedText }).nullable(),
});
export type Kiosk = z.infer<typeof Kiosk>;

export const RevokeKioskInput = z.object({ idempotencyKey: IdempotencyKey, id: Id });
