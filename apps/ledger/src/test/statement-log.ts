import type { Database } from '@tally/db/schema';
import { type Kysely, type KyselyPlugin, PostgresQueryCompiler, type QueryId } from 'kysely';

/**
 * Every SQL statement run through a Kysely instance, as text, in order: the instance given to
 * the app under test is wrapped with it, so a test can say how many statements a request cost.
 */
export function statementLog(db: Kysely<Database>) {
  const compiler = new PostgresQueryCompiler();
  const statements: string[] = [];
  const plugin: KyselyPlugin = {
    transformQuery: ({ node, queryId }) => {
      statements.push(compiler.compileQuery(node, queryId as QueryId).sql);
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  return {
    db: db.withPlugin(plugin),
    /** The statements logged since the last call. */
    take(): string[] {
      return statements.splice(0);
    },
  };
}
