import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@tally/db/connect';
import { sql } from 'kysely';

const root = '/tmp/tally-e2e-templates';
const template = readdirSync(root).filter((n) => !n.includes('.') && !n.endsWith('.pem')).map((n) => join(root, n)).sort().at(-1)!;
const dir = mkdtempSync(join(tmpdir(), 'tv-'));
cpSync(template, dir, { recursive: true });
const { db, close } = await openDatabase({ dataDir: dir });
const c = await db.selectFrom('communities').select('id').executeTakeFirstOrThrow();
const id = c.id;
const src = readFileSync('src/ledger/verify/chain-batch.ts', 'utf8');
let q = src.slice(src.indexOf('sql<BatchRow>`') + 14, src.indexOf('`.execute(db)'));
q = q.replaceAll('${communityId}', `'${id}'`).replaceAll('${from}', '0').replaceAll('${to}', '1102');
const { rows } = await sql.raw<any>(`explain analyze ${q}`).execute(db);
for (const r of rows) console.log(r['QUERY PLAN']);
await close();
