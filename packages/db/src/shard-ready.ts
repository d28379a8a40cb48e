import { type Kysely, sql } from 'kysely';
import type { Database } from './schema';
import { type TablePlacement, tablePlacement } from './table-placement';

// The rules a schema must keep to be split by community (with Citus, or by hand): every key of
// community data leads with community_id, so each unique check and each foreign key can be held
// by one shard alone, and a community's rows stay together. Read from the catalog, not from the
// migrations' text, so it checks what the database really holds.

const DISTRIBUTION_COLUMN = 'community_id';

type TableRow = { name: string; distribution_column_not_null: boolean | null };

type ConstraintRow = {
  table_name: string;
  name: string;
  kind: 'p' | 'u' | 'x' | 'f';
  columns: string[];
  referenced_table: string | null;
  referenced_columns: string[] | null;
};

/** A unique index that no constraint owns: its key columns, null where the key is an expression. */
type UniqueIndexRow = { table_name: string; name: string; first_column: string | null };

const CONSTRAINT_WORDS: Record<ConstraintRow['kind'], string> = {
  p: 'primary key',
  u: 'unique constraint',
  x: 'exclusion constraint',
  f: 'foreign key',
};

/**
 * What stops the schema (the connection's current schema) from being sharded by community: one
 * sentence per problem, naming the table and the constraint. Empty when it is ready.
 */
export async function shardReadinessProblems(
  db: Kysely<Database>,
  placement: Record<string, TablePlacement> = tablePlacement,
): Promise<string[]> {
  const [tables, constraints, uniqueIndexes] = await Promise.all([
    readTables(db),
    readConstraints(db),
    readUniqueIndexes(db),
  ]);
  const problems: string[] = [];
  const present = new Set(tables.map((table) => table.name));
  for (const table of tables) {
    const where = placement[table.name];
    if (!where) {
      problems.push(
        `${table.name}: not classified; add it to tablePlacement (packages/db/src/table-placement.ts) as distributed, reference or local`,
      );
    } else if (where === 'distributed' && table.distribution_column_not_null !== true) {
      problems.push(
        `${table.name}: distributed, but has no ${DISTRIBUTION_COLUMN} column that is not null`,
      );
    }
  }
  for (const name of Object.keys(placement)) {
    if (!present.has(name)) problems.push(`${name}: classified, but the schema has no such table`);
  }
  for (const table of tables) {
    if (placement[table.name] !== 'distributed') continue;
    if (!constraints.some((c) => c.table_name === table.name && c.kind === 'p')) {
      problems.push(`${table.name}: distributed, but has no primary key`);
    }
  }
  for (const constraint of constraints) {
    const problem = constraintProblem(constraint, placement);
    if (problem) problems.push(problem);
  }
  for (const index of uniqueIndexes) {
    if (placement[index.table_name] !== 'distributed') continue;
    if (index.first_column === DISTRIBUTION_COLUMN) continue;
    problems.push(
      `${index.table_name}: unique index ${index.name} does not lead with ${DISTRIBUTION_COLUMN}`,
    );
  }
  return problems;
}

function constraintProblem(
  constraint: ConstraintRow,
  placement: Record<string, TablePlacement>,
): string | undefined {
  const { table_name: table, name, kind, columns } = constraint;
  const from = placement[table];
  const described = `${CONSTRAINT_WORDS[kind]} ${name} (${columns.join(', ')})`;
  if (kind !== 'f') {
    if (from !== 'distributed' || columns[0] === DISTRIBUTION_COLUMN) return undefined;
    return `${table}: ${described} does not lead with ${DISTRIBUTION_COLUMN}`;
  }
  const target = constraint.referenced_table ?? '';
  const targetColumns = constraint.referenced_columns ?? [];
  const to = placement[target];
  const reference = `${described} → ${target} (${targetColumns.join(', ')})`;
  // Every shard holds a copy of each reference table, so any table may point into one.
  if (to === 'reference' || from === undefined || to === undefined) return undefined;
  if (from === 'reference') {
    return `${table}: reference table, but its ${reference} points at a ${to} table`;
  }
  if (from === 'local' || to === 'local') {
    return `${table}: ${reference} joins a local table to a ${from === 'local' ? to : from} one`;
  }
  if (columns[0] === DISTRIBUTION_COLUMN && targetColumns[0] === DISTRIBUTION_COLUMN) {
    return undefined;
  }
  return `${table}: ${reference} does not lead with ${DISTRIBUTION_COLUMN} on both sides`;
}

async function readTables(db: Kysely<Database>): Promise<TableRow[]> {
  const { rows } = await sql<TableRow>`
    select c.relname::text as name, a.attnotnull as distribution_column_not_null
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      left join pg_attribute a
        on a.attrelid = c.oid and a.attname = ${DISTRIBUTION_COLUMN} and not a.attisdropped
     where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition
     order by c.relname
  `.execute(db);
  return rows;
}

async function readConstraints(db: Kysely<Database>): Promise<ConstraintRow[]> {
  const { rows } = await sql<ConstraintRow>`
    select c.relname::text as table_name, k.conname::text as name, k.contype::text as kind,
           (select array_agg(a.attname::text order by key.position)
              from unnest(k.conkey) with ordinality as key (attnum, position)
              join pg_attribute a on a.attrelid = k.conrelid and a.attnum = key.attnum) as columns,
           r.relname::text as referenced_table,
           (select array_agg(a.attname::text order by key.position)
              from unnest(k.confkey) with ordinality as key (attnum, position)
              join pg_attribute a on a.attrelid = k.confrelid and a.attnum = key.attnum)
             as referenced_columns
      from pg_constraint k
      join pg_class c on c.oid = k.conrelid
      join pg_namespace n on n.oid = c.relnamespace
      left join pg_class r on r.oid = k.confrelid
     where n.nspname = current_schema() and k.contype in ('p', 'u', 'x', 'f')
     order by c.relname, k.conname
  `.execute(db);
  return rows;
}

async function readUniqueIndexes(db: Kysely<Database>): Promise<UniqueIndexRow[]> {
  const { rows } = await sql<UniqueIndexRow>`
    select c.relname::text as table_name, i.relname::text as name, a.attname::text as first_column
      from pg_index x
      join pg_class c on c.oid = x.indrelid
      join pg_class i on i.oid = x.indexrelid
      join pg_namespace n on n.oid = c.relnamespace
      left join pg_attribute a on a.attrelid = x.indrelid and a.attnum = x.indkey[0]
     where n.nspname = current_schema() and x.indisunique
       and not exists (
         select 1 from pg_constraint k
          where k.conindid = x.indexrelid and k.contype in ('p', 'u', 'x'))
     order by c.relname, i.relname
  `.execute(db);
  return rows;
}
