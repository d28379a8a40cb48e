import type { Database } from '@tally/db/schema';
import {
  RETURN_WITHIN_DAYS,
  type ReportInput,
  rateCell,
  smallGroupCell,
  type WillingnessReport,
} from '@tally/domain/reports';
import type { Kysely } from 'kysely';
import { type ActivityFacts, activityFacts, activityStages } from './activity-stages';
import { daysBetween, median } from './calendar';
import { firstServiceDays } from './counted-service';
import { type ResolvedPeriod, resolveReportPeriod, statedPeriod } from './report-period';
import { type ReportResident, reportResidents } from './report-residents';

/** The first step and the second: residents → served once → came back within 90 days. */
export async function willingnessReport(
  db: Kysely<Database>,
  { communityId, input }: { communityId: string; input: ReportInput },
): Promise<WillingnessReport> {
  const period = await resolveReportPeriod(db, { communityId, input });
  const [residents, firsts, activities] = await Promise.all([
    reportResidents(db, period),
    firstServiceDays(db, period),
    activityFacts(db, period),
  ]);
  return buildWillingnessReport({ period, residents, firsts, activities });
}

export function buildWillingnessReport({
  period,
  residents,
  firsts,
  activities,
}: {
  period: ResolvedPeriod;
  residents: ReportResident[];
  firsts: Map<string, { first: string; second: string | null }>;
  activities: ActivityFacts;
}): WillingnessReport {
  const counted = residents.filter((r) => r.since <= period.to || firsts.has(r.id));
  const cameBack = (id: string) => {
    const days = firsts.get(id);
    return !!days?.second && daysBetween(days.first, days.second) <= RETURN_WITHIN_DAYS;
  };
  const servedOnce = counted.filter((r) => firsts.has(r.id));
  const servedAgain = servedOnce.filter((r) => cameBack(r.id));
  const firstSteps = servedOnce.filter((r) => (firsts.get(r.id)?.first ?? '') >= period.from);
  const firstStepsBack = firstSteps.filter((r) => cameBack(r.id));
  const stillWithin = firstSteps.filter(
    (r) =>
      !cameBack(r.id) &&
      daysBetween(firsts.get(r.id)?.first ?? period.to, period.to) < RETURN_WITHIN_DAYS,
  );
  // Paper sheets can reach the office before the card does: such a wait counts as none.
  const waits = firstSteps.map((r) =>
    Math.max(0, daysBetween(r.cardIssuedOn, firsts.get(r.id)?.first ?? r.cardIssuedOn)),
  );
  return {
    period: statedPeriod(period),
    funnel: {
      residents: smallGroupCell(counted.length),
      servedOnce: smallGroupCell(servedOnce.length),
      servedAgainWithin90Days: smallGroupCell(servedAgain.length),
      firstStepRate: rateCell(servedOnce.length, counted.length),
      secondStepRate: rateCell(servedAgain.length, servedOnce.length),
    },
    firstStepsInPeriod: {
      residents: smallGroupCell(firstSteps.length),
      servedAgainWithin90Days: smallGroupCell(firstStepsBack.length),
      stillWithin90Days: smallGroupCell(stillWithin.length),
    },
    medianDaysCardToFirstService: smallGroupCell(waits.length, median(waits) ?? 0),
    activities: activityStages(activities),
  };
}
