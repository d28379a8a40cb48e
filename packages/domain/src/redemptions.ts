import { z } from 'zod';
import { Id, IdempotencyKey } from './ledger';
import { LocalizedText } from './localized-text';
import { PageInput } from './pagination';

export const redemptionStatuses = ['issued', 'fulfilled', 'cancelled'] as const;
export const RedemptionStatus = z.enum(redemptionStatuses);
export type RedemptionStatus = z.infer<typeof RedemptionStatus>;

/**
 * Pickup codes avoid characters people confuse when reading them aloud or off a slip:
 * 0/O, 1/I/L, 2/Z, 5/S and 8/B are all left out (25 left: 25^6 is about 244 million codes).
 */
export const PICKUP_CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const PICKUP_CODE_LENGTH = 6;
export const PickupCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{6}$/, 'A pickup code is 6 letters and digits');

export const ListRedemptionsInput = PageInput.extend({
  status: RedemptionStatus.optional(),
  residentId: Id.optional(),
  pickupCode: PickupCode.optional(),
});

export const Redemption = z.object({
  id: Id,
  rewardId: Id,
  rewardName: LocalizedText,
  residentId: Id,
  residentName: z.string(),
  cardNumber: z.string(),
  kioskId: Id.nullable(),
  quantity: z.number().int().positive(),
  /** Points paid in all (price × quantity). */
  points: z.number().int().positive(),
  pickupCode: z.string(),
  status: RedemptionStatus,
  transactionId: Id,
  createdAt: z.iso.datetime(),
  fulfilledAt: z.iso.datetime().nullable(),
  cancelledAt: z.iso.datetime().nullable(),
  cancelReason: z.string().nullable(),
  cancelTransactionId: Id.nullable(),
});
export type Redemption = z.infer<typeof Redemption>;

export const FulfilRedemptionInput = z.object({
  idempotencyKey: IdempotencyKey,
  redemptionId: Id,
});

export const CancelRedemptionInput = z.object({
  idempotencyKey: IdempotencyKey,
  redemptionId: Id,
  reason: z.string().trim().min(1, 'A cancellation needs a reason').max(500),
});
