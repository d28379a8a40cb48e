import type { Database } from '@tally/db/schema';
import { type Kysely, sql } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { startPhoneSession } from '../auth/phone-sessions';
import { donateToGoal } from '../goals/donate-to-goal';
import { officeAddProxy } from '../me/proxies';
import type { DemoResident } from './demo-people';

/** The demo's family member: an elder's daughter who signs in on her phone to act for her. */
export const DEMO_FAMILY = { phone: '13800000001', pin: '2580' } as const;

/**
 * Issue 14: the eldest resident cannot come to the office often; her daughter, registered by the
 * office with a reason, signs in on her phone and acts for her. She has already given some of
 * her mother's points to a community goal, so the mother's history reads "by <daughter>".
 */
export async function seedProxies(
  db: Kysely<Database>,
  {
    communityId,
    office,
    residents,
  }: {
    communityId: string;
    office: StaffActor;
    residents: { id: string; person: DemoResident }[];
  },
): Promise<void> {
  const eldest = [...residents].sort((a, b) => a.person.birthYear - b.person.birthYear)[0];
  if (!eldest) return;
  const daughter = `${eldest.person.name.slice(0, 1)}晓红`;
  await officeAddProxy(db, {
    staff: office,
    origin: 'demo-seed',
    input: {
      idempotencyKey: 'demo-proxy-family',
      residentId: eldest.id,
      reason: '老人行动不便，女儿代为报名和捐赠',
      proxy: { family: { name: daughter, phone: DEMO_FAMILY.phone, pin: DEMO_FAMILY.pin } },
    },
  });
  const familyId = await db
    .selectFrom('family_members')
    .select('id')
    .where('community_id', '=', communityId)
    .where('phone', '=', DEMO_FAMILY.phone)
    .executeTakeFirstOrThrow();
  const phone = await startPhoneSession(db, {
    communityId,
    signedInAs: { kind: 'family', id: familyId.id },
    actingFor: eldest.id,
    remember: true,
    device: 'Demo phone (Android, Chrome)',
  });
  const goal = await db
    .selectFrom('goals')
    .select('id')
    .where('community_id', '=', communityId)
    .where('status', '=', 'open')
    .orderBy('created_at')
    .executeTakeFirst();
  const { points } = await db
    .selectFrom('residents as r')
    .innerJoin('ledger_accounts as a', (j) =>
      j.onRef('a.community_id', '=', 'r.community_id').onRef('a.id', '=', 'r.points_account_id'),
    )
    .select(sql<number>`a.balance`.as('points'))
    .where('r.community_id', '=', communityId)
    .where('r.id', '=', eldest.id)
    .executeTakeFirstOrThrow();
  if (goal && Number(points) >= 10) {
    await donateToGoal(db, {
      session: {
        residentId: eldest.id,
        communityId,
        kioskId: null,
        tokenHash: '',
        phone: {
          sessionId: phone.sessionId,
          by: { kind: 'family', id: familyId.id, displayName: daughter },
          asProxy: true,
        },
      },
      origin: 'demo-seed',
      idempotencyKey: 'demo-proxy-donation',
      goalId: goal.id,
      points: 10,
    });
  }
}
