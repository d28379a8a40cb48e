import { z } from 'zod';
import { Id, IdempotencyKey } from './ledger';

export const goalStatuses = ['open', 'closed'] as const;
export const GoalStatus = z.enum(goalStatuses);
export type GoalStatus = z.infer<typeof GoalStatus>;

export const CreateGoalInput = z.object({
  idempotencyKey: IdempotencyKey,
  title: z.string().trim().min(1, 'A goal needs a title').max(200),
  description: z.string().trim().max(2000).default(''),
  targetPoints: z.number().int().min(1, 'A target is at least 1 point').max(1_000_000_000),
});
export type CreateGoalInput = z.infer<typeof CreateGoalInput>;

export const CloseGoalInput = z.object({ idempotencyKey: IdempotencyKey, id: Id });

export const ListGoalsInput = z.object({ status: GoalStatus.optional() }).default({});

/** A goal's progress, as anyone in the community may see it (the kiosk's idle screen too). */
export const GoalProgress = z.object({
  id: Id,
  title: z.string(),
  description: z.string(),
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
