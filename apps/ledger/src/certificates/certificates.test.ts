import { createHash } from 'node:crypto';
import { describeEachDatabase } from '@tally/db/testing';
import { canonicalJson } from '@tally/domain/certificates';
import { maskName } from '@tally/domain/masked-name';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenOrganization } from '../residents/test-helpers';
import { approve, givenTeam, logRecords } from '../service/test-helpers';
import {
  type ApiClient,
  expectApiError,
  newIdempotencyKey,
  startTestServer,
  type TestServer,
} from '../test/api';

const PERIOD = { from: '2026-03-01', to: '2026-03-31' };

describeEachDatabase('service certificates', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database());
  });
  afterAll(() => server.close());

  /**
   * In March: 90 minutes of elderly care and 60 of community affairs with the team, 30 of
   * culture with the choir. Not counted: service in April, a pending record, a reversed credit.
   */
  async function givenServedResident() {
    const team = await givenTeam(server, database(), { members: 1 });
    const [resident] = team.residents;
    if (!resident) throw new Error('no member');
    const { db } = database();
    const choir = await givenOrganization(db, team.communityId, { members: [resident] });
    await db
      .updateTable('organizations')
      .set({ name_zh: '合唱团', name_en: 'Choir' })
      .where('community_id', '=', team.communityId)
      .where('id', '=', choir.id)
      .execute();
    const choirLeader = await team.leaderOf([choir.id]);
    const care = { title: 'Visiting', category: 'elderly_care', place: 'Block 3' } as const;
    const council = { title: 'Council', category: 'community_affairs', place: 'Office' } as const;
    const counted = await logRecords(team.leader.api, team.organization.id, resident, [
      { startedAt: '2026-03-02T09:00:00+08:00', minutes: 90, activity: care },
      { startedAt: '2026-03-31T20:00:00+08:00', minutes: 60, activity: council },
      { startedAt: '2026-04-01T09:00:00+08:00', minutes: 60, activity: care },
      { startedAt: '2026-03-20T09:00:00+08:00', minutes: 240, activity: care },
    ]);
    const choirRecords = await logRecords(choirLeader.api, choir.id, resident, [
      { startedAt: '2026-03-15T19:00:00+08:00', minutes: 30 },
    ]);
    const { records } = await approve(team.office.api, [...counted, ...choirRecords]);
    // The 240-minute record turns out to be a mistake: its credit is reversed.
    await team.office.api.ledger.reverse.mutate({
      idempotencyKey: newIdempotencyKey(),
      transactionId: records[3]?.transactionId ?? '',
      reason: 'Logged twice',
    });
    await logRecords(team.leader.api, team.organization.id, resident, [
      { startedAt: '2026-03-03T09:00:00+08:00', minutes: 120, activity: care },
    ]);
    return { ...team, resident };
  }

  function issue(api: ApiClient, residentId: string, period = PERIOD) {
    return api.certificates.issue.mutate({
      idempotencyKey: newIdempotencyKey(),
      residentId,
      ...period,
    });
  }

  it('fixes what the certificate says at issue, with the hash of its content', async () => {
    const { office, resident, organization } = await givenServedResident();
    const certificate = await issue(office.api, resident.id);
    // 80 random bits in Crockford base 32: no serial to walk through.
    expect(certificate.number).toMatch(/^T-\d{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
    expect(certificate.content).toEqual({
      number: certificate.number,
      issuedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      issuer: { community: { zh: '', en: expect.stringMatching(/^Test community/) } },
      resident: { name: resident.name, cardNumber: resident.cardNumber },
      period: PERIOD,
      // By Chinese name: the team has an English name only.
      organizations: [organization.name, { zh: '合唱团', en: 'Choir' }],
      hoursByCategory: [
        { category: 'community_affairs', minutes: 60, hours: 1 },
        { category: 'elderly_care', minutes: 90, hours: 1.5 },
        { category: 'culture', minutes: 30, hours: 0.5 },
      ],
      totalMinutes: 180,
      totalHours: 3,
    });
    expect(certificate.contentHash).toBe(
      createHash('sha256').update(canonicalJson(certificate.content)).digest('hex'),
    );
    expect(certificate.verifyPath).toBe(`/verify/${certificate.number}`);
    expect(await office.api.certificates.get.query({ number: certificate.number })).toEqual(
      certificate,
    );
    const listed = await office.api.certificates.list.query({ residentId: resident.id });
    expect(listed.items).toEqual([certificate]);
  });

  it('returns the first certificate for a replay and refuses the key for another period', async () => {
    const { office, resident, communityId } = await givenServedResident();
    const request = { idempotencyKey: newIdempotencyKey(), residentId: resident.id, ...PERIOD };
    const first = await office.api.certificates.issue.mutate(request);
    expect(await office.api.certificates.issue.mutate(request)).toEqual(first);
    await expectApiError(
      office.api.certificates.issue.mutate({ ...request, from: '2026-03-02' }),
      'IDEMPOTENCY_CONFLICT',
    );
    const count = await database()
      .db.selectFrom('certificates')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('community_id', '=', communityId)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  describe('the public verification page', () => {
    it('confirms a genuine certificate to the public with a masked name and the hours only', async () => {
      const { office, resident } = await givenServedResident();
      const { number, content } = await issue(office.api, resident.id);
      const response = await fetch(`${server.url}/verify/${number}`);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain('Genuine');
      expect(html).toContain(maskName(resident.name));
      expect(html).toContain(`${content.totalHours} 小时 hours`);
      for (const secret of [resident.name, resident.cardNumber, resident.id, 'Choir'])
        expect(html).not.toContain(secret);
      const json = await fetch(`${server.url}/verify/${number.toLowerCase()}`, {
        headers: { accept: 'application/json' },
      });
      expect(await json.json()).toEqual({
        number,
        verdict: 'genuine',
        summary: {
          number,
          issuedOn: content.issuedOn,
          issuer: content.issuer,
          resident: { maskedName: maskName(resident.name) },
          period: PERIOD,
          totalHours: content.totalHours,
        },
      });
    });

    it("shows the whole certificate to the issuing community's office and auditors only", async () => {
      const { office, auditor, leader, resident } = await givenServedResident();
      const { number, content } = await issue(office.api, resident.id);
      const as = (token: string) =>
        fetch(`${server.url}/verify/${number}`, {
          headers: { accept: 'application/json', authorization: `Bearer ${token}` },
        }).then((answer) => answer.json() as Promise<{ content?: unknown }>);
      expect((await as(auditor.token)).content).toEqual(content);
      expect((await as(leader.token)).content).toBeUndefined();
      const away = await givenTeam(server, database(), { members: 0 });
      expect((await as(away.office.token)).content).toBeUndefined();
    });

    it('answers one address only so often, in the same shape as the API', async () => {
      const { office, resident } = await givenServedResident();
      const { number } = await issue(office.api, resident.id);
      const strict = await startTestServer(database(), { limitScale: 1 });
      try {
        // Counts from this file's earlier tests (at relaxed limits) would spend part of the window.
        await database().db.deleteFrom('request_limits').execute();
        // 30 a minute per address, in windows aligned to the clock: 61 requests in a row fall in
        // at most two windows, so one of them must have gone over.
        const answers: Response[] = [];
        for (let i = 0; i < 61; i++) {
          answers.push(
            await fetch(`${strict.url}/verify/${number}`, {
              headers: { accept: 'application/json' },
            }),
          );
        }
        const refused = answers.filter((answer) => answer.status === 429);
        expect(answers.length - refused.length).toBeGreaterThanOrEqual(30);
        expect(answers.length - refused.length).toBeLessThanOrEqual(60);
        expect(refused.length).toBeGreaterThan(0);
        expect(await refused[0]?.json()).toMatchObject({ domainCode: 'TOO_MANY_REQUESTS' });
        expect(Number(refused[0]?.headers.get('retry-after'))).toBeGreaterThan(0);
      } finally {
        await strict.close();
      }
    });

    it('says so when no certificate has the number', async () => {
      for (const number of ['T-2026-000000-AAAA', 'T-2026-AAAA-BBBB-CCCC-DDDD', 'not-a-number']) {
        const response = await fetch(`${server.url}/verify/${number}`);
        expect(response.status).toBe(404);
        expect(await response.text()).toContain('No certificate has this number');
      }
    });

    it('says it was altered when the stored certificate is changed behind its back', async () => {
      const { office, resident, communityId } = await givenServedResident();
      const { number } = await issue(office.api, resident.id);
      const { db } = database();
      const tamper = sql`update certificates
                            set content = jsonb_set(content, '{totalHours}', '300')
                          where community_id = ${communityId} and number = ${number}`;
      // The database refuses the edit…
      await expect(tamper.execute(db)).rejects.toThrow(/APPEND_ONLY/);
      // …so the tamperer switches the guard off first.
      await sql`alter table certificates disable trigger certificates_append_only`.execute(db);
      try {
        await tamper.execute(db);
      } finally {
        await sql`alter table certificates enable trigger certificates_append_only`.execute(db);
      }
      const response = await fetch(`${server.url}/verify/${number}`);
      expect(response.status).toBe(409);
      const html = await response.text();
      expect(html).toContain('altered');
      expect(html).not.toContain(resident.name);
      const json = await fetch(`${server.url}/verify/${number}`, {
        headers: { accept: 'application/json' },
      });
      expect(await json.json()).toEqual({ number, verdict: 'altered' });
    });

    it('is not fooled by a new hash written beside the altered content', async () => {
      const { office, resident, communityId } = await givenServedResident();
      const certificate = await issue(office.api, resident.id);
      const forged = { ...certificate.content, totalHours: 300 };
      const forgedHash = createHash('sha256').update(canonicalJson(forged)).digest('hex');
      const { db } = database();
      await sql`alter table certificates disable trigger certificates_append_only`.execute(db);
      try {
        await sql`update certificates set content = ${JSON.stringify(forged)}::jsonb,
                                          content_hash = ${forgedHash}
                   where community_id = ${communityId} and number = ${certificate.number}`.execute(
          db,
        );
      } finally {
        await sql`alter table certificates enable trigger certificates_append_only`.execute(db);
      }
      expect((await fetch(`${server.url}/verify/${certificate.number}`)).status).toBe(409);
    });

    // Numbers are unique within a community only, so the database can be split by community.
    it('vouches for neither certificate if two communities ever hold the same number', async () => {
      const first = await givenServedResident();
      const second = await givenServedResident();
      const { number } = await issue(first.office.api, first.resident.id);
      const copy = await issue(second.office.api, second.resident.id);
      const { db } = database();
      await sql`alter table certificates disable trigger certificates_append_only`.execute(db);
      try {
        await sql`update certificates set number = ${number}
                   where community_id = ${second.communityId} and number = ${copy.number}`.execute(
          db,
        );
      } finally {
        await sql`alter table certificates enable trigger certificates_append_only`.execute(db);
      }
      expect((await fetch(`${server.url}/verify/${number}`)).status).toBe(404);
      // Each office still finds its own by number.
      const own = await first.office.api.certificates.get.query({ number });
      expect(own.residentId).toBe(first.resident.id);
    });
  });

  describe('addresses', () => {
    it("come from PUBLIC_URL only, never from the request's Host or X-Forwarded-Host", async () => {
      const office = await startTestServer(database(), {
        publicUrl: new URL('http://tally-office.lan:3000'),
        trustProxy: ['127.0.0.1'],
      });
      try {
        const team = await givenTeam(office, database(), { members: 1 });
        const [resident] = team.residents;
        if (!resident) throw new Error('no member');
        const certificate = await issue(team.office.api, resident.id);
        expect(certificate.verifyUrl).toBe(
          `http://tally-office.lan:3000/verify/${certificate.number}`,
        );
        const page = await fetch(`${office.url}/certificates/${certificate.number}.html`, {
          headers: {
            authorization: `Bearer ${team.office.token}`,
            'x-forwarded-host': 'evil.example',
            'x-forwarded-proto': 'https',
          },
        });
        const html = await page.text();
        expect(html).toContain(`http://tally-office.lan:3000/verify/${certificate.number}`);
        expect(html).not.toContain('evil.example');
      } finally {
        await office.close();
      }
    });
  });

  describe('the printable page', () => {
    it('prints on A4 for the office and auditors of the community', async () => {
      const { office, auditor, leader, resident } = await givenServedResident();
      const { number } = await issue(office.api, resident.id);
      const get = (token?: string) =>
        fetch(`${server.url}/certificates/${number}.html`, {
          headers: token ? { authorization: `Bearer ${token}` } : {},
        });
      const response = await get(auditor.token);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      const html = await response.text();
      expect(html).toContain('@page { size: A4');
      expect(html).toContain('志愿服务证明');
      expect(html).toContain(`/verify/${number}`);
      // Each name in its own language, never the two run together.
      expect(html).toContain('合唱团<span class="label-en">Choir</span>');
      expect(html).toMatch(/Test community \w+ Community Office/);
      // A phone held to the paper opens the verification page.
      expect(html).toMatch(new RegExp(`<svg[^>]*aria-label="QR: [^"]*/verify/${number}"`));
      expect((await get()).status).toBe(401);
      expect((await get(leader.token)).status).toBe(403);
      const away = await givenTeam(server, database(), { members: 0 });
      expect((await get(away.office.token)).status).toBe(404);
    });

    it('offers a print button whose script the content policy lets run', async () => {
      const { office, resident } = await givenServedResident();
      const { number } = await issue(office.api, resident.id);
      const page = await fetch(`${server.url}/certificates/${number}.html`, {
        headers: { authorization: `Bearer ${office.token}` },
      });
      const html = await page.text();
      expect(html).toContain('data-print');
      expect(html).toContain('<script src="/certificates/print.js"');
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      const script = await fetch(`${server.url}/certificates/print.js`);
      expect(script.status).toBe(200);
      expect(script.headers.get('content-type')).toContain('javascript');
      expect(await script.text()).toContain('window.print()');
    });
  });

  describe('who may issue and read', () => {
    it('lets only the office issue, for its own residents and days gone by', async () => {
      const { office, auditor, leader, resident } = await givenServedResident();
      await expectApiError(issue(auditor.api, resident.id), 'FORBIDDEN');
      await expectApiError(issue(leader.api, resident.id), 'FORBIDDEN');
      const away = await givenTeam(server, database(), { members: 0 });
      await expectApiError(issue(away.office.api, resident.id), 'NOT_FOUND');
      await expectApiError(
        issue(office.api, resident.id, { from: '2026-03-01', to: '2099-01-01' }),
        'VALIDATION_FAILED',
      );
      await expectApiError(
        issue(office.api, resident.id, { from: '2026-03-02', to: '2026-03-01' }),
        'VALIDATION_FAILED',
      );
      const { number } = await issue(office.api, resident.id);
      expect((await auditor.api.certificates.list.query({})).items).toHaveLength(1);
      await expectApiError(leader.api.certificates.list.query({}), 'FORBIDDEN');
      await expectApiError(away.office.api.certificates.get.query({ number }), 'NOT_FOUND');
      expect((await away.office.api.certificates.list.query({})).items).toEqual([]);
    });
  });
});
