import { describeEachDatabase } from '@tally/db/testing';
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
      const byLeaders = pending.items.filter(
        (r) => r.loggedBy.displayName !== '李娜 (Community office)',
      );
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
      const dormant = report.organizations.find((o) => o.name.startsWith('Homework Corner'));
      expect(dormant?.daysSinceLeaderLogged).toBeGreaterThanOrEqual(120);
      expect(dormant?.hours).toBeGreaterThan(0);
    });

    it('runs a campaign for residents under 30 in the newest earning rule', async () => {
      const rules = await (await signIn('office')).rules.list.query();
      const newest = rules.reduce((a, b) => (b.version > a.version ? b : a));
      expect(newest.campaign).toMatchObject({ ageBand: 'under_30', bonusPercent: 50 });
    });
  });
});
