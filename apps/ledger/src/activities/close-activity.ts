import type { Database } from '@tally/db/schema';
import type { CloseActivityInput, CloseActivityResult } from '@tally/domain/activities';
import { attendedMinutes } from '@tally/domain/activity-rules';
import type { ServiceCategory } from '@tally/domain/categories';
import { DomainError } from '@tally/domain/errors';
import { inLanguage } from '@tally/domain/localized-text';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { runStaffWrite } from '../common/use-case';
import { markTopicsConsulted } from '../deliberation/topic-follow-up';
import { assertMayActFor } from '../organizations/leadership';
import { type SheetEntry, writePendingRecords } from '../service/log-service';
import { notOpen } from './activity-refusals';
import { type LockedActivity, lockActivity } from './activity-rows';
import { leaveActivityMode } from './kiosk-mode';

type Adjustment = CloseActivityInput['adjustments'][number];

/**
 * Closes an activity once it has started: its attendance becomes one sign-in sheet of pending
 * service records, written by the same code a typed sheet is (so the review, its flags and
 * maker–checker apply unchanged: whoever closes cannot approve), and residents who held a place
 * and never came are recorded as no-shows. Nothing is credited until the office approves.
 */
export async function closeActivity(
  db: Kysely<Database>,
  {
    staff,
    origin,
    input: { idempotencyKey, id, adjustments },
  }: { staff: StaffActor; origin: string; input: CloseActivityInput },
): Promise<CloseActivityResult> {
  const { communityId } = staff;
  return runStaffWrite(
    db,
    {
      staff,
      origin,
      operation: 'activities.close',
      key: idempotencyKey,
      request: { id, adjustments },
    },
    async (trx) => {
      const activity = await lockActivity(trx, { communityId, id, lock: 'terms' });
      assertMayActFor(staff, activity.organization_id);
      if (activity.status !== 'published' || activity.now < activity.starts_at)
        throw notOpen(activity, 'closing');
      const entries = await sheetEntries(trx, { activity, adjustments });
      const records = await writePendingRecords(trx, {
        communityId,
        loggedBy: staff.id,
        organizationId: activity.organization_id,
        activityId: id,
        activity: {
          title: inLanguage({ zh: activity.title_zh, en: activity.title_en }, 'zh'),
          category: activity.category as ServiceCategory,
          place: activity.place,
        },
        entries,
      });
      for (const [index, record] of records.entries()) {
        const adjustment = entries[index]?.adjustment;
        await trx
          .updateTable('activity_attendance')
          .set({
            minutes: record.minutes,
            service_record_id: record.id,
            adjusted_minutes: adjustment?.minutes ?? null,
            adjustment_reason: adjustment?.reason ?? null,
          })
          .where('community_id', '=', communityId)
          .where('activity_id', '=', id)
          .where('resident_id', '=', record.residentId)
          .execute();
      }
      const noShows = await recordNoShows(trx, { communityId, activityId: id });
      await trx
        .updateTable('activities')
        .set({
          status: 'closed',
          closed_at: sql`now()`,
          closed_by: staff.id,
          updated_at: sql`now()`,
        })
        .where('community_id', '=', communityId)
        .where('id', '=', id)
        .execute();
      await leaveActivityMode(trx, { communityId, activityId: id });
      // A consultation meeting closed: the topics it was held on are consulted (issue 15).
      await markTopicsConsulted(trx, { communityId, activityId: id });
      const result: CloseActivityResult = {
        records: records.map((record) => ({ ...record, status: 'pending' as const })),
        noShows,
      };
      return {
        result,
        audit: {
          target: { type: 'activity', id },
          details: {
            recordIds: records.map((record) => record.id),
            noShows,
            ...(adjustments.length > 0 ? { adjustments } : {}),
          },
        },
      };
    },
  );
}

/**
 * One entry per resident checked in. Minutes run from check-in to check-out, capped by the
 * activity's length, or are the activity's length without a check-out; an adjustment (with its
 * reason, which the reviewer reads as the record's note) replaces them.
 */
async function sheetEntries(
  trx: Transaction<Database>,
  { activity, adjustments }: { activity: LockedActivity; adjustments: Adjustment[] },
): Promise<(SheetEntry & { adjustment: Adjustment | undefined })[]> {
  const attendance = await trx
    .selectFrom('activity_attendance')
    .select(['resident_id', 'checked_in_at', 'checked_out_at'])
    .where('community_id', '=', activity.community_id)
    .where('activity_id', '=', activity.id)
    .orderBy('checked_in_at')
    .orderBy('resident_id')
    .execute();
  const present = new Set(attendance.map((row) => row.resident_id));
  const absent = adjustments.filter((a) => !present.has(a.residentId));
  if (absent.length > 0) {
    throw new DomainError(
      'NOT_CHECKED_IN',
      'Only the minutes of residents checked in can be adjusted.',
      { residentIds: absent.map((a) => a.residentId) },
    );
  }
  const adjusted = new Map(adjustments.map((a) => [a.residentId, a]));
  return attendance.map((row) => {
    const adjustment = adjusted.get(row.resident_id);
    return {
      residentId: row.resident_id,
      // With a check-out the minutes ran from the check-in; without, the whole activity counts.
      startedAt: row.checked_out_at ? row.checked_in_at : activity.starts_at,
      minutes:
        adjustment?.minutes ??
        attendedMinutes({
          startsAt: activity.starts_at,
          endsAt: activity.ends_at,
          checkedInAt: row.checked_in_at,
          checkedOutAt: row.checked_out_at,
        }),
      note: adjustment ? adjustment.reason : '',
      adjustment,
    };
  });
}

/** Everyone who held a place and never checked in; their sign-ups say so from now on. */
async function recordNoShows(
  trx: Transaction<Database>,
  { communityId, activityId }: { communityId: string; activityId: string },
): Promise<string[]> {
  const rows = await trx
    .updateTable('activity_sign_ups as u')
    .set({ status: 'no_show' })
    .where('u.community_id', '=', communityId)
    .where('u.activity_id', '=', activityId)
    .where('u.status', '=', 'signed_up')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('activity_attendance as t')
            .select('t.resident_id')
            .whereRef('t.community_id', '=', 'u.community_id')
            .whereRef('t.activity_id', '=', 'u.activity_id')
            .whereRef('t.resident_id', '=', 'u.resident_id'),
        ),
      ),
    )
    .returning('u.resident_id')
    .execute();
  return rows.map((row) => row.resident_id).sort();
}
