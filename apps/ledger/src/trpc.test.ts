import { describeEachDatabase } from '@tally/db/testing';
import { expect, it } from 'vitest';
import { appRouter } from './router';
import {
  expectApiError,
  givenCommunityWithStaff,
  newIdempotencyKey,
  serveDuring,
} from './test/api';

// F6: a NUL character or half a surrogate pair once reached PostgreSQL, which refused the whole
// statement, and ten procedures answered 500. Every procedure refuses such text up front.

const procedures = Object.entries(
  (appRouter._def as unknown as { procedures: Record<string, { _def: { type: string } }> })
    .procedures,
);

describeEachDatabase('text PostgreSQL cannot store', (database) => {
  const server = serveDuring(database);

  it('is refused as VALIDATION_FAILED by every procedure, never answered with a 500', async () => {
    expect(procedures.length).toBeGreaterThan(50);
    for (const [path, procedure] of procedures) {
      for (const text of ['Litter\u0000pick', 'broken \uD83D emoji']) {
        const input = JSON.stringify({ name: text, activity: { title: text } });
        const answer =
          procedure._def.type === 'query'
            ? await fetch(`${server.url}/trpc/${path}?input=${encodeURIComponent(input)}`)
            : await fetch(`${server.url}/trpc/${path}`, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: input,
              });
        const body = (await answer.json()) as { error?: { data?: { domainCode?: string } } };
        expect({ path, status: answer.status, code: body.error?.data?.domainCode }).toEqual({
          path,
          status: 400,
          code: 'VALIDATION_FAILED',
        });
      }
    }
  });

  it('names the field and writes nothing when the office types it into a form', async () => {
    const { office, communityId } = await givenCommunityWithStaff(server, database());
    const error = await expectApiError(
      office.api.organizations.create.mutate({
        idempotencyKey: newIdempotencyKey(),
        name: { en: 'Sunshine \uDC00 team' },
      }),
      'VALIDATION_FAILED',
    );
    expect(error.message).toContain('name');
    const organizations = await database()
      .db.selectFrom('organizations')
      .select('id')
      .where('community_id', '=', communityId)
      .execute();
    expect(organizations).toEqual([]);
  });
});
