import { z } from 'zod';

/** Cursor pages: `limit` rows after `cursor` (an opaque string the previous page returned). */
export const PageInput = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
