import { z } from 'zod';
import { Id, IdempotencyKey } from './ledger';
import { LocalizedText, localizedNameInput, localizedTextInput } from './localized-text';

export const goalStatuses = ['open', 'closed'] as const;
export const GoalStatus = z.enum(goalStatuses);
export type GoalStatus = z.infer<typeof GoalStatus>;

const GoalTitle = localizedNameInput({ max: 200, message: 'A goal needs a title' });
const GoalDescription = localizedTextInput({ max: 2000 });

export const CreateGoalInput = z.object({
  idempotencyKey: IdempotencyKey,
  title: GoalTitle,
  description: GoalDescription.default({ zh: '', en: '' }),
  targetPoints: z.number().int().min(1, 'A target is at least 1 point').max(1_000_000_000),
});
export type CreateGoalInput = z.infer<typeof CreateGoalInput>;

/** A new title for an open goal and, if given, a description; its target stays as promised. */
export const UpdateGoalInput = z.object({
  idempotencyKey: IdempotencyKey,
  id: Id,
  title: GoalTitle,
  description: GoalDescription.optional(),
});
export type UpdateGoalInput = z.infer<typeof UpdateGoalInput>;

export const CloseGoalInput = z.object({ idempotencyKey: IdempotencyKey, id: Id });

export const ListGoalsInput = z.object({ status: GoalStatus.optional() }).default({});

/** A goal's progress, as anyone in the community may see it (the kiosk's idle screen too). */
export const GoalProgress = z.object({
  id: Id,
  title: LocalizedText,
  description: LocalizedText,
  targetPoints: z.number().int(),
  /** The balance of the goal's pool account: every donation, less any reversed. */
  raisedPoints: z.number().int(),
});
export type GoalProgress = z.infer<typeof GoalProgress>;

export const Goal = GoalProgress.extend({
  status: GoalStatus,
  createdAt: z.iso.datetime(),
  closedAt: z.iso.datetime().nullable(),
});
export type Goal = z.infer<typeof Goal>;
