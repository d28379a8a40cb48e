import type { BulkWriter } from './bulk-rows';
import type { YearCommunity, YearOrganization } from './community';
import { Holdings } from './holdings';
import { KioskDesk } from './kiosk-visits';
import type { LedgerWriter } from './ledger-entries';
import { type Random, seeded } from './random';
import { ServiceDesk } from './service-sheets';
import { UseCaseRows } from './use-case-rows';
import { DAY, HOUR, localDate, localTime, type YearEvent, type YearState } from './year-state';

/** Service credits are about this share of the year's transactions; kiosk visits fill the rest. */
const CREDIT_SHARE = 0.72;
/** Residents on an average sheet (8–30 wanted, fewer in small organizations). */
const RECORDS_PER_SHEET = 18;

export type SimulatedYear = {
  transactions: number;
  pendingRecords: number;
  issuedRedemptions: number;
};

/**
 * Plays the community's year day by day, in time order, and hands every row to the writer:
 * sheets logged and reviewed, credits, kiosk visits (redemptions, donations), redemptions
 * handed out or cancelled, corrections. Each day posts its share of `limit` transactions; what
 * a day could not post (early on, nobody has points to redeem) is made up on later days.
 */
export async function simulateYear({
  community,
  writer,
  ledger,
  limit,
  yearStart,
  now,
  onDay,
}: {
  community: YearCommunity;
  writer: BulkWriter;
  ledger: LedgerWriter;
  limit: number;
  yearStart: number;
  now: number;
  onDay?: (day: number, days: number, transactions: number) => void;
}): Promise<SimulatedYear> {
  const random = seeded(2027);
  const state: YearState = {
    community,
    random,
    writer,
    ledger,
    rows: new UseCaseRows(writer, community.communityId),
    yearStart,
    now,
    limit,
    holdings: new Holdings(community.residents.length),
    agenda: new Map(),
    today: { day: -1, events: [] },
  };
  const service = new ServiceDesk(state);
  const kiosks = new KioskDesk(state);
  const organizationOf = weightedOrganizations(community.organizations, random);
  const days = Math.floor((now - yearStart) / DAY) + 1;
  const sheetsPerDay = (limit * CREDIT_SHARE) / days / RECORDS_PER_SHEET;

  for (let day = 0; day < days; day++) {
    const events = state.agenda.get(day) ?? [];
    state.agenda.delete(day);
    const sheets = Math.round(sheetsPerDay * (0.7 + 0.6 * random()));
    for (let i = 0; i < sheets; i++) service.logSheet(day, organizationOf());
    const due = events.reduce((n, e) => n + (e.at <= now ? e.transactions : 0), 0);
    const target = Math.floor((limit * (day + 1)) / days);
    const visits = Math.max(0, target - state.ledger.sequence - due);
    for (let i = 0; i < visits; i++)
      events.push(visitAt(state, kiosks, localTime(state, day, 8 + 12 * random())));
    events.sort((a, b) => a.at - b.at);
    state.today = { day, events };
    // Indexed, not iterated: events the day schedules for itself are spliced in ahead.
    for (let i = 0; i < events.length; i++) events[i]?.run();
    service.forgetBefore(localDate(localTime(state, day - 7, 0)));
    await writer.pace();
    onDay?.(day + 1, days, state.ledger.sequence);
  }
  // What is still missing is visits in the last hour, one a second.
  for (let tries = 0; state.ledger.sequence < limit && tries < 100_000; tries++) {
    kiosks.visit(now - HOUR + ((tries * 1000) % HOUR));
  }
  const pendingRecords = service.writeUnreviewed();
  const issuedRedemptions = kiosks.redemptions.writeIssued();
  await writer.finish();
  return { transactions: state.ledger.sequence, pendingRecords, issuedRedemptions };
}

function visitAt(state: YearState, kiosks: KioskDesk, at: number): YearEvent {
  return { at, transactions: 1, run: () => at <= state.now && kiosks.visit(at) };
}

/** Bigger organizations log more sheets. */
function weightedOrganizations(organizations: YearOrganization[], random: Random) {
  const total = organizations.reduce((n, o) => n + o.weightedMembers.length, 0);
  return (): YearOrganization => {
    let draw = random() * total;
    for (const organization of organizations) {
      draw -= organization.weightedMembers.length;
      if (draw < 0) return organization;
    }
    return organizations[organizations.length - 1] as YearOrganization;
  };
}
