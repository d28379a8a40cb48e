import type { Database } from '@tally/db/schema';
import type { ServiceCategory } from '@tally/domain/categories';
import type {
  CorrectionRequest,
  MissingRecordDetails,
  MyCorrection,
} from '@tally/domain/corrections';
import { type Kysely, sql } from 'kysely';
import { cursorTime } from '../common/pages';
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
    .leftJoin('organizations as mo', (join) =>
      join.onRef('mo.community_id', '=', 'c.community_id').onRef('mo.id', '=', 'c.organization_id'),
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
      'o.name_zh as organization_name_zh',
      'o.name_en as organization_name_en',
      'u.id as resolver_id',
      'u.display_name as resolver_name',
      'n.status as new_status',
      'n.points as new_points',
      'mo.id as missing_organization_id',
      'mo.name_zh as missing_organization_name_zh',
      'mo.name_en as missing_organization_name_en',
      sql<string | null>`to_char(c.service_date, 'YYYY-MM-DD')`.as('missing_service_date'),
      'c.activity_title as missing_activity_title',
      cursorTime('c.requested_at').as('cursor_time'),
    ])
    .where('c.community_id', '=', communityId);
}

type Row = Awaited<ReturnType<ReturnType<typeof correctionRows>['execute']>>[number];

function disputedRecord(row: Row) {
  if (!row.record_id || !row.started_at || row.minutes === null) return null;
  return {
    id: row.record_id,
    organization: {
      id: row.organization_id ?? '',
      name: { zh: row.organization_name_zh ?? '', en: row.organization_name_en ?? '' },
    },
    activity: { title: row.activity_title ?? '', category: row.category as ServiceCategory },
    startedAt: isoMoment(row.started_at),
    minutes: row.minutes,
    points: row.points,
  };
}

function missingDetails(row: Row): MissingRecordDetails | null {
  if (row.kind !== 'missing_record') return null;
  const organization =
    row.missing_organization_id && row.missing_organization_name_zh !== null
      ? {
          id: row.missing_organization_id,
          name: {
            zh: row.missing_organization_name_zh,
            en: row.missing_organization_name_en ?? '',
          },
        }
      : null;
  return {
    organization,
    serviceDate: row.missing_service_date,
    activityTitle: row.missing_activity_title,
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
    missing: missingDetails(row),
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
    missing: missingDetails(row),
    requestedAt: row.requested_at.toISOString(),
    resolvedAt: row.resolved_at ? row.resolved_at.toISOString() : null,
    officeReason: row.resolution_reason,
    correctedMinutes: row.corrected_minutes,
  };
}
