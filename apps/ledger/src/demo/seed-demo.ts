import { randomUUID } from 'node:crypto';
import type { Database } from '@tally/db/schema';
import { type Kysely, sql } from 'kysely';
import { type StaffActor, staffActorWithoutSession } from '../auth/actors';
import { hashSecret } from '../auth/secrets';
import { createCommunity } from '../communities/create-community';
import { registerKioskWithToken } from '../kiosk-devices/register-kiosk';
import { makeCheckpoint } from '../ledger/anchoring/make-checkpoint';
import { addMember, createOrganization } from '../organizations/create-organization';
import { createResident } from '../residents/create-resident';
import { publishRule } from '../rules/publish-rule';
import { logService } from '../service/log-service';
import { reviewService } from '../service/review-service';
import { createStaffUser } from '../staff/create-staff-user';
import {
  DEMO_ACTIVITIES,
  DEMO_ORGANIZATIONS,
  type DemoOrganization,
  type DemoResident,
  demoResidents,
  seededRandom,
} from './demo-people';
import { seedActivities } from './seed-activities';
import { seedDeliberation } from './seed-deliberation';
import { seedInvitations } from './seed-invitations';
import { seedParticipationStory } from './seed-participation-story';
import { DEMO_FAMILY, seedProxies } from './seed-proxies';
import { seedShop } from './seed-shop';
import { seedStaffStory } from './seed-staff-story';
import { DEMO_STREET_LOGINS, seedStreet } from './seed-street';
import { seedTimeBank } from './seed-timebank';

export const DEMO_LOGINS = {
  staff: ['office', 'leader', 'auditor'],
  /** The street office (城南街道) and its two other communities' offices. */
  street: DEMO_STREET_LOGINS,
  password: 'tally-demo',
  kioskToken: 'demo-kiosk-token',
  /** A second kiosk, at the door of the activity running today (activity mode). */
  doorKioskToken: 'demo-door-kiosk-token',
  pin: '1234',
  /** A family member who acts for the eldest resident on the phone app (`/me/`). */
  family: DEMO_FAMILY,
} as const;

const ORIGIN = 'demo-seed';
const DAY = 86_400_000;

type Staff = StaffActor;

/**
 * Seeds "Q Community" through the same service functions the API uses, so the
 * demo ledger is real: every point was earned by an approved service record
 * and every balance verifies. About fourteen weeks of activity, the last week
 * still waiting for approval, plus the odd record a careful reviewer should
 * question.
 */
export async function seedDemoCommunity(db: Kysely<Database>, now = new Date()): Promise<void> {
  const community = await createCommunity(db, { name: { zh: '青桐社区', en: 'Q Community' } });
  const communityId = community.id;
  const passwordHash = await hashSecret(DEMO_LOGINS.password);
  const staffOf = async (
    username: string,
    displayName: string,
    role: Staff['role'],
    organizationIds: string[] = [],
  ): Promise<Staff> => {
    const user = await createStaffUser(
      db,
      { communityId, username, password: DEMO_LOGINS.password, displayName, role, organizationIds },
      { passwordHash },
    );
    return staffActorWithoutSession(user);
  };

  const office = await staffOf('office', '李娜', 'office');
  const kiosk = await registerKioskWithToken(db, {
    communityId,
    name: '社区办公室自助机',
    token: DEMO_LOGINS.kioskToken,
  });
  const doorKiosk = await registerKioskWithToken(db, {
    communityId,
    name: '活动室门口签到机',
    token: DEMO_LOGINS.doorKioskToken,
  });
  await staffOf('auditor', '周敏', 'auditor');
  await seedStaffStory(db, { communityId, office, password: DEMO_LOGINS.password, passwordHash });

  const organizations = new Map<DemoOrganization['key'], { id: string; leader: Staff }>();
  for (const organization of DEMO_ORGANIZATIONS) {
    const { id } = await createOrganization(db, {
      communityId,
      name: organization.name,
      description: organization.description,
    });
    const leader = await staffOf(
      organization.leader.username,
      organization.leader.displayName,
      'leader',
      [id],
    );
    organizations.set(organization.key, { id, leader });
  }

  const people = demoResidents();
  // One hash for the demo's shared PIN: sixty argon2 hashes would slow the first start for nothing.
  const pinHash = await hashSecret(DEMO_LOGINS.pin);
  const residents: { id: string; person: DemoResident }[] = [];
  for (const person of people) {
    const created = await createResident(
      db,
      { communityId, ...person, displayName: person.name, pin: DEMO_LOGINS.pin },
      { pinHash },
    );
    residents.push({ id: created.id, person });
  }

  const members = await seedMemberships(db, { communityId, organizations, residents });
  await seedServiceHistory(db, { communityId, office, organizations, members, now });
  // The service signs the ledger every hour; the demo has two checkpoints, one after the
  // service history and one at the end, so the poster and the verify page carry codes.
  await makeCheckpoint(db, communityId);
  await seedShop(db, {
    communityId,
    office,
    kioskId: kiosk.id,
    residentIds: residents.map((r) => r.id),
  });
  // Issue 6: history for the participation reports, correction requests, a certificate.
  await seedParticipationStory(db, {
    communityId,
    office,
    now,
    staffPassword: { password: DEMO_LOGINS.password, passwordHash },
  });
  // Issue 10: invitations to join that wait for the resident's answer at the kiosk.
  const sunshine = organizations.get('sunshine');
  if (sunshine) {
    await seedInvitations(db, {
      communityId,
      leader: sunshine.leader,
      organizationId: sunshine.id,
      residents,
      now,
    });
  }
  // Issue 13: activities over (their sheets pending), running at the demo kiosk, and ahead.
  await seedActivities(db, { communityId, office, organizations, kiosk: doorKiosk, now });
  // Issue 14: a daughter acts for the eldest resident on her phone.
  await seedProxies(db, { communityId, office, residents });
  // Issue 15: topics at every stage of deliberation, polls open and closed.
  await seedDeliberation(db, { communityId, office, kioskId: kiosk.id, now });
  // Issue 16: a living time bank: exchanges paid by the care pool, requests open, a dispute.
  await seedTimeBank(db, { communityId, office, kioskId: kiosk.id, now });
  // Issue 17: Q's street, its two neighbours, and residents moving house between them.
  await seedStreet(db, {
    qCommunityId: communityId,
    qOffice: office,
    movingResidentId: await movingResident(db, communityId),
    passwordHash,
    password: DEMO_LOGINS.password,
    pinHash,
    now,
  });
  await makeCheckpoint(db, communityId);
}

/**
 * The Q resident who moved to Wutong: of the cards no browser test uses (Q0035 and Q0044 raised
 * topics in the past, Q0056–Q0059 never served), the one holding the most points.
 */
async function movingResident(db: Kysely<Database>, communityId: string): Promise<string> {
  const row = await db
    .selectFrom('residents as r')
    .innerJoin('ledger_accounts as a', (join) =>
      join.onRef('a.community_id', '=', 'r.community_id').onRef('a.id', '=', 'r.points_account_id'),
    )
    .select('r.id')
    .where('r.community_id', '=', communityId)
    .where('r.card_number', 'in', ['Q0035', 'Q0044', 'Q0056', 'Q0057', 'Q0058', 'Q0059'])
    .orderBy('a.balance', 'desc')
    .orderBy('r.card_number')
    .executeTakeFirstOrThrow();
  return row.id;
}

type Organizations = Map<DemoOrganization['key'], { id: string; leader: Staff }>;
type Members = Map<DemoOrganization['key'], { id: string; person: DemoResident }[]>;

async function seedMemberships(
  db: Kysely<Database>,
  {
    communityId,
    organizations,
    residents,
  }: {
    communityId: string;
    organizations: Organizations;
    residents: { id: string; person: DemoResident }[];
  },
): Promise<Members> {
  const random = seededRandom(7);
  const keys = DEMO_ORGANIZATIONS.map((o) => o.key);
  const members: Members = new Map(keys.map((key) => [key, []]));
  for (const [index, resident] of residents.entries()) {
    // Everyone core or regular is in the Sunshine team (the leader's), plus one more.
    const joined = new Set<DemoOrganization['key']>();
    if (resident.person.activity === 'core' || resident.person.activity === 'regular')
      joined.add('sunshine');
    joined.add(keys[(index + Math.floor(random() * keys.length)) % keys.length] ?? 'green');
    for (const key of joined) {
      const organization = organizations.get(key);
      if (!organization) continue;
      await addMember(db, {
        communityId,
        organizationId: organization.id,
        residentId: resident.id,
      });
      members.get(key)?.push(resident);
    }
  }
  return members;
}

const SHARE_BY_ACTIVITY: Record<DemoResident['activity'], number> = {
  core: 0.8,
  regular: 0.35,
  occasional: 0.12,
  none: 0,
};

async function seedServiceHistory(
  db: Kysely<Database>,
  {
    communityId,
    office,
    organizations,
    members,
    now,
  }: {
    communityId: string;
    office: Staff;
    organizations: Organizations;
    members: Members;
    now: Date;
  },
) {
  const random = seededRandom(42);
  const key = () => `demo-${randomUUID()}`;
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const events: { daysAgo: number; recordIds: string[] }[] = [];

  for (let daysAgo = 98; daysAgo >= 1; daysAgo--) {
    for (const [index, activity] of DEMO_ACTIVITIES.entries()) {
      if ((daysAgo + index * 3) % 7 !== 0) continue; // each activity once a week
      const organization = organizations.get(activity.organization);
      if (!organization) continue;
      const participants = (members.get(activity.organization) ?? []).filter(
        (m) => random() < SHARE_BY_ACTIVITY[m.person.activity],
      );
      if (participants.length === 0) continue;
      // 09:00, 14:00 or 19:00 Beijing time (UTC+8).
      const hour = [1, 6, 11][index % 3] ?? 1;
      const startedAt = new Date(today - daysAgo * DAY + hour * 3_600_000).toISOString();
      const { records } = await logService(db, {
        staff: organization.leader,
        origin: ORIGIN,
        input: {
          idempotencyKey: key(),
          organizationId: organization.id,
          residentIds: participants.map((p) => p.id),
          activity: { title: activity.title, category: activity.category, place: activity.place },
          startedAt,
          minutes: activity.minutes,
        },
      });
      events.push({ daysAgo, recordIds: records.map((r) => r.id) });
    }
  }

  // The first rule paid the older service; a second, published six weeks ago,
  // counts deliberation and neighbourly help more and rewards a first step.
  await publishRule(db, {
    staff: office,
    origin: ORIGIN,
    idempotencyKey: key(),
    terms: { basePointsPerHour: 10, categoryWeights: {} },
  });
  const review = async (recordIds: string[], decision: 'approve' | 'reject', reason?: string) =>
    reviewService(db, {
      staff: office,
      origin: ORIGIN,
      input: { idempotencyKey: key(), recordIds, decision, ...(reason ? { reason } : {}) },
    });
  const rejected: string[] = [];
  for (const event of events.filter((e) => e.daysAgo > 42)) {
    const [first, ...rest] = event.recordIds;
    if (first && random() < 0.08) {
      rejected.push(first);
      await review([first], 'reject', '签到表上没有此人');
      if (rest.length > 0) await review(rest, 'approve');
    } else {
      await review(event.recordIds, 'approve');
    }
  }
  await publishRule(db, {
    staff: office,
    origin: ORIGIN,
    idempotencyKey: key(),
    terms: {
      basePointsPerHour: 10,
      categoryWeights: { community_affairs: 150, mutual_aid: 120 },
      dailyCapPoints: 60,
      firstParticipationBonus: 20,
    },
  });
  for (const event of events.filter((e) => e.daysAgo <= 42 && e.daysAgo > 6)) {
    await review(event.recordIds, 'approve');
  }

  // History looks like history: logged the day after, reviewed two days later.
  await sql`
    update service_records
       set logged_at = started_at + interval '1 day',
           reviewed_at = case when reviewed_at is null then null else started_at + interval '3 days' end
     where community_id = ${communityId}`.execute(db);

  await seedQuestionableRecords(db, { communityId, organizations, members, now, key });
}

/** A few pending records that trip each reviewer flag, so the approval queue has something to explain. */
async function seedQuestionableRecords(
  db: Kysely<Database>,
  {
    communityId,
    organizations,
    members,
    now,
    key,
  }: {
    communityId: string;
    organizations: Organizations;
    members: Members;
    now: Date;
    key: () => string;
  },
) {
  const sunshine = organizations.get('sunshine');
  const patrol = organizations.get('patrol');
  const sunshineMembers = members.get('sunshine') ?? [];
  const leaderAsResident = sunshineMembers.find((m) => m.person.name === '张伟');
  const someone = sunshineMembers.find(
    (m) => m.person.activity === 'regular' && m !== leaderAsResident,
  );
  const patroller = (members.get('patrol') ?? [])[0];
  if (!sunshine || !patrol || !leaderAsResident || !someone || !patroller) return;
  const at = (daysAgo: number, hourUtc: number) =>
    new Date(now.getTime() - daysAgo * DAY).toISOString().slice(0, 10) +
    `T${String(hourUtc).padStart(2, '0')}:00:00.000Z`;
  const log = (
    staff: Staff,
    organizationId: string,
    residentIds: string[],
    title: string,
    category: 'elderly_care' | 'safety' | 'mutual_aid',
    startedAt: string,
    minutes: number,
  ) =>
    logService(db, {
      staff,
      origin: ORIGIN,
      input: {
        idempotencyKey: key(),
        organizationId,
        residentIds,
        activity: { title, category, place: '社区内' },
        startedAt,
        minutes,
      },
    });
  // The leader logs their own hours.
  await log(
    sunshine.leader,
    sunshine.id,
    [leaderAsResident.id],
    '探访独居老人',
    'elderly_care',
    at(2, 1),
    120,
  );
  // Two sessions for one person that overlap.
  await log(
    sunshine.leader,
    sunshine.id,
    [someone.id],
    '邻里搬家互助',
    'mutual_aid',
    at(3, 2),
    180,
  );
  await log(
    sunshine.leader,
    sunshine.id,
    [someone.id],
    '探访独居老人',
    'elderly_care',
    at(3, 3),
    90,
  );
  // More than twelve hours in one day.
  await log(patrol.leader, patrol.id, [patroller.id], '防汛值守', 'safety', at(4, 0), 780);
  // Logged long after the activity (40 days ago, logged today).
  await log(patrol.leader, patrol.id, [patroller.id], '夜间巡逻', 'safety', at(40, 11), 120);
  // A date in the future: tomorrow's session logged ahead (at most a day ahead is taken).
  await log(
    patrol.leader,
    patrol.id,
    [patroller.id],
    '夜间巡逻',
    'safety',
    new Date(now.getTime() + 20 * 3_600_000).toISOString(),
    120,
  );
  void communityId;
}
