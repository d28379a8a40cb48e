import { describeEachDatabase } from '@tally/db/testing';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { postTransaction } from './post-transaction';
import { givenCommunity, givenResidentPoints, transfer } from './test-factories';

describeEachDatabase('the append-only journal', (database) => {
  describe('database triggers', () => {
    async function givenPosted() {
      const { db } = database();
      const community = await givenCommunity(db);
      const alice = await givenResidentPoints(db, community, 50);
      const bob = await givenResidentPoints(db, community);
      const posted = await postTransaction(
        db,
        transfer(community, { from: alice.id, to: bob.id, points: 20 }),
      );
      return { db, community, posted };
    }

    it('refuses to UPDATE a transaction', async () => {
      const { db, community, posted } = await givenPosted();
      await expect(
        sql`update ledger_transactions set memo = 'edited' where community_id = ${community.communityId} and id = ${posted.id}`.execute(
          db,
        ),
      ).rejects.toThrow('APPEND_ONLY');
    });

    it('refuses to DELETE a transaction', async () => {
      const { db, community, posted } = await givenPosted();
      await expect(
        sql`delete from ledger_transactions where community_id = ${community.communityId} and id = ${posted.id}`.execute(
          db,
        ),
      ).rejects.toThrow('APPEND_ONLY');
    });

    it('refuses to UPDATE or DELETE a posting', async () => {
      const { db, community, posted } = await givenPosted();
      await expect(
        sql`update ledger_postings set amount = amount * 2 where community_id = ${community.communityId} and transaction_id = ${posted.id}`.execute(
          db,
        ),
      ).rejects.toThrow('APPEND_ONLY');
      await expect(
        sql`delete from ledger_postings where community_id = ${community.communityId} and transaction_id = ${posted.id}`.execute(
          db,
        ),
      ).rejects.toThrow('APPEND_ONLY');
    });

    it('refuses to TRUNCATE the journal', async () => {
      const { db } = await givenPosted();
      await expect(sql`truncate ledger_postings`.execute(db)).rejects.toThrow('APPEND_ONLY');
    });

    it('keeps the entry as it was after a refused edit', async () => {
      const { db, community, posted } = await givenPosted();
      await sql`update ledger_transactions set memo = 'edited' where id = ${posted.id}`
        .execute(db)
        .catch(() => undefined);
      const row = await db
        .selectFrom('ledger_transactions')
        .select('memo')
        .where('community_id', '=', community.communityId)
        .where('id', '=', posted.id)
        .executeTakeFirstOrThrow();
      expect(row.memo).toBe('transfer');
    });
  });
});
