import type { Database } from '@tally/db/schema';
import type { ServiceCategory } from '@tally/domain/categories';
import type { CorrectionRequest, MyCorrection } from '@tally/domain/corrections';
import type { Kysely } from 'kysely';
import { cursorTime } from '../notices/time-cursor';
import { isoMoment } from '../service/stored-time';

/** Correction requests with the resident, the disputed record, the resolver and the new record. */
export function correctionRows(db: Kysely<Database>, communityId: string) {
  return db
    .selectFrom('correction_requests as c')
    .innerJoin('residents as r', (join) =>
      join.onRef('r.community_id', '=', 'c.community_id').onRef('r.id', '=', 'c.resident_id'),
    )
    .leftJoin('service_records as s', (join) =>
      join.onRef('s.community_id', '=', 'c.community_id').onRef('s.id', '=', 'c.service_record_id'),
    )
    .leftJoin('organizations as o', (join) =>
      join.onRef('o.community_id', '=', 's.community_id').onRef('o.id', '=', 's.organization_id'),
    )
    .leftJoin('staff_users as u', (join) =>
      join.onRef('u.community_id', '=', 'c.community_id').onRef('u.id', '=', 'c.resolved_by'),
    )
    .leftJoin('service_records as n', (join) =>
      join
        .onRef('n.community_id', '=', 'c.community_id')
        .onRef('n.id', '=', 'c.new_service_record_id'),
    )
    .select([
      'c.id',
      'c.kind',
      'c.status',
      'c.reason',
      'c.proposed_minutes',
      'c.requested_at',
      'c.resolved_at',
      'c.resolution_reason',
      'c.corrected_minutes',
      'c.reversal_transaction_id',
      'c.new_service_record_id',
      'r.id as resident_id',
      'r.name as resident_name',
      'r.display_name as resident_display_name',
      'r.card_number',
      's.id as record_id',
      's.activity_title',
      's.category',
      's.started_at',
      's.minutes',
      's.points',
      'o.id as organization_id',
      'o.name as organization_name',
      'u.id as resolver_id',
      'u.display_name as resolver_name',
      'n.status as new_status',
      'n.points as new_points',
      cursorTime('c.requested_at').as('cursor_time'),
    ])
    .where('c.community_id', '=', communityId);
}

type Row = Awaited<ReturnType<ReturnType<typeof correctionRows>['execute']>>[number];

function disputedRecord(row: Row) {
  if (!row.record_id || !row.started_at || row.minutes === null) return null;
  return {
    id: row.record_id,
    organization: { id: row.organization_id ?? '', name: row.organization_name ?? '' },
    activity: { title: row.activity_title ?? '', category: row.category as ServiceCategory },
    startedAt: isoMoment(row.started_at),
    minutes: row.minutes,
    points: row.points,
  };
}

export function toCorrectionRequest(row: Row): CorrectionRequest {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    reason: row.reason,
    proposedMinutes: row.proposed_minutes,
    resident: {
      id: row.resident_id,
      name: row.resident_name,
      displayName: row.resident_display_name,
      cardNumber: row.card_number,
    },
    record: disputedRecord(row),
    requestedAt: row.requested_at.toISOString(),
    resolution:
      row.status === 'open' || !row.resolved_at
        ? null
        : {
            decision: row.status === 'accepted' ? 'accept' : 'decline',
            reason: row.resolution_reason ?? '',
            resolvedAt: row.resolved_at.toISOString(),
            resolvedBy: { id: row.resolver_id ?? '', displayName: row.resolver_name ?? '' },
            correctedMinutes: row.corrected_minutes,
            reversalTransactionId: row.reversal_transaction_id,
            newRecord:
              row.new_service_record_id && row.new_status
                ? { id: row.new_service_record_id, status: row.new_status, points: row.new_points }
                : null,
          },
  };
}

export function toMyCorrection(row: Row): MyCorrection {
  const record = disputedRecord(row);
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    reason: row.reason,
    proposedMinutes: row.proposed_minutes,
    record: record
      ? {
          id: record.id,
          organization: record.organization,
          activity: record.activity,
          startedAt: record.startedAt,
          minutes: record.minutes,
        }
      : null,
    requestedAt: row.requested_at.toISOString(),
    resolvedAt: row.resolved_at ? row.resolved_at.toISOString() : null,
    officeReason: row.resolution_reason,
    correctedMinutes: row.corrected_minutes,
  };
}
