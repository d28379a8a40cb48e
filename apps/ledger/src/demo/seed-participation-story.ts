import { randomUUID } from 'node:crypto';
import type { Database } from '@tally/db/schema';
import type { EarningRuleTerms } from '@tally/domain/earning-rules';
import type { Activity } from '@tally/domain/service';
import { type Kysely, sql } from 'kysely';
import { type StaffActor, staffActorWithoutSession } from '../auth/actors';
import { issueCertificate } from '../certificates/issue-certificate';
import { requestCorrection } from '../corrections/request-correction';
import { resolveCorrection } from '../corrections/resolve-correction';
import { addMember, createOrganization } from '../organizations/create-organization';
import { publishRule } from '../rules/publish-rule';
import { logService } from '../service/log-service';
import { reviewService } from '../service/review-service';
import { createStaffUser } from '../staff/create-staff-user';
import { seededRandom } from './demo-people';

// What makes the participation reports and the trust features tell a story on the demo:
// - cards issued over two years (the core long ago, a batch of new cards this autumn that
//   have not been used yet: the willingness funnel's first step);
// - until this summer only the core retirees served (fortnightly visits to older neighbours):
//   this year's newcomers, returning volunteers and the top 10%'s share of hours follow;
// - a dormant organization (the homework corner: busy in spring, nothing logged for four months);
// - correction requests in every state, and a service certificate for Q0001;
// - a running campaign (a third rule version): service by residents under 30 earns half as much
//   again, the office's lever for the age band that takes part least; begun 20 days ago, it
//   brought young residents to the Green Homes Team's youth clean-up days (its effect shows).

const ORIGIN = 'demo-seed';
const DAY = 86_400_000;

type Resident = { id: string; card_number: string };

export async function seedParticipationStory(
  db: Kysely<Database>,
  {
    communityId,
    office,
    now,
    staffPassword,
  }: {
    communityId: string;
    office: StaffActor;
    now: Date;
    /** The demo's one staff password, and its hash (hashing it again would slow the start). */
    staffPassword: { password: string; passwordHash: string };
  },
): Promise<void> {
  const residents = await db
    .selectFrom('residents')
    .select(['id', 'card_number'])
    .where('community_id', '=', communityId)
    .orderBy('card_number')
    .execute();
  await backdateCards(db, { communityId, residents, now });
  await seedLastYear(db, { communityId, office, residents, now });
  await seedDormantOrganization(db, { communityId, office, residents, now, staffPassword });
  await seedCorrections(db, { communityId, office, residents });
  const [first] = residents;
  if (first) {
    await issueCertificate(db, {
      staff: office,
      origin: ORIGIN,
      input: {
        idempotencyKey: `demo-${randomUUID()}`,
        residentId: first.id,
        from: isoDay(now.getTime() - 365 * DAY),
        to: isoDay(now.getTime() - DAY),
      },
    });
  }
  const rules = await db
    .selectFrom('earning_rules')
    .select('terms')
    .where('community_id', '=', communityId)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  await publishRule(db, {
    staff: office,
    origin: ORIGIN,
    idempotencyKey: `demo-${randomUUID()}`,
    terms: {
      ...(rules?.terms as EarningRuleTerms),
      campaign: {
        bonusPercent: 50,
        from: isoDay(now.getTime() - CAMPAIGN_DAYS_SO_FAR * DAY),
        to: isoDay(now.getTime() + 10 * DAY),
        ageBand: 'under_30',
      },
    },
  });
  await seedCampaignResponse(db, { communityId, office, residents, now });
}

/** How long the demo's campaign for the under-30s has been running. */
const CAMPAIGN_DAYS_SO_FAR = 20;

/**
 * The campaign's answer: young residents, who had served only now and then, joined the Green
 * Homes Team when the campaign began and came to its youth clean-up days — enough of them that
 * the campaign's effect shows as figures, not "<5", beside everyone else's.
 */
async function seedCampaignResponse(
  db: Kysely<Database>,
  {
    communityId,
    office,
    residents,
    now,
  }: { communityId: string; office: StaffActor; residents: Resident[]; now: Date },
) {
  const green = await organizationWithLeader(db, communityId, 'Green Homes Team');
  if (!green) return;
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const byCard = new Map(residents.map((resident) => [resident.card_number, resident]));
  const young = (cards: string[]) =>
    cards.map((card) => byCard.get(card)).filter((r): r is Resident => r !== undefined);
  // Occasional volunteers under 30, and one with a new card (Q0055 is left for the first step).
  const joining = young([
    'Q0031',
    'Q0032',
    'Q0037',
    'Q0038',
    'Q0039',
    'Q0040',
    'Q0043',
    'Q0045',
    'Q0046',
  ]);
  const joinedAt = new Date(today - (CAMPAIGN_DAYS_SO_FAR - 1) * DAY);
  for (const resident of joining) {
    const member = await db
      .selectFrom('organization_members')
      .select('resident_id')
      .where('community_id', '=', communityId)
      .where('organization_id', '=', green.organizationId)
      .where('resident_id', '=', resident.id)
      .executeTakeFirst();
    if (member) continue;
    await addMember(db, {
      communityId,
      organizationId: green.organizationId,
      residentId: resident.id,
    });
    await sql`update organization_members set joined_at = ${joinedAt}
               where community_id = ${communityId} and organization_id = ${green.organizationId}
                 and resident_id = ${resident.id}`.execute(db);
  }
  const days: [daysAgo: number, cards: string[]][] = [
    [16, ['Q0031', 'Q0032', 'Q0037', 'Q0040', 'Q0043', 'Q0045']],
    // Q0046's card is ten days old: the campaign's clean-up day is their first service.
    [9, ['Q0031', 'Q0038', 'Q0039', 'Q0045', 'Q0046']],
  ];
  const recordIds: string[] = [];
  for (const [daysAgo, cards] of days) {
    recordIds.push(
      ...(await logSheet(db, green.leader, {
        organizationId: green.organizationId,
        residents: young(cards),
        activity: { title: '青年清洁日', category: 'environment', place: '河边步道' },
        // Saturday-morning style: 09:30 Beijing time.
        startedAt: new Date(today - daysAgo * DAY + 1.5 * 3_600_000),
        minutes: 150,
      })),
    );
  }
  await approveAsHistory(db, { communityId, office, recordIds });
}

/** An organization of the demo by its English name, with its (first) leader as an actor. */
async function organizationWithLeader(
  db: Kysely<Database>,
  communityId: string,
  nameEn: string,
): Promise<{ organizationId: string; leader: StaffActor } | null> {
  const found = await db
    .selectFrom('organizations as o')
    .innerJoin('organization_leaders as l', (join) =>
      join.onRef('l.community_id', '=', 'o.community_id').onRef('l.organization_id', '=', 'o.id'),
    )
    .innerJoin('staff_users as u', (join) =>
      join.onRef('u.community_id', '=', 'l.community_id').onRef('u.id', '=', 'l.staff_id'),
    )
    .select(['o.id', 'u.id as leader_id', 'u.username', 'u.display_name'])
    .where('o.community_id', '=', communityId)
    .where('o.name_en', '=', nameEn)
    .executeTakeFirst();
  if (!found) return null;
  return {
    organizationId: found.id,
    leader: staffActorWithoutSession({
      id: found.leader_id,
      communityId,
      username: found.username,
      displayName: found.display_name,
      role: 'leader',
      organizationIds: [found.id],
    }),
  };
}

/**
 * The homework corner: six residents helped children with homework every week in spring, then
 * the leader moved away and nothing has been logged for about four months — the organizations
 * report should make it stand out.
 */
async function seedDormantOrganization(
  db: Kysely<Database>,
  {
    communityId,
    office,
    residents,
    now,
    staffPassword,
  }: {
    communityId: string;
    office: StaffActor;
    residents: Resident[];
    now: Date;
    staffPassword: { password: string; passwordHash: string };
  },
) {
  const organization = await createOrganization(db, {
    communityId,
    name: { zh: '四点半课堂', en: 'Homework Corner' },
    description: {
      zh: '小学生放学后的课业辅导',
      en: 'After-school homework help for primary pupils',
    },
  });
  const user = await createStaffUser(
    db,
    {
      communityId,
      username: 'leader-homework',
      password: staffPassword.password,
      displayName: '王芳',
      role: 'leader',
      organizationIds: [organization.id],
    },
    { passwordHash: staffPassword.passwordHash },
  );
  const leader = staffActorWithoutSession(user);
  // Q0036–Q0041: occasional volunteers, not the ones the browser tests sign in as.
  const helpers = residents.slice(35, 41);
  for (const helper of helpers) {
    await addMember(db, { communityId, organizationId: organization.id, residentId: helper.id });
  }
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const random = seededRandom(416);
  const recordIds: string[] = [];
  for (let daysAgo = 240; daysAgo >= 125; daysAgo -= 7) {
    const present = helpers.filter(() => random() < 0.6);
    if (present.length === 0) continue;
    recordIds.push(
      ...(await logSheet(db, leader, {
        organizationId: organization.id,
        residents: present,
        activity: { title: '课业辅导', category: 'mutual_aid', place: '社区图书室' },
        // 16:30 Beijing time.
        startedAt: new Date(today - daysAgo * DAY + 8.5 * 3_600_000),
        minutes: 90,
      })),
    );
  }
  await approveAsHistory(db, { communityId, office, recordIds });
  await sql`update organization_members set joined_at = ${new Date(today - 250 * DAY)}
             where community_id = ${communityId} and organization_id = ${organization.id}`.execute(
    db,
  );
}

/** Core volunteers have had cards for two years; Q0046–Q0060 got theirs in the last months. */
async function backdateCards(
  db: Kysely<Database>,
  { communityId, residents, now }: { communityId: string; residents: Resident[]; now: Date },
) {
  for (const [index, resident] of residents.entries()) {
    const i = index + 1;
    const daysAgo =
      i <= 10
        ? 700 + 7 * i
        : i <= 28
          ? 150 + 10 * (i - 11)
          : i <= 45
            ? 100 + 2 * (i - 29)
            : 10 + 5 * (i - 46);
    const issuedAt = new Date(now.getTime() - daysAgo * DAY);
    await db
      .updateTable('residents')
      .set({ card_issued_at: issuedAt })
      .where('community_id', '=', communityId)
      .where('id', '=', resident.id)
      .execute();
    // They joined their organizations the day after their card was issued.
    await sql`update organization_members set joined_at = ${new Date(issuedAt.getTime() + DAY)}
               where community_id = ${communityId} and resident_id = ${resident.id}`.execute(db);
  }
}

/** Last year's service: fortnightly visits by the core retirees only, all approved. */
async function seedLastYear(
  db: Kysely<Database>,
  {
    communityId,
    office,
    residents,
    now,
  }: { communityId: string; office: StaffActor; residents: Resident[]; now: Date },
) {
  const sunshine = await organizationWithLeader(db, communityId, 'Sunshine Volunteers');
  if (!sunshine) return;
  const { leader } = sunshine;
  const core = residents.slice(0, 10);
  const random = seededRandom(2025);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const recordIds: string[] = [];
  for (let daysAgo = 420; daysAgo >= 112; daysAgo -= 14) {
    const participants = core.filter(() => random() < 0.7);
    if (participants.length === 0) continue;
    recordIds.push(
      ...(await logSheet(db, leader, {
        organizationId: sunshine.organizationId,
        residents: participants,
        activity: { title: '探访独居老人', category: 'elderly_care', place: '1–4号楼' },
        // 09:00 Beijing time.
        startedAt: new Date(today - daysAgo * DAY + 3_600_000),
        minutes: 120,
      })),
    );
  }
  await approveAsHistory(db, { communityId, office, recordIds });
}

/** A leader's sign-in sheet of a day in the past, as they logged it: the new records' ids. */
async function logSheet(
  db: Kysely<Database>,
  leader: StaffActor,
  {
    organizationId,
    residents,
    activity,
    startedAt,
    minutes,
  }: {
    organizationId: string;
    residents: Resident[];
    activity: Activity;
    startedAt: Date;
    minutes: number;
  },
): Promise<string[]> {
  const { records } = await logService(db, {
    staff: leader,
    origin: ORIGIN,
    input: {
      idempotencyKey: `demo-${randomUUID()}`,
      organizationId,
      residentIds: residents.map((resident) => resident.id),
      activity,
      startedAt: startedAt.toISOString(),
      minutes,
    },
  });
  return records.map((record) => record.id);
}

/**
 * Approves past service as the office would have at the time: the records look logged the day
 * after the activity and reviewed two days later.
 */
async function approveAsHistory(
  db: Kysely<Database>,
  {
    communityId,
    office,
    recordIds,
  }: { communityId: string; office: StaffActor; recordIds: string[] },
) {
  for (let start = 0; start < recordIds.length; start += 100) {
    await reviewService(db, {
      staff: office,
      origin: ORIGIN,
      input: {
        idempotencyKey: `demo-${randomUUID()}`,
        recordIds: recordIds.slice(start, start + 100),
        decision: 'approve',
      },
    });
  }
  await sql`
    update service_records
       set logged_at = started_at + interval '1 day', reviewed_at = started_at + interval '3 days'
     where community_id = ${communityId} and id in (${sql.join(recordIds)})`.execute(db);
}

/** Correction requests in every state, raised at the demo kiosk by Q0012–Q0015. */
async function seedCorrections(
  db: Kysely<Database>,
  {
    communityId,
    office,
    residents,
  }: { communityId: string; office: StaffActor; residents: Resident[] },
) {
  const kiosk = await db
    .selectFrom('kiosks')
    .select('id')
    .where('community_id', '=', communityId)
    .executeTakeFirst();
  if (!kiosk) return;
  const request = async (
    resident: Resident | undefined,
    kind: 'wrong_hours' | 'missing_record',
    reason: string,
    extraMinutes: number,
  ) => {
    if (!resident) return undefined;
    const latest = await db
      .selectFrom('service_records')
      .select(['id', 'minutes'])
      .where('community_id', '=', communityId)
      .where('resident_id', '=', resident.id)
      .where('status', '=', 'approved')
      .orderBy('started_at', 'desc')
      .executeTakeFirst();
    if (kind === 'wrong_hours' && !latest) return undefined;
    return requestCorrection(db, {
      session: { residentId: resident.id, communityId, kioskId: kiosk.id, tokenHash: '' },
      origin: ORIGIN,
      input: {
        idempotencyKey: `demo-${randomUUID()}`,
        kind,
        reason,
        ...(kind === 'wrong_hours' && latest
          ? { serviceRecordId: latest.id, proposedMinutes: latest.minutes + extraMinutes }
          : { proposedMinutes: extraMinutes }),
      },
    });
  };
  const resolve = (id: string, decision: 'accept' | 'decline', reason: string) =>
    resolveCorrection(db, {
      staff: office,
      origin: ORIGIN,
      input: { idempotencyKey: `demo-${randomUUID()}`, id, decision, reason },
    });
  await request(residents[11], 'wrong_hours', '我多留了一小时帮忙收拾', 60);
  await request(residents[12], 'missing_record', '周六的庭院清洁没有记录', 120);
  const declined = await request(residents[13], 'wrong_hours', '我记得待得更久', 60);
  if (declined) {
    await resolve(declined.id, 'decline', '签到表显示您10:30离开');
  }
  const accepted = await request(residents[14], 'wrong_hours', '探访超时了30分钟', 30);
  if (accepted) {
    await resolve(accepted.id, 'accept', '经队长记录核实');
  }
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
