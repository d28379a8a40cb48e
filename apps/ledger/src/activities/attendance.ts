import type { Database } from '@tally/db/schema';
import type { Attendance, AttendanceEntry } from '@tally/domain/activities';
import { attendedMinutes } from '@tally/domain/activity-rules';
import type { Kysely } from 'kysely';
import { assertMaySee } from '../organizations/leadership';
import { activityNotFound } from './activity-rows';
import type { ActivityReader } from './list-activities';

/**
 * Who signed up, who waits, who came (walk-ins too) and for how long: the sheet the leader
 * checks before closing. Checked-in residents first, then by name.
 */
export async function activityAttendance(
  db: Kysely<Database>,
  { staff, activityId }: { staff: ActivityReader; activityId: string },
): Promise<Attendance> {
  const { communityId } = staff;
  const activity = await db
    .selectFrom('activities')
    .select(['id', 'organization_id', 'status', 'starts_at', 'ends_at'])
    .where('community_id', '=', communityId)
    .where('id', '=', activityId)
    .executeTakeFirst();
  if (!activity) throw activityNotFound();
  assertMaySee(staff, activity.organization_id);
  const rows = await db
    .selectFrom('residents as r')
    .leftJoin('activity_sign_ups as u', (j) =>
      j
        .onRef('u.community_id', '=', 'r.community_id')
        .onRef('u.resident_id', '=', 'r.id')
        .on('u.activity_id', '=', activityId)
        .on('u.status', '<>', 'cancelled'),
    )
    .leftJoin('activity_attendance as t', (j) =>
      j
        .onRef('t.community_id', '=', 'r.community_id')
        .onRef('t.resident_id', '=', 'r.id')
        .on('t.activity_id', '=', activityId),
    )
    .select([
      'r.id',
      'r.name',
      'r.display_name',
      'r.card_number',
      'u.status as sign_up',
      'u.queue_number',
      't.checked_in_at',
      't.checked_out_at',
      't.walk_in',
      't.minutes',
      't.adjusted_minutes',
      't.adjustment_reason',
      't.service_record_id',
    ])
    .where('r.community_id', '=', communityId)
    // Only the residents the activity knows, so a big community's residents are not all read.
    .where('r.id', 'in', (eb) =>
      eb
        .selectFrom('activity_sign_ups')
        .select('resident_id')
        .where('community_id', '=', communityId)
        .where('activity_id', '=', activityId)
        .union(
          eb
            .selectFrom('activity_attendance')
            .select('resident_id')
            .where('community_id', '=', communityId)
            .where('activity_id', '=', activityId),
        ),
    )
    .where((eb) =>
      eb.or([eb('u.resident_id', 'is not', null), eb('t.resident_id', 'is not', null)]),
    )
    .orderBy((eb) => eb('t.checked_in_at', 'is', null))
    .orderBy('r.name')
    .orderBy('r.id')
    .execute();
  const waiting = rows
    .filter((row) => row.sign_up === 'waitlisted')
    .sort((a, b) => (a.queue_number ?? 0) - (b.queue_number ?? 0))
    .map((row) => row.id);
  const entries = rows.map(
    (row): AttendanceEntry => ({
      resident: {
        id: row.id,
        name: row.name,
        displayName: row.display_name,
        cardNumber: row.card_number,
      },
      signUp: row.sign_up,
      waitingPosition: row.sign_up === 'waitlisted' ? waiting.indexOf(row.id) + 1 : null,
      checkedInAt: row.checked_in_at?.toISOString() ?? null,
      checkedOutAt: row.checked_out_at?.toISOString() ?? null,
      walkIn: row.walk_in ?? false,
      minutes: row.checked_in_at
        ? (row.minutes ??
          attendedMinutes({
            startsAt: activity.starts_at,
            endsAt: activity.ends_at,
            checkedInAt: row.checked_in_at,
            checkedOutAt: row.checked_out_at,
          }))
        : null,
      adjustment:
        row.adjusted_minutes !== null && row.adjustment_reason !== null
          ? { minutes: row.adjusted_minutes, reason: row.adjustment_reason }
          : null,
      serviceRecordId: row.service_record_id,
    }),
  );
  return { activityId, status: activity.status, entries };
}
