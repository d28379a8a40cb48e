import { describeEachDatabase } from '@tally/db/testing';
import { auditActions, auditTargetTypes } from '@tally/domain/audit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, startTestServer, type TestServer } from '../test/api';
import { DEMO_LOGINS, seedDemoCommunity } from './seed-demo';
import { DEMO_INVITEES } from './seed-invitations';

describeEachDatabase('the demo community', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    await seedDemoCommunity(database().db);
    server = await startTestServer(database());
  });
  afterAll(() => server.close());

  async function signIn(username: string) {
    const { token } = await apiClient(server.url).auth.login.mutate({
      username,
      password: DEMO_LOGINS.password,
    });
    return apiClient(server.url, { token });
  }

  describe('as the README promises', () => {
    it('lets office, leader and auditor sign in with the demo password', async () => {
      for (const username of DEMO_LOGINS.staff) {
        expect((await (await signIn(username)).auth.me.query()).role).toBe(username);
      }
    });

    it('gives the demo leader an organization with members', async () => {
      const leader = await signIn('leader');
      const [organization] = await leader.organizations.list.query();
      expect(organization?.memberCount).toBeGreaterThanOrEqual(10);
    });

    it('has sixty residents, Q0001 to Q0010 with at least 200 points each', async () => {
      const office = await signIn('office');
      const page = await office.residents.list.query({ limit: 100 });
      expect(page.items.map((r) => r.cardNumber)).toEqual(
        Array.from({ length: 60 }, (_, i) => `Q${String(i + 1).padStart(4, '0')}`),
      );
      for (const resident of page.items.slice(0, 10))
        expect(resident.points).toBeGreaterThanOrEqual(200);
    });

    it('lets a resident identify at the demo kiosk with PIN 1234', async () => {
      const kiosk = apiClient(server.url, { token: DEMO_LOGINS.kioskToken });
      const { resident } = await kiosk.kiosk.identify.mutate({
        cardNumber: 'Q0001',
        pin: DEMO_LOGINS.pin,
      });
      expect(resident.points).toBeGreaterThanOrEqual(200);
    });

    it('lets a resident sign in on the phone app, and the family member act for the eldest', async () => {
      const communityId = (await (await signIn('office')).auth.me.query()).communityId;
      const resident = await apiClient(server.url).me.signIn.mutate({
        communityId,
        cardNumber: 'Q0001',
        pin: DEMO_LOGINS.pin,
      });
      expect(resident.resident.points).toBeGreaterThanOrEqual(200);
      const family = await apiClient(server.url).me.signInFamily.mutate({
        communityId,
        phone: DEMO_LOGINS.family.phone,
        pin: DEMO_LOGINS.family.pin,
      });
      expect(family.actsFor).toHaveLength(1);
      const phone = apiClient(server.url, { token: family.token });
      const history = await phone.me.history.query({ limit: 50 });
      expect(history.items.some((entry) => entry.actedBy === family.name)).toBe(true);
    });

    it('has service waiting for approval, with flags to explain, a catalog and a goal', async () => {
      const office = await signIn('office');
      const pending = await office.service.list.query({ status: 'pending', limit: 200 });
      expect(pending.items.length).toBeGreaterThan(10);
      const flags = new Set(pending.items.flatMap((r) => r.flags));
      expect([...flags].sort()).toEqual([
        'future_date',
        'logged_late',
        'over_12_hours_in_day',
        'overlapping',
        'self_logged',
      ]);
      expect((await office.rewards.list.query()).length).toBeGreaterThanOrEqual(5);
      expect((await office.goals.list.query()).some((g) => g.raisedPoints > 0)).toBe(true);
    });

    it("has newcomers invited to the leader's team, waiting to answer at the kiosk", async () => {
      const office = await signIn('office');
      const waiting = await office.organizations.invitations.query({});
      expect(waiting.items.map((i) => i.resident.cardNumber).sort()).toEqual(
        DEMO_INVITEES.map((i) => i.cardNumber),
      );
      const leader = await signIn('leader');
      const [sunshine] = await leader.organizations.list.query();
      const masked = await leader.organizations.invitations.query({});
      expect(masked.items.every((i) => i.resident.nameMasked)).toBe(true);
      expect(masked.items.every((i) => i.organization.id === sunshine?.id)).toBe(true);
      const kiosk = apiClient(server.url, { token: DEMO_LOGINS.kioskToken });
      const { residentToken } = await kiosk.kiosk.identify.mutate({
        cardNumber: 'Q0049',
        pin: DEMO_LOGINS.pin,
      });
      const atKiosk = apiClient(server.url, { token: DEMO_LOGINS.kioskToken, residentToken });
      expect(await atKiosk.kiosk.invitations.query()).toEqual([
        expect.objectContaining({ organizationName: sunshine?.name, invitedBy: '张伟' }),
      ]);
    });

    it('keeps a ledger that verifies, signed by checkpoints up to its newest entry', async () => {
      const auditor = await signIn('auditor');
      const { items } = await auditor.ledger.checkpoints.query({});
      expect(items.length).toBeGreaterThanOrEqual(3);
      const result = await auditor.ledger.verify.mutate();
      expect(result).toMatchObject({
        ok: true,
        firstBrokenSequence: null,
        findings: [],
        anchor: { sequence: result.total, code: items[0]?.code },
      });
    });
  });

  describe('tells the maker–checker story of its staff', () => {
    it("lets the office approve what the demo's leaders logged (nobody controls their accounts)", async () => {
      const office = await signIn('office');
      const pending = await office.service.list.query({ status: 'pending', limit: 200 });
      const byLeaders = pending.items.filter((r) => r.loggedBy.displayName !== '李娜');
      expect(byLeaders.length).toBeGreaterThan(0);
      expect(byLeaders.every((r) => !r.loggedByLinkedAccount)).toBe(true);
      const [first] = byLeaders;
      const { records } = await office.service.review.mutate({
        idempotencyKey: `demo-approve-${first?.id}`,
        recordIds: [first?.id ?? ''],
        decision: 'approve',
      });
      expect(records[0]?.status).toBe('approved');
    });

    it('has an auditor the office opened, awaiting confirmation by its second member', async () => {
      const office = await signIn('office');
      const second = await signIn('office2');
      const asOffice = (await office.staff.list.query()).find(
        (m) => m.username === 'auditor-street',
      );
      const asSecond = (await second.staff.list.query()).find(
        (m) => m.username === 'auditor-street',
      );
      expect(asOffice).toMatchObject({ awaitingConfirmation: true, mayConfirm: false });
      expect(asSecond).toMatchObject({ awaitingConfirmation: true, mayConfirm: true });
    });
  });

  describe('tells a story in every participation report', () => {
    it('names an under-represented group and a concentration of hours', async () => {
      const structure = await (await signIn('office')).insights.structure.query({});
      expect(structure.underRepresented.length).toBeGreaterThan(0);
      expect(structure.concentration.topShareOfHours).toBeGreaterThan(0.1);
      expect(structure.returningParticipants).toBeGreaterThan(0);
    });

    it('has residents who have not taken the first step yet', async () => {
      const { funnel } = await (await signIn('office')).insights.willingness.query({});
      expect(typeof funnel.servedOnce === 'number' && typeof funnel.residents === 'number').toBe(
        true,
      );
      expect(funnel.servedOnce).toBeLessThan(funnel.residents as number);
    });

    it('has non-material redemptions and points given to goals', async () => {
      const motivation = await (await signIn('auditor')).insights.motivation.query({});
      expect(motivation.redemptions.nonMaterialShare).toBeGreaterThan(0);
      expect(motivation.points.donatedShare).toBeGreaterThan(0);
    });

    it('has a dormant organization whose leader has logged nothing for months', async () => {
      const report = await (await signIn('office')).insights.organizations.query({});
      const dormant = report.organizations.find((o) => o.name.en === 'Homework Corner');
      expect(dormant?.daysSinceLeaderLogged).toBeGreaterThanOrEqual(120);
      expect(dormant?.hours).toBeGreaterThan(0);
    });

    it('runs a campaign for residents under 30 in the newest earning rule', async () => {
      const rules = await (await signIn('office')).rules.list.query();
      const newest = rules.reduce((a, b) => (b.version > a.version ? b : a));
      expect(newest.campaign).toMatchObject({ ageBand: 'under_30', bonusPercent: 50 });
    });

    it('shows the campaign’s effect in figures: the group’s hours and rate rose, everyone else’s did not', async () => {
      const office = await signIn('office');
      const { campaign } = await office.rules.get.query();
      if (!campaign) throw new Error('the demo runs no campaign');
      const effect = await office.insights.campaignEffect.query({
        from: campaign.from,
        to: campaign.to,
        ...(campaign.ageBand ? { ageBand: campaign.ageBand } : {}),
      });
      // Figures, not "<5": the story can be read.
      const figures = [effect.group.before, effect.group.during, effect.everyoneElse?.during];
      for (const stretch of figures) {
        expect(typeof stretch?.participants).toBe('number');
        expect(typeof stretch?.hours).toBe('number');
      }
      const change = (stretch: { before: { hours: unknown }; during: { hours: unknown } | null }) =>
        Number(stretch.during?.hours) / Number(stretch.before.hours);
      expect(effect.group.during?.participants).toBeGreaterThanOrEqual(5);
      expect(change(effect.group)).toBeGreaterThan(1);
      expect(change(effect.group)).toBeGreaterThan(change(effect.everyoneElse ?? effect.group));
      // The rule page's table: the group's rate of taking part rose, everyone else's did not.
      const rise = (stretch: { before: { rate: unknown }; during: { rate: unknown } | null }) =>
        Number(stretch.during?.rate) - Number(stretch.before.rate);
      expect(rise(effect.group)).toBeGreaterThan(0);
      expect(rise(effect.group)).toBeGreaterThan(rise(effect.everyoneElse ?? effect.group));
    });

    it('gives two rewards a photo and leaves the others their kind’s icon', async () => {
      const rewards = await (await signIn('office')).rewards.list.query();
      expect(rewards.filter((reward) => reward.photoUrl !== null)).toHaveLength(2);
      expect(rewards.length).toBeGreaterThan(2);
    });
  });

  describe('tells the story of activities', () => {
    it('has a dozen activities across the organizations: over, running, ahead, cancelled, a draft', async () => {
      const office = await signIn('office');
      const { items } = await office.activities.list.query({ limit: 100 });
      expect(items.length).toBeGreaterThanOrEqual(12);
      expect(new Set(items.map((a) => a.organization.id)).size).toBe(5);
      expect(new Set(items.map((a) => a.status))).toEqual(
        new Set(['draft', 'published', 'cancelled', 'closed']),
      );
      for (const activity of items) expect(activity.title.zh && activity.title.en).toBeTruthy();
    });

    it('turned past attendance into pending sign-in sheets, and counted the no-shows', async () => {
      const office = await signIn('office');
      const closed = (await office.activities.list.query({ status: 'closed', limit: 100 })).items;
      expect(closed.length).toBeGreaterThanOrEqual(5);
      expect(closed.reduce((sum, a) => sum + a.noShows, 0)).toBeGreaterThanOrEqual(4);
      const pending = await office.service.list.query({ status: 'pending', limit: 200 });
      const pendingIds = new Set(pending.items.map((r) => r.id));
      for (const activity of closed) {
        const { entries } = await office.activities.attendance.query({ activityId: activity.id });
        const written = entries.flatMap((e) => e.serviceRecordId ?? []);
        expect(written.length).toBe(activity.checkedIn);
        expect(written.every((id) => pendingIds.has(id))).toBe(true);
      }
      const adjusted = pending.items.find((r) => r.note.includes('组长核实'));
      expect(adjusted?.minutes).toBe(60);
    });

    it('runs one now, with the demo door kiosk in activity mode at its door', async () => {
      // The office's own kiosk stays a resident's kiosk; a second stands at the door.
      const officeKiosk = apiClient(server.url, { token: DEMO_LOGINS.kioskToken });
      expect((await officeKiosk.kiosk.mode.query()).activity).toBeNull();
      const kiosk = apiClient(server.url, { token: DEMO_LOGINS.doorKioskToken });
      const { activity } = await kiosk.kiosk.mode.query();
      if (!activity) throw new Error('the demo door kiosk is not in activity mode');
      expect(activity.checkedIn).toBeGreaterThan(0);
      const tapped = await kiosk.kiosk.checkIn.mutate({
        idempotencyKey: 'demo-test-tap-Q0021',
        activityId: activity.id,
        cardNumber: 'Q0021',
      });
      expect(tapped).toMatchObject({ walkIn: false, alreadyCheckedIn: false });
    });

    it('has sign-ups ahead, a waiting list, one for the under-30s and a cancellation residents see', async () => {
      const office = await signIn('office');
      const ahead = (await office.activities.list.query({ status: 'published', limit: 100 })).items;
      const young = ahead.find((a) => a.invite?.ageBands.includes('under_30'));
      expect(young?.invite?.campaign?.bonusPercent).toBe(50);
      expect(young?.signedUp).toBeGreaterThan(0);
      expect(ahead.some((a) => a.waitlisted > 0)).toBe(true);
      const kiosk = apiClient(server.url, { token: DEMO_LOGINS.kioskToken });
      const { residentToken } = await kiosk.kiosk.identify.mutate({
        cardNumber: 'Q0001',
        pin: DEMO_LOGINS.pin,
      });
      const atKiosk = apiClient(server.url, { token: DEMO_LOGINS.kioskToken, residentToken });
      const mine = await atKiosk.kiosk.mySignUps.query();
      expect(mine.find((a) => a.status === 'cancelled')?.cancelReason).toContain('暴雨');
      const upcoming = await atKiosk.kiosk.activities.query();
      expect(upcoming.find((a) => a.id === young?.id)).toMatchObject({
        canSignUp: false,
        whyNot: 'NOT_INVITED',
      });
      expect(upcoming.some((a) => a.canSignUp)).toBe(true);
    });

    it('shows in the reports: seen, signed up, came, came back, no-shows; activities run and how full', async () => {
      const office = await signIn('office');
      const { activities } = await office.insights.willingness.query({ last: 'last_30_days' });
      const { total } = activities;
      expect(total.activities).toBeGreaterThanOrEqual(7);
      const figures = [total.viewed, total.signedUp, total.attended, total.cameBackWithin90Days];
      expect(figures.every((figure) => typeof figure === 'number')).toBe(true);
      expect(Number(total.viewed)).toBeGreaterThan(Number(total.signedUp));
      expect(total.noShowRate).toBeGreaterThan(0);
      expect(activities.byOrganization).toHaveLength(5);
      const organizations = await office.insights.organizations.query({ last: 'last_30_days' });
      const running = organizations.organizations.filter((o) => o.activitiesRun > 0);
      expect(running.length).toBeGreaterThanOrEqual(4);
      expect(running.some((o) => typeof o.fillRate === 'number')).toBe(true);
    });
  });

  describe('tells the story of deliberation', () => {
    it('has a topic at every stage: carried out, consulted with a poll open, accepted, declined, new, overdue', async () => {
      const office = await signIn('office');
      const { items } = await office.topics.list.query({ limit: 50 });
      const statuses = items.map((topic) => topic.status);
      for (const status of [
        'carried_out',
        'consulted',
        'accepted',
        'declined',
        'raised',
        'decided',
      ])
        expect(statuses).toContain(status);
      const parking = items.find((topic) => topic.status === 'consulted');
      expect(parking).toMatchObject({ openPoll: true, title: '地面停车位重新划线' });
      expect(items.filter((topic) => topic.overdue)).toHaveLength(1);
      const declined = await office.topics.get.query({
        id: items.find((topic) => topic.status === 'declined')?.id ?? '',
      });
      expect(declined.declineReason).toContain('城管');
      const ramp = await office.topics.get.query({
        id: items.find((topic) => topic.status === 'carried_out')?.id ?? '',
      });
      expect(ramp.history.map((step) => step.kind)).toEqual([
        'raised',
        'accepted',
        'decided',
        'progress',
        'carried_out',
      ]);
    });

    it("shows decisions and a closed poll's results on the board, and an open poll at the kiosk", async () => {
      const office = await signIn('office');
      const board = await office.notices.governance.query();
      expect(board.decisions.length).toBeGreaterThanOrEqual(2);
      expect(board.polls).toHaveLength(1);
      expect(board.polls[0]?.options.map((option) => option.votes)).toEqual([9, 3]);
      const kiosk = apiClient(server.url, { token: DEMO_LOGINS.kioskToken });
      const { residentToken } = await kiosk.kiosk.identify.mutate({
        cardNumber: 'Q0003',
        pin: DEMO_LOGINS.pin,
      });
      const resident = apiClient(server.url, { token: DEMO_LOGINS.kioskToken, residentToken });
      const polls = await resident.kiosk.polls.query();
      expect(polls.items.filter((poll) => poll.state === 'open')).toMatchObject([
        { voted: false, eligible: true, secret: true, voters: 6 },
      ]);
    });
  });

  describe('tells the story of the time bank', () => {
    it('has exchanges the pool paid, requests open and taken, a dispute, offers, a no-show and a cancellation', async () => {
      const office = await signIn('office');
      const all = await office.timebank.list.query({ limit: 50 });
      expect(all.items.map((item) => item.status).sort()).toEqual([
        'cancelled',
        'claimed',
        'claimed',
        'done',
        'done',
        'open',
        'open',
        'open',
        'open',
      ]);
      const disputed = await office.timebank.list.query({ disputed: true });
      expect(disputed.items).toHaveLength(1);
      expect(disputed.items[0]?.claims[0]).toMatchObject({
        status: 'disputed',
        proposedMinutes: 120,
        disputedBy: 'requester',
      });
      const forResident = all.items.find((item) => item.via === 'office');
      expect(forResident).toMatchObject({ kind: 'hospital', poolEligible: true });
      expect((await office.timebank.offers.query({})).items).toHaveLength(2);
      const pool = await office.timebank.pool.query();
      expect(pool).toMatchObject({
        balance: 480,
        paidMinutes: 150,
        giftedMinutes: 30,
        grantedMinutes: 600,
        rule: { minAge: 75, careListSize: 1 },
      });
    });

    it('thanks helpers on the board and shows Q0001 her credit and the visit she took', async () => {
      const kiosk = apiClient(server.url, { token: DEMO_LOGINS.kioskToken });
      const board = await kiosk.timebank.board.query();
      expect(board.exchanges.map((e) => [e.kind, e.minutes])).toEqual([
        ['visit', 90],
        ['shopping', 60],
      ]);
      const { residentToken } = await kiosk.kiosk.identify.mutate({
        cardNumber: 'Q0001',
        pin: DEMO_LOGINS.pin,
      });
      const resident = apiClient(server.url, { token: DEMO_LOGINS.kioskToken, residentToken });
      expect(await resident.timebank.balance.query()).toMatchObject({
        balance: 60,
        helpedMinutes: 90,
        receivedMinutes: 60,
        poolEligible: true,
      });
      const helping = await resident.timebank.list.query({ view: 'helping' });
      expect(helping.items.filter((item) => item.status === 'claimed')).toHaveLength(1);
      const open = await resident.timebank.list.query({ view: 'open' });
      expect(open.items.length).toBeGreaterThanOrEqual(3);
      expect(open.items.every((item) => item.requesterName === null && item.place === null)).toBe(
        true,
      );
    });
  });

  describe('tells the story of the street', () => {
    it('puts Q in a street of three, with a move done and one waiting for Q to accept', async () => {
      const street = await signIn(DEMO_LOGINS.street.street);
      const overview = await street.street.get.query();
      expect(overview.street.name.en).toBe('Chengnan Street');
      expect(overview.communities.map((c) => c.name.en)).toEqual([
        'Q Community',
        'Wutong Community',
        'Fenglin Community',
      ]);
      const insights = await street.street.insights.query({ last: 'last_90_days' });
      const fenglin = insights.communities.find((c) => c.name.en === 'Fenglin Community');
      expect(fenglin?.participation.residents).toBe('<5');
      expect((await street.street.verify.query()).communities.every((c) => c.ok)).toBe(true);
      for (const username of DEMO_LOGINS.street.offices) {
        expect((await (await signIn(username)).auth.me.query()).role).toBe('office');
      }

      const moves = await (await signIn('office')).moves.list.query();
      expect(moves.outgoing.map((m) => [m.status, m.to.name.en])).toEqual([
        ['done', 'Wutong Community'],
      ]);
      expect(moves.outgoing[0]?.points).toBeGreaterThan(0);
      expect(moves.incoming.map((m) => [m.status, m.from.name.en])).toEqual([
        ['proposed', 'Wutong Community'],
      ]);
    });
  });

  it('writes only audit actions and targets the apps have words for', async () => {
    // The story runs most of the service's writes (hours, reviews, corrections, the shop,
    // goals, certificates, rules, organizations); sign-ins and a kiosk add theirs.
    const anonymous = apiClient(server.url);
    await anonymous.auth.login
      .mutate({ username: 'office', password: 'not the password' })
      .catch(() => undefined);
    await signIn('auditor');
    const kiosk = apiClient(server.url, { token: DEMO_LOGINS.kioskToken });
    await kiosk.kiosk.identify.mutate({ cardNumber: 'Q0002', pin: DEMO_LOGINS.pin });
    const written = await database()
      .db.selectFrom('audit_log')
      .select(['action', 'target_type'])
      .distinct()
      .execute();
    const actions = new Set(written.map((row) => row.action));
    const targets = new Set(written.flatMap((row) => row.target_type ?? []));
    expect(actions.size).toBeGreaterThan(12);
    expect([...actions].filter((a) => !(auditActions as readonly string[]).includes(a))).toEqual(
      [],
    );
    expect(
      [...targets].filter((t) => !(auditTargetTypes as readonly string[]).includes(t)),
    ).toEqual([]);
  });
});
