import { DomainError } from '@tally/domain/errors';
import { Id } from '@tally/domain/ledger';
import type { Caller } from '../auth/caller';
import { type PlainRoute, publicRoute, staffRoute } from '../http/plain-routes';
import { MAX_PHOTO_BYTES } from './photo-image';
import { readRewardPhoto, removeRewardPhoto, setRewardPhoto } from './reward-photos';

/**
 * Reward photos over plain HTTP (a photo is bytes, not JSON):
 * - `PUT /reward-photos/<rewardId>` with the image as the body (JPEG, PNG or WebP, at most
 *   5 MB; the type is read from the bytes), office only → `{ photoUrl, width, height }`;
 * - `DELETE /reward-photos/<rewardId>`, office only;
 * - `GET /reward-photos/<rewardId>.webp?v=…`, for staff and kiosks of the reward's community.
 * Writes take the bearer token only: a cookie is sent by whatever page makes the request, and
 * an image body cannot be told from a forged one the way the API's JSON can.
 */
export const rewardPhotoRoutes: PlainRoute[] = [
  staffRoute<{ Params: { rewardId: string } }>({
    method: 'PUT',
    url: '/reward-photos/:rewardId',
    roles: ['office'],
    bearerOnly: true,
    bodyLimit: MAX_PHOTO_BYTES,
    bodyTooLarge: 'PHOTO_TOO_LARGE',
    handle: ({ db, staff, request }) => {
      const upload = request.body;
      if (!(upload instanceof Uint8Array)) throw new DomainError('PHOTO_NOT_ACCEPTED');
      return setRewardPhoto(db, {
        communityId: staff.communityId,
        staffId: staff.id,
        origin: request.ip,
        rewardId: rewardIdOf(request.params.rewardId),
        upload,
      });
    },
  }),

  staffRoute<{ Params: { rewardId: string } }>({
    method: 'DELETE',
    url: '/reward-photos/:rewardId',
    roles: ['office'],
    bearerOnly: true,
    handle: async ({ db, staff, request, reply }) => {
      await removeRewardPhoto(db, {
        communityId: staff.communityId,
        staffId: staff.id,
        origin: request.ip,
        rewardId: rewardIdOf(request.params.rewardId),
      });
      return reply.code(204).send();
    },
  }),

  publicRoute<{ Params: { file: string }; Querystring: { v?: string } }>({
    method: 'GET',
    url: '/reward-photos/:file',
    exposeHeadRoute: false,
    handle: async ({ db, caller, request, reply }) => {
      const communityId = await readerCommunity(caller);
      const rewardId = rewardIdOf(request.params.file.replace(/\.webp$/, ''));
      const photo = await readRewardPhoto(db, { communityId, rewardId });
      const etag = `"${photo.digest}"`;
      // The address names the version: when it names this one, it never changes.
      const versioned = request.query.v !== undefined && photo.digest.startsWith(request.query.v);
      reply
        .header('content-type', photo.content_type)
        .header('etag', etag)
        .header(
          'cache-control',
          versioned ? 'private, max-age=31536000, immutable' : 'private, no-cache',
        )
        .header('x-content-type-options', 'nosniff');
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      return reply.send(Buffer.from(photo.content));
    },
  }),
];

function rewardIdOf(text: string): string {
  const parsed = Id.safeParse(text);
  if (!parsed.success) throw new DomainError('NOT_FOUND', 'That reward could not be found.');
  return parsed.data;
}

/** Whose photos the reader may see: a signed-in staff member's community, or a kiosk's. */
async function readerCommunity(caller: Caller): Promise<string> {
  const reader = (await caller.staff()) ?? (await caller.kiosk());
  if (!reader) throw new DomainError('UNAUTHORIZED');
  return reader.communityId;
}
