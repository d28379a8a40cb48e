#!/usr/bin/env tsx
import { databaseOptionsFromEnv, openDatabase } from '../connect';
import { migrateToLatest } from '../migrate';

const options = databaseOptionsFromEnv();
const { db, engine, close } = await openDatabase(options);
try {
  const { results } = await migrateToLatest(db);
  const applied = results?.filter((r) => r.status === 'Success') ?? [];
  console.log(
    applied.length === 0
      ? `Schema already up to date (${engine}).`
      : `Applied ${applied.length} migration(s) on ${engine}: ${applied.map((r) => r.migrationName).join(', ')}`,
  );
} finally {
  await close();
}
