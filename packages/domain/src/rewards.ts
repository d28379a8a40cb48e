import { z } from 'zod';
import { Id, IdempotencyKey } from './ledger';
import { LocalizedText, localizedNameInput, localizedTextInput } from './localized-text';

export const rewardKinds = ['goods', 'service', 'privilege'] as const;
export const RewardKind = z.enum(rewardKinds);
export type RewardKind = z.infer<typeof RewardKind>;

const RewardName = localizedNameInput({ max: 100, message: 'A reward needs a name' });
const RewardDescription = localizedTextInput({ max: 1000 });
/** A price in points: at least 1, so nothing in the catalog is free by mistake. */
export const RewardPrice = z
  .number()
  .int()
  .min(1, 'A reward costs at least 1 point')
  .max(1_000_000);
export const RewardStock = z.number().int().min(0, 'Stock cannot be negative').max(1_000_000);
/** How many of a reward one resident may hold (issued or handed out); null for no limit. */
export const PerResidentLimit = z.number().int().min(1).max(1000).nullable();

export const CreateRewardInput = z.object({
  idempotencyKey: IdempotencyKey,
  name: RewardName,
  description: RewardDescription.default({ zh: '', en: '' }),
  kind: RewardKind.default('goods'),
  points: RewardPrice,
  stock: RewardStock,
  perResidentLimit: PerResidentLimit.default(null),
  active: z.boolean().default(true),
});
export type CreateRewardInput = z.infer<typeof CreateRewardInput>;

export const UpdateRewardInput = z
  .object({
    idempotencyKey: IdempotencyKey,
    id: Id,
    name: RewardName.optional(),
    description: RewardDescription.optional(),
    kind: RewardKind.optional(),
    points: RewardPrice.optional(),
    stock: RewardStock.optional(),
    perResidentLimit: PerResidentLimit.optional(),
    active: z.boolean().optional(),
  })
  .refine(
    ({ idempotencyKey: _key, id: _id, ...changes }) =>
      Object.values(changes).some((value) => value !== undefined),
    { message: 'Name at least one thing to change' },
  );
export type UpdateRewardInput = z.infer<typeof UpdateRewardInput>;

/** What the office can change about a reward; history records it before and after each change. */
export const RewardTerms = z.object({
  name: LocalizedText,
  description: LocalizedText,
  kind: RewardKind,
  points: z.number().int(),
  stock: z.number().int(),
  perResidentLimit: z.number().int().nullable(),
  active: z.boolean(),
});
export type RewardTerms = z.infer<typeof RewardTerms>;

export const Reward = z.object({
  id: Id,
  ...RewardTerms.shape,
  /**
   * The reward's photo (`GET` it with the staff or kiosk bearer token; the address changes when
   * the photo does), or null: the kiosk shows the kind's icon.
   */
  photoUrl: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Reward = z.infer<typeof Reward>;

export const RewardChange = z.object({
  id: Id,
  rewardId: Id,
  changedAt: z.iso.datetime(),
  changedBy: Id,
  /** The staff member's display name. */
  changedByName: z.string().nullable(),
  /** Null for the change that created the reward. */
  before: RewardTerms.nullable(),
  after: RewardTerms,
});
export type RewardChange = z.infer<typeof RewardChange>;

export const RewardHistoryInput = z.object({ id: Id });
