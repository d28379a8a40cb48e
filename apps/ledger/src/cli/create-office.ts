#!/usr/bin/env tsx
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { databaseOptionsFromEnv, openDatabase } from '@tally/db/connect';
import { migrateToLatest } from '@tally/db/migrate';
import { Password, Username } from '@tally/domain/staff';
import { createCommunity } from '../communities/create-community';
import { createStaffUser } from '../staff/create-staff-user';

// Creates the first community office account on an empty (TALLY_DEMO=0)
// installation: `pnpm --filter @tally/ledger create-office -- --community "Q Community"
// --username office --name "Community office" [--password …]`. Without --password a
// strong one is generated and printed once.

const { values } = parseArgs({
  options: {
    community: { type: 'string' },
    username: { type: 'string', default: 'office' },
    name: { type: 'string', default: 'Community office' },
    password: { type: 'string' },
  },
});

const username = Username.parse(values.username);
const password = Password.parse(values.password ?? randomBytes(12).toString('base64url'));
const { db, close } = await openDatabase(databaseOptionsFromEnv());
try {
  await migrateToLatest(db);
  const existing = await db.selectFrom('communities').select(['id', 'name']).execute();
  const named = values.community ? existing.find((c) => c.name === values.community) : existing[0];
  const community =
    named ?? (await createCommunity(db, { name: values.community ?? 'My community' }));
  await createStaffUser(db, {
    communityId: community.id,
    username,
    password,
    displayName: values.name ?? 'Community office',
    role: 'office',
  });
  console.log(`Created office account "${username}" for ${community.name}.`);
  if (!values.password) console.log(`Password (shown once): ${password}`);
} finally {
  await close();
}
