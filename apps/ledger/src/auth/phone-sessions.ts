import { randomUUID } from 'node:crypto';
import type { Database } from '@tally/db/schema';
import { BROWSER_SESSION_HOURS, REMEMBERED_SESSION_DAYS } from '@tally/domain/me';
import { type Kysely, sql } from 'kysely';
import type { PhoneActor, PhonePrincipal } from './actors';
import { hashToken, newToken } from './secrets';

/** How stale a session's last use may be before a request notes it again (one write a minute). */
const LAST_SEEN_EVERY_SECONDS = 60;

export async function startPhoneSession(
  db: Kysely<Database>,
  {
    communityId,
    signedInAs,
    actingFor,
    remember,
    device,
  }: {
    communityId: string;
    signedInAs: Pick<PhonePrincipal, 'kind' | 'id'>;
    actingFor: string | null;
    remember: boolean;
    device: string;
  },
): Promise<{ token: string; sessionId: string; expiresAt: Date }> {
  const token = newToken('phoneSession');
  const sessionId = randomUUID();
  const lifetime = remember
    ? sql<Date>`now() + make_interval(days => ${REMEMBERED_SESSION_DAYS}::int)`
    : sql<Date>`now() + make_interval(hours => ${BROWSER_SESSION_HOURS}::int)`;
  const row = await db
    .insertInto('phone_sessions')
    .values({
      token_hash: hashToken(token),
      id: sessionId,
      community_id: communityId,
      resident_id: signedInAs.kind === 'resident' ? signedInAs.id : null,
      family_member_id: signedInAs.kind === 'family' ? signedInAs.id : null,
      acting_for: actingFor,
      remember,
      device: device.slice(0, 200),
      expires_at: lifetime,
    })
    .returning('expires_at')
    .executeTakeFirstOrThrow();
  return { token, sessionId, expiresAt: row.expires_at };
}

/**
 * The live phone session behind a token, in one statement: who signed in, and whom they act for
 * if that is themself or a resident whose proxy they still are (a removed proxy's session acts
 * for no one from its next request). Notes the session's use at most once a minute.
 */
export async function findPhoneSession(
  db: Kysely<Database>,
  token: string,
): Promise<PhoneActor | null> {
  const tokenHash = hashToken(token);
  const { rows } = await sql<{
    id: string;
    community_id: string;
    resident_id: string | null;
    family_member_id: string | null;
    signed_in_name: string;
    acting_for: string | null;
    acting_for_name: string | null;
    may_act: boolean | null;
    remember: boolean;
    expires_at: Date;
  }>`
    with live as (
      select s.* from phone_sessions s
       where s.token_hash = ${tokenHash} and s.ended_at is null and s.expires_at > now()
         and exists (select 1 from communities c where c.id = s.community_id and c.active)
    ), seen as (
      update phone_sessions s set last_seen_at = now()
        from live
       where s.community_id = live.community_id and s.token_hash = live.token_hash
         and s.last_seen_at < now() - make_interval(secs => ${LAST_SEEN_EVERY_SECONDS}::int)
    )
    select live.id, live.community_id, live.resident_id, live.family_member_id, live.acting_for,
           live.remember, live.expires_at,
           coalesce(r.display_name, f.name) as signed_in_name,
           a.display_name as acting_for_name,
           case
             when live.acting_for is null then null
             when live.acting_for = live.resident_id then true
             else exists (
               select 1 from resident_proxies p
                where p.community_id = live.community_id and p.resident_id = live.acting_for
                  and p.removed_at is null
                  and (p.proxy_resident_id = live.resident_id
                       or p.family_member_id = live.family_member_id))
           end as may_act
      from live
      left join residents r on r.community_id = live.community_id and r.id = live.resident_id
      left join family_members f
        on f.community_id = live.community_id and f.id = live.family_member_id
      left join residents a on a.community_id = live.community_id and a.id = live.acting_for
  `.execute(db);
  const row = rows[0];
  if (!row) return null;
  const signedInAs: PhonePrincipal = row.resident_id
    ? { kind: 'resident', id: row.resident_id, displayName: row.signed_in_name }
    : { kind: 'family', id: row.family_member_id ?? '', displayName: row.signed_in_name };
  return {
    kind: 'phone',
    sessionId: row.id,
    tokenHash,
    communityId: row.community_id,
    signedInAs,
    actingFor:
      row.acting_for && row.may_act
        ? { residentId: row.acting_for, displayName: row.acting_for_name ?? '' }
        : null,
    remember: row.remember,
    expiresAt: row.expires_at,
  };
}

export async function endPhoneSession(
  db: Kysely<Database>,
  { communityId, sessionId }: { communityId: string; sessionId: string },
): Promise<void> {
  await db
    .updateTable('phone_sessions')
    .set({ ended_at: sql`now()` })
    .where('community_id', '=', communityId)
    .where('id', '=', sessionId)
    .where('ended_at', 'is', null)
    .execute();
}
