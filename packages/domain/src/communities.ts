import { z } from 'zod';
import { Id, IdempotencyKey } from './ledger';
import { LocalizedText, localizedNameInput } from './localized-text';

/** The community's name as the office writes it, in each language (one is enough). */
export const CommunityName = localizedNameInput({ max: 100, message: 'A community needs a name' });

/** The community itself, as its staff see it. */
export const Community = z.object({
  id: Id,
  name: LocalizedText,
  /** The IANA time zone its calendar days are counted in, e.g. `Asia/Shanghai`. */
  timeZone: z.string(),
  /** Days approved service stays on the public notice board. */
  noticeDays: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type Community = z.infer<typeof Community>;

export const UpdateCommunityInput = z.object({
  idempotencyKey: IdempotencyKey,
  name: CommunityName,
});
export type UpdateCommunityInput = z.infer<typeof UpdateCommunityInput>;
