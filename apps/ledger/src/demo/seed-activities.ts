import { randomUUID } from 'node:crypto';
import type { Database } from '@tally/db/schema';
import { type Kysely, sql } from 'kysely';
import { cancelActivity } from '../activities/cancel-activity';
import { checkIn, checkInAtKiosk } from '../activities/check-in';
import { closeActivity } from '../activities/close-activity';
import { createActivity } from '../activities/create-activity';
import { kioskActivities } from '../activities/kiosk-activities';
import { publishActivity } from '../activities/publish-activity';
import { signUpAtKiosk } from '../activities/sign-up';
import type { StaffActor } from '../auth/actors';
import { setActivityMode } from '../kiosk-devices/set-activity-mode';
import { DEMO_ACTIVITY_PLANS, type DemoActivityPlan } from './demo-activity-plans';
import type { DemoOrganization } from './demo-people';

// Issue 13's story on the demo: a dozen activities across the organizations. Six are over and
// closed (their attendance now pending records in the office's queue, with no-shows, a walk-in,
// an early leaver and an adjusted time); one runs right now with the demo kiosk at its door;
// upcoming ones have sign-ups (one full with a waiting list, one for the under-30s the campaign
// wants, one whose sign-up opens tomorrow); one was cancelled for the weather, which its
// residents (Q0001 among them) see at the kiosk; one is still a draft. Everything goes through
// the service's own functions; only times are moved by SQL, as the clock cannot be.

const ORIGIN = 'demo-seed';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Context = {
  db: Kysely<Database>;
  communityId: string;
  office: StaffActor;
  organizations: Map<DemoOrganization['key'], { id: string; leader: StaffActor }>;
  kiosk: { id: string; name: string };
  now: Date;
  cards: Map<string, string>;
  young: string[];
};

export async function seedActivities(
  db: Kysely<Database>,
  options: Omit<Context, 'db' | 'cards' | 'young'>,
): Promise<void> {
  const residents = await db
    .selectFrom('residents')
    .select(['id', 'card_number', 'birth_year'])
    .where('community_id', '=', options.communityId)
    .orderBy('card_number')
    .execute();
  const year = options.now.getUTCFullYear();
  const context: Context = {
    db,
    ...options,
    cards: new Map(residents.map((r) => [r.card_number, r.id])),
    // Q0055 is left for the first-step story (seed-participation-story.ts).
    young: residents
      .filter((r) => r.birth_year !== null && year - r.birth_year < 30 && r.card_number !== 'Q0055')
      .slice(0, 5)
      .map((r) => r.card_number),
  };
  for (const plan of DEMO_ACTIVITY_PLANS) await seedActivity(context, plan);
  // Residents who looked at what is on at the kiosk without signing up (yet).
  for (const card of LOOKED_ONLY) {
    await kioskActivities(db, {
      communityId: options.communityId,
      residentId: residentAt(context, card).residentId,
    });
  }
}

/** Residents who saw the upcoming activities at the kiosk: the willingness report's first stage. */
const LOOKED_ONLY = [
  'Q0019',
  'Q0026',
  'Q0029',
  'Q0031',
  'Q0037',
  'Q0041',
  'Q0042',
  'Q0047',
  'Q0048',
];

async function seedActivity(context: Context, plan: DemoActivityPlan): Promise<void> {
  const { db, communityId, office, now } = context;
  const organization = context.organizations.get(plan.organization);
  if (!organization) return;
  const staff = organization.leader;
  const starts = startOf(plan, now);
  const ends = new Date(starts.getTime() + plan.minutes * MINUTE);
  // What is over (or running) was published, and signed up for, while it lay ahead.
  const shift =
    starts.getTime() <= now.getTime() + HOUR ? now.getTime() - starts.getTime() + 2 * DAY : 0;
  const { id } = await createActivity(db, {
    staff,
    origin: ORIGIN,
    input: {
      idempotencyKey: key(),
      organizationId: organization.id,
      title: plan.title,
      description: plan.description,
      category: plan.category,
      place: plan.place,
      startsAt: new Date(starts.getTime() + shift).toISOString(),
      endsAt: new Date(ends.getTime() + shift).toISOString(),
      waitingList: plan.waitingList ?? false,
      ...(plan.slots ? { slots: plan.slots } : {}),
      ...(plan.invite ? { invite: plan.invite } : {}),
      ...(plan.signUpOpensInDays !== undefined
        ? { signUpOpensAt: new Date(now.getTime() + plan.signUpOpensInDays * DAY).toISOString() }
        : {}),
    },
  });
  if (plan.stage === 'draft') return;
  await publishActivity(db, { staff, origin: ORIGIN, input: { idempotencyKey: key(), id } });
  const signUps = plan.signUps === 'young' ? context.young : plan.signUps;
  for (const card of signUps) {
    await signUpAtKiosk(db, {
      session: residentAt(context, card),
      origin: ORIGIN,
      input: { idempotencyKey: key(), activityId: id },
    });
  }
  if (plan.stage === 'cancelled') {
    await cancelActivity(db, {
      staff,
      origin: ORIGIN,
      input: { idempotencyKey: key(), id, reason: plan.cancelReason ?? '活动取消' },
    });
    return;
  }
  if (plan.stage === 'upcoming') return;

  await sql`update activities
     set starts_at = ${starts}, ends_at = ${ends},
         created_at = ${new Date(starts.getTime() - 10 * DAY)},
         published_at = ${new Date(starts.getTime() - 9 * DAY)},
         updated_at = ${new Date(starts.getTime() - 9 * DAY)}
   where community_id = ${communityId} and id = ${id}`.execute(db);
  await sql`update activity_sign_ups
     set signed_up_at = ${starts}::timestamptz - make_interval(hours => 24 + queue_number * 7)
   where community_id = ${communityId} and activity_id = ${id}`.execute(db);

  const came = [
    ...signUps.filter((card) => !(plan.absent ?? []).includes(card)),
    ...(plan.walkIns ?? []),
  ];
  if (plan.stage === 'running') {
    await setActivityMode(db, {
      staff: office,
      origin: ORIGIN,
      input: { idempotencyKey: key(), kioskId: context.kiosk.id, activityId: id },
    });
  }
  for (const card of came) {
    const input = { idempotencyKey: key(), activityId: id, cardNumber: card };
    if (plan.stage === 'running') {
      const kiosk = {
        kind: 'kiosk' as const,
        kioskId: context.kiosk.id,
        communityId,
        kioskName: context.kiosk.name,
      };
      await checkInAtKiosk(db, { kiosk, origin: ORIGIN, input });
    } else {
      await checkIn(db, { staff, origin: ORIGIN, input });
    }
  }
  // At the door a few minutes either side of the start; some left early, or checked out late.
  for (const [index, card] of came.entries()) {
    const checkedIn = new Date(starts.getTime() + ((index % 4) * 4 - 6) * MINUTE);
    const left = plan.leftAfter?.[card];
    await sql`update activity_attendance
       set checked_in_at = ${checkedIn},
           checked_out_at = ${left === undefined ? null : new Date(starts.getTime() + left * MINUTE)}
     where community_id = ${communityId} and activity_id = ${id}
       and resident_id = ${context.cards.get(card) ?? ''}`.execute(db);
  }
  if (plan.stage === 'running') return;

  const adjusted = plan.adjusted;
  await closeActivity(db, {
    staff,
    origin: ORIGIN,
    input: {
      idempotencyKey: key(),
      id,
      adjustments: adjusted
        ? [
            {
              residentId: residentAt(context, adjusted.card).residentId,
              minutes: adjusted.minutes,
              reason: adjusted.reason,
            },
          ]
        : [],
    },
  });
  // Closed, and its sheet logged, the evening it ended.
  const closedAt = new Date(ends.getTime() + 2 * HOUR);
  await sql`update activities set closed_at = ${closedAt}, updated_at = ${closedAt}
   where community_id = ${communityId} and id = ${id}`.execute(db);
  await sql`update service_records set logged_at = ${closedAt}
   where community_id = ${communityId} and activity_id = ${id}`.execute(db);
}

/** Its start: a day and hour in Beijing time; a running one began half an hour ago. */
function startOf(plan: DemoActivityPlan, now: Date): Date {
  if (plan.stage === 'running') {
    return new Date(Math.floor((now.getTime() - 30 * MINUTE) / (5 * MINUTE)) * 5 * MINUTE);
  }
  const beijingToday = new Date(now.getTime() + 8 * HOUR).toISOString().slice(0, 10);
  const midnight = Date.parse(`${beijingToday}T00:00:00+08:00`);
  return new Date(midnight + plan.day * DAY + plan.hour * HOUR);
}

function residentAt(context: Context, card: string) {
  const residentId = context.cards.get(card);
  if (!residentId) throw new Error(`the demo has no resident ${card}`);
  return { residentId, communityId: context.communityId, kioskId: context.kiosk.id };
}

function key(): string {
  return `demo-${randomUUID()}`;
}
