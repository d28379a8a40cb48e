import { type Kysely, sql } from 'kysely';
import { expect, it } from 'vitest';
import type { Database } from './schema';
import { shardReadinessProblems } from './shard-ready';
import { type TablePlacement, tablePlacement } from './table-placement';
import { describeEachDatabase } from './testing';

// The migrated schema can be split by community: every table is classified, and every key of a
// distributed table leads with community_id. The other cases show the check catches what it must,
// on tables made inside a transaction that is rolled back.

class RolledBack extends Error {}

/** Runs `work` in a transaction and undoes it (PostgreSQL's DDL is transactional too). */
async function inRolledBackTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  let result: T | undefined;
  try {
    await db.transaction().execute(async (trx) => {
      result = await work(trx);
      throw new RolledBack();
    });
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
  }
  return result as T;
}

async function run(db: Kysely<Database>, statements: string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

const withParcels = (placement: TablePlacement = 'distributed') => ({
  ...tablePlacement,
  parcels: placement,
});

describeEachDatabase('sharding by community, on the migrated schema', (database) => {
  it('finds every table classified and every distributed key leading with community_id', async () => {
    expect(await shardReadinessProblems(database().db)).toEqual([]);
  });

  it('names a new table nobody classified', async () => {
    const problems = await inRolledBackTransaction(database().db, async (trx) => {
      await run(trx, [
        'create table parcels (community_id uuid not null, id uuid not null, primary key (community_id, id))',
      ]);
      return shardReadinessProblems(trx);
    });
    expect(problems).toEqual([expect.stringMatching(/^parcels: not classified/)]);
  });

  it('names a classified table the schema does not have', async () => {
    const problems = await shardReadinessProblems(database().db, withParcels('reference'));
    expect(problems).toEqual(['parcels: classified, but the schema has no such table']);
  });

  it('names the distributed table and each key of it that does not lead with community_id', async () => {
    const problems = await inRolledBackTransaction(database().db, async (trx) => {
      await run(trx, [
        `create table parcels (
           community_id uuid not null references communities (id),
           token_hash text primary key,
           id uuid not null unique,
           code text not null)`,
        'create unique index parcels_code on parcels (code)',
        'create unique index parcels_code_per_community on parcels (community_id, code)',
      ]);
      return shardReadinessProblems(trx, withParcels());
    });
    expect(problems).toEqual([
      'parcels: unique constraint parcels_id_key (id) does not lead with community_id',
      'parcels: primary key parcels_pkey (token_hash) does not lead with community_id',
      'parcels: unique index parcels_code does not lead with community_id',
    ]);
  });

  it('names a foreign key between distributed tables that does not lead with community_id on both sides', async () => {
    const problems = await inRolledBackTransaction(database().db, async (trx) => {
      await run(trx, [
        `create table parcels (
           community_id uuid not null references communities (id),
           id uuid not null,
           resident_id uuid not null,
           to_community_id uuid not null references communities (id),
           to_resident_id uuid not null,
           primary key (community_id, id),
           constraint parcels_resident foreign key (resident_id, community_id)
             references residents (id, community_id),
           constraint parcels_to_resident foreign key (to_community_id, to_resident_id)
             references residents (community_id, id))`,
      ]);
      return shardReadinessProblems(trx, withParcels());
    });
    // Pointing at a reference table (communities, twice) is fine; pointing into another
    // community's rows, or by a key whose order hides the community, is not.
    expect(problems).toEqual([
      'parcels: foreign key parcels_resident (resident_id, community_id) → residents (id, community_id) does not lead with community_id on both sides',
      'parcels: foreign key parcels_to_resident (to_community_id, to_resident_id) → residents (community_id, id) does not lead with community_id on both sides',
    ]);
  });

  it('finds a distributed table without community_id', async () => {
    const problems = await inRolledBackTransaction(database().db, async (trx) => {
      await run(trx, ['create table parcels (id uuid primary key)']);
      return shardReadinessProblems(trx, withParcels());
    });
    expect(problems).toEqual([
      'parcels: distributed, but has no community_id column that is not null',
      'parcels: primary key parcels_pkey (id) does not lead with community_id',
    ]);
  });
});
