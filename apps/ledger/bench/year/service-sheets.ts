import { randomUUID } from 'node:crypto';
import type { ServiceCategory } from '@tally/domain/categories';
import { pointsForService } from '@tally/domain/earning-rules';
import type { YearOrganization, YearResident } from './community';
import { creditPostings, scheduleCorrection } from './corrections';
import { entryOf } from './maps';
import { between, pick } from './random';
import {
  fits,
  localDate,
  localTime,
  MINUTE,
  officeWho,
  schedule,
  type YearState,
} from './year-state';

type SheetRecord = { id: string; resident: YearResident };

type Sheet = {
  organization: YearOrganization;
  title: string;
  category: ServiceCategory;
  place: string;
  startedAt: number;
  serviceDate: string;
  minutes: number;
  loggedAt: number;
  records: SheetRecord[];
};

const LEADER_ORIGIN = '10.0.0.50';

/**
 * The service side of the year: leaders log sign-in sheets (`service.log`), the office reviews
 * them a day or three later (`service.review`), each approval credited under the earning rule
 * as creditApprovedService does, and now and then the office reverses a credit logged twice.
 */
export class ServiceDesk {
  /** Sheets logged and not reviewed yet: written as pending records when the year ends. */
  private readonly unreviewed = new Set<Sheet>();
  /** Points credited per service day and resident (bonuses aside), as creditHistory reads them. */
  private readonly earnedOnDay = new Map<string, Map<YearResident, number>>();
  private readonly participated = new Set<YearResident>();
  /** pointsForService's answers: it validates its input (~90 µs a call), a year calls it 750,000 times. */
  private readonly credits = new Map<string, ReturnType<typeof pointsForService>>();

  constructor(private readonly state: YearState) {}

  logSheet(day: number, organization: YearOrganization): void {
    const { state } = this;
    const { random } = state;
    const activity = pick(random, organization.activities);
    const minutes = Math.max(30, activity.minutes + 30 * between(random, -1, 1));
    const startedAt = localTime(state, day, 8 + 0.5 * between(random, 0, 22));
    const loggedAt = startedAt + (minutes + between(random, 10, 180)) * MINUTE;
    if (loggedAt > state.now) return;
    const came = new Set<YearResident>();
    const wanted = between(random, 8, 30);
    for (let tries = 0; came.size < wanted && tries < wanted * 3; tries++) {
      came.add(pick(random, organization.weightedMembers));
    }
    if (came.size === 0) return;
    const sheet: Sheet = {
      organization,
      title: activity.title,
      category: activity.category,
      place: activity.place,
      startedAt,
      serviceDate: localDate(startedAt),
      minutes,
      loggedAt,
      records: [...came].map((resident) => ({ id: randomUUID(), resident })),
    };
    this.unreviewed.add(sheet);
    this.writeLog(sheet);
    const reviewAt = localTime(state, day + between(random, 1, 3), 9 + random() * 8.5);
    // One sheet in fifty names someone who was not there: the office rejects that record first.
    const wrong = random() < 0.02 && sheet.records.length > 1 ? sheet.records.pop() : undefined;
    if (wrong) {
      const at = reviewAt - 5 * MINUTE;
      schedule(state, { at, transactions: 0, run: () => this.reject(sheet, wrong, at) });
    }
    schedule(state, {
      at: reviewAt,
      transactions: sheet.records.length,
      run: () => this.approve(sheet, reviewAt),
    });
  }

  /** Service days long reviewed are never read again. */
  forgetBefore(serviceDate: string): void {
    for (const date of this.earnedOnDay.keys())
      if (date < serviceDate) this.earnedOnDay.delete(date);
  }

  /** The year ends: what no one has reviewed yet is still waiting, as pending records. */
  writeUnreviewed(): number {
    let count = 0;
    for (const sheet of this.unreviewed) {
      for (const record of sheet.records) this.writeRecord(sheet, record, {});
      count += sheet.records.length;
    }
    this.unreviewed.clear();
    return count;
  }

  private writeLog(sheet: Sheet): void {
    const { organization, records } = sheet;
    const request = {
      organizationId: organization.id,
      residentIds: records.map((r) => r.resident.id),
      activity: { title: sheet.title, category: sheet.category, place: sheet.place },
      startedAt: new Date(sheet.startedAt).toISOString(),
      minutes: sheet.minutes,
    };
    this.state.rows.write({
      at: sheet.loggedAt,
      who: { type: 'staff', id: organization.leader.id, origin: LEADER_ORIGIN },
      operation: 'service.log',
      key: randomUUID(),
      request,
      response: {
        records: records.map((r) => ({ id: r.id, residentId: r.resident.id, status: 'pending' })),
      },
      target: { type: 'organization', id: organization.id },
      details: {
        recordIds: records.map((r) => r.id),
        residentIds: request.residentIds,
        activity: request.activity,
        startedAt: request.startedAt,
        minutes: sheet.minutes,
      },
    });
  }

  private approve(sheet: Sheet, at: number): void {
    const { state } = this;
    if (at > state.now || !fits(state, sheet.records.length)) return;
    this.unreviewed.delete(sheet);
    const { who, staffId } = officeWho(state);
    const { rule } = state.community;
    const reviewed = new Map<string, Record<string, unknown>>();
    // inServiceOrder: the records of one sheet share their start, so by id.
    for (const record of [...sheet.records].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      const { credit, isFirstParticipation } = this.creditFor(sheet, record.resident);
      const posted = state.ledger.post({
        at,
        kind: 'service_credit',
        actor: { type: 'staff', id: staffId, origin: who.origin },
        memo: `${sheet.title}: ${sheet.minutes} min, ${credit.points} points (earning rule v${rule.version})`,
        reference: { type: 'service_record', id: record.id },
        reverses: null,
        idempotencyKey: `service_credit:${record.id}`,
        postings: creditPostings(state, record.resident, sheet.minutes, credit.points),
      });
      state.holdings.add(record.resident, { minutes: sheet.minutes, points: credit.points });
      this.writeRecord(sheet, record, {
        status: 'approved',
        reviewed_by: staffId,
        reviewed_at: new Date(posted.at).toISOString(),
        rule_version: rule.version,
        points: credit.points,
        first_participation_bonus: isFirstParticipation ? credit.breakdown.bonus : null,
        transaction_id: posted.id,
      });
      reviewed.set(record.id, {
        id: record.id,
        status: 'approved',
        points: credit.points,
        ruleVersion: rule.version,
        transactionId: posted.id,
      });
      if (credit.points > 0 && state.random() < 0.0015) {
        scheduleCorrection(state, {
          resident: record.resident,
          recordId: record.id,
          minutes: sheet.minutes,
          transactionId: posted.id,
          points: credit.points,
          at,
        });
      }
    }
    const records = sheet.records.map((r) => reviewed.get(r.id));
    state.rows.write({
      at,
      who,
      operation: 'service.review',
      key: randomUUID(),
      request: { recordIds: sheet.records.map((r) => r.id), decision: 'approve' },
      response: { records },
      details: { decision: 'approve', records },
    });
  }

  private creditFor(sheet: Sheet, resident: YearResident) {
    const { rule } = this.state.community;
    const day = entryOf(this.earnedOnDay, sheet.serviceDate, () => new Map<YearResident, number>());
    const earnedSameDay = day.get(resident) ?? 0;
    const isFirstParticipation = !this.participated.has(resident);
    const service = {
      minutes: sheet.minutes,
      category: sheet.category,
      earnedSameDay,
      isFirstParticipation,
      // What only a campaign looks at: without one, the answer does not depend on them.
      ...(rule.terms.campaign
        ? {
            serviceDate: sheet.serviceDate,
            birthYear: resident.birthYear,
            building: resident.building,
          }
        : {}),
    };
    const credit = entryOf(this.credits, JSON.stringify(service), () =>
      pointsForService({ rule: rule.terms, ...service }),
    );
    day.set(resident, earnedSameDay + credit.points - credit.breakdown.bonus);
    this.participated.add(resident);
    return { credit, isFirstParticipation };
  }

  private reject(sheet: Sheet, record: SheetRecord, at: number): void {
    const { state } = this;
    if (at > state.now) {
      this.unreviewed.add({ ...sheet, records: [record] });
      return;
    }
    const { who, staffId } = officeWho(state);
    const reason = 'Not on the sign-in sheet';
    this.writeRecord(sheet, record, {
      status: 'rejected',
      reviewed_by: staffId,
      reviewed_at: new Date(at).toISOString(),
      review_reason: reason,
    });
    const records = [{ id: record.id, status: 'rejected' }];
    state.rows.write({
      at,
      who,
      operation: 'service.review',
      key: randomUUID(),
      request: { recordIds: [record.id], decision: 'reject', reason },
      response: { records },
      details: { decision: 'reject', reason, records },
    });
  }

  private writeRecord(sheet: Sheet, record: SheetRecord, review: Record<string, unknown>): void {
    this.state.writer.add('service_records', {
      community_id: this.state.community.communityId,
      id: record.id,
      organization_id: sheet.organization.id,
      resident_id: record.resident.id,
      activity_title: sheet.title,
      category: sheet.category,
      place: sheet.place,
      started_at: new Date(sheet.startedAt).toISOString(),
      minutes: sheet.minutes,
      note: '',
      status: 'pending',
      logged_by: sheet.organization.leader.id,
      logged_at: new Date(sheet.loggedAt).toISOString(),
      ...review,
    });
  }
}
