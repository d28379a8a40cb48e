import { sql } from 'kysely';
import type { Executor } from './executor';

// What an intruder with write access to the database can do, for the tampering tests:
// switch the append-only triggers (and foreign keys) off for one transaction, and
// recompute hashes with the database's own hash functions.

export function tamper(db: Executor, ...statements: ReturnType<typeof sql>[]) {
  return db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    for (const statement of statements) await statement.execute(trx);
  });
}

/**
 * Re-hashes every entry from `fromSequence` on, each in its own form, and points the
 * chain head at the last: afterwards every hash and link holds, as a careful forger
 * would leave them.
 */
export async function rehashChain(db: Executor, communityId: string, fromSequence: number) {
  await tamper(
    db,
    sql`
      do $$
      declare
        v_row record;
        v_prev bytea;
        v_hash bytea;
      begin
        select t.prev_hash into v_prev from ledger_transactions t
         where t.community_id = ${sql.lit(communityId)} and t.sequence = ${sql.lit(fromSequence)};
        for v_row in
          select t.*, (
            select jsonb_agg(jsonb_build_array(p.account_id, p.unit, p.amount) order by p.position)
              from ledger_postings p
             where p.community_id = t.community_id and p.transaction_id = t.id
          ) as postings, (
            select json_agg(json_build_array(p.account_id, p.unit, p.amount, a.owner_type,
                     a.owner_id, a.min_balance) order by p.position)
              from ledger_postings p
              join ledger_accounts a on a.community_id = p.community_id and a.id = p.account_id
             where p.community_id = t.community_id and p.transaction_id = t.id
          ) as identified_postings
            from ledger_transactions t
           where t.community_id = ${sql.lit(communityId)} and t.sequence >= ${sql.lit(fromSequence)}
           order by t.sequence
        loop
          if v_row.seal is null then
            v_hash := tally_transaction_hash(v_prev, v_row.community_id, v_row.sequence, v_row.id,
              v_row.kind, v_row.actor_type, v_row.actor_id, v_row.actor_origin, v_row.memo,
              v_row.reference_type, v_row.reference_id, v_row.reverses, v_row.created_at,
              v_row.postings);
          else
            v_hash := tally_transaction_hash_v2(v_prev, v_row.community_id, v_row.sequence,
              v_row.id, v_row.kind, v_row.actor_type, v_row.actor_id, v_row.actor_origin,
              v_row.memo, v_row.reference_type, v_row.reference_id, v_row.reverses,
              v_row.created_at, v_row.identified_postings, v_row.seal);
          end if;
          update ledger_transactions set prev_hash = v_prev, hash = v_hash
           where community_id = v_row.community_id and id = v_row.id;
          v_prev := v_hash;
        end loop;
        update ledger_chains set head_sequence = (
            select max(sequence) from ledger_transactions
             where community_id = ${sql.lit(communityId)}),
          head_hash = v_prev
         where community_id = ${sql.lit(communityId)};
      end $$`,
  );
}

/** Sets every balance to the sum of its postings, so the balance check sees nothing amiss. */
export function settleBalances(db: Executor, communityId: string) {
  return tamper(
    db,
    sql`update ledger_accounts a set balance = coalesce((
          select sum(p.amount) from ledger_postings p
           where p.community_id = a.community_id and p.account_id = a.id), 0)
         where a.community_id = ${communityId}`,
  );
}

/** Deletes the entries after `keep` and moves the chain head back to entry `keep`. */
export async function truncateAfter(db: Executor, communityId: string, keep: number) {
  await tamper(
    db,
    sql`delete from ledger_postings p using ledger_transactions t
         where p.community_id = t.community_id and p.transaction_id = t.id
           and t.community_id = ${communityId} and t.sequence > ${keep}`,
    sql`delete from ledger_transactions where community_id = ${communityId} and sequence > ${keep}`,
    sql`update ledger_chains c set head_sequence = ${keep}, head_hash = (
          select hash from ledger_transactions
           where community_id = ${communityId} and sequence = ${keep})
         where c.community_id = ${communityId}`,
  );
  await settleBalances(db, communityId);
}
