#!/usr/bin/env tsx
import { randomBytes } from 'node:crypto';
import { DomainError } from '@tally/domain/errors';
import { Password, Username } from '@tally/domain/staff';
import { parseInput } from '@tally/domain/validation';
import { recordAudit } from '../common/audit';
import { communityNamed } from '../staff/command-line-staff';
import { createStreet, createStreetAccount } from '../street/streets';
import { commandLineOptions } from './arguments';
import { runCommand } from './run-command';

// Opens a street (街道) over communities already on this service, and its street office account
// (kept in the first community named, like every staff account):
//   pnpm --filter @tally/ledger create-street --name 城南街道 --name-en "Chengnan Street" \
//     --community "Q Community" --community "Wutong Community" --username street \
//     --account-name "Street office" [--password …]
// Without --password a strong one is made up and printed once. New communities of the street
// are then opened from the admin app by the street office.

const values = commandLineOptions({
  name: { type: 'string' },
  'name-en': { type: 'string', default: '' },
  community: { type: 'string', multiple: true },
  username: { type: 'string', default: 'street' },
  'account-name': { type: 'string', default: 'Street office' },
  password: { type: 'string' },
});

await runCommand(async (db) => {
  const names = values.community ?? [];
  if (!values.name || names.length === 0) {
    throw new DomainError(
      'VALIDATION_FAILED',
      'Name the street with --name "…" and its communities with --community "…" (once each).',
    );
  }
  const communities = [];
  for (const name of names) {
    const community = await communityNamed(db, name);
    if (!community) throw new DomainError('NOT_FOUND', `There is no community named "${name}".`);
    communities.push(community);
  }
  const [home] = communities;
  if (!home) throw new DomainError('NOT_FOUND', 'Name at least one community.');
  const password =
    values.password === undefined
      ? randomBytes(12).toString('base64url')
      : parseInput(Password, values.password);
  const street = await createStreet(db, {
    name: { zh: values.name, en: values['name-en'] ?? '' },
    communityIds: communities.map((c) => c.id),
  });
  const user = await createStreetAccount(db, {
    streetId: street.id,
    homeCommunityId: home.id,
    username: parseInput(Username, values.username),
    password,
    displayName: values['account-name'] ?? 'Street office',
  });
  for (const community of communities) {
    await recordAudit(db, {
      communityId: community.id,
      actor: { type: 'system', id: null },
      action: 'staff.create',
      target: { type: 'staff_user', id: user.id },
      origin: 'command line',
      details: { role: 'street', username: user.username, street: street.id },
    });
  }
  console.log(
    `Created street "${values.name}" over ${communities.map((c) => c.name).join(', ')}, and its street office account "${user.username}".`,
  );
  if (!values.password) console.log(`Password (shown once): ${password}`);
});
