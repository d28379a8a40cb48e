import type { Database } from '@tally/db/schema';
import { DORMANT_AFTER_DAYS, type ReportInput } from '@tally/domain/reports';
import type { CommunityFigures, StreetInsights, StreetInsightsInput } from '@tally/domain/street';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { motivationReport } from '../reports/motivation-report';
import { organizationsReport } from '../reports/organizations-report';
import { structureReport } from '../reports/structure-report';
import { willingnessReport } from '../reports/willingness-report';
import { type StreetStaff, streetCommunities } from './street-overview';

/**
 * Every community of the street side by side, each figure taken from that community's own
 * participation reports: the same periods (in each community's own calendar), the same
 * definitions, and the same "<5" for any figure about fewer than five residents. A community
 * is read alone, so a street of many is as many small reports (each routed to its own shard).
 */
export async function streetInsights(
  db: Kysely<Database>,
  { staff, input }: { staff: StreetStaff; input: z.infer<typeof StreetInsightsInput> },
): Promise<StreetInsights> {
  const communities = await streetCommunities(db, staff.streetId);
  const report: ReportInput = { last: input.last };
  const figures: CommunityFigures[] = [];
  for (const community of communities) {
    const args = { communityId: community.id, input: report };
    const [structure, willingness, motivation, organizations] = await Promise.all([
      structureReport(db, args),
      willingnessReport(db, args),
      motivationReport(db, args),
      organizationsReport(db, args),
    ]);
    const period = structure.windows.find((w) => w.window === 'period');
    figures.push({
      id: community.id,
      name: community.name,
      active: community.active,
      period: structure.period,
      participation: period?.total ?? { group: 'all', residents: 0, participants: 0, rate: 0 },
      byAgeBand: period?.byAgeBand ?? [],
      firstStepRate: willingness.funnel.firstStepRate,
      secondStepRate: willingness.funnel.secondStepRate,
      organizations: organizations.organizations.length,
      dormantOrganizations: organizations.organizations.filter(
        (o) => o.daysSinceLeaderLogged === null || o.daysSinceLeaderLogged >= DORMANT_AFTER_DAYS,
      ).length,
      governance: {
        tookPart: structure.governance.total.tookPart,
        rate: structure.governance.total.rate,
      },
      redeemedShare: motivation.points.redeemedShare,
      timeBank: {
        exchanges: motivation.timeBank.exchanges,
        helpers: motivation.timeBank.helpers,
        exchangedHours: motivation.timeBank.exchangedHours,
      },
    });
  }
  return { communities: figures };
}
