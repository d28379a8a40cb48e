#!/usr/bin/env tsx
import { Password, StaffRole, Username } from '@tally/domain/staff';
import { parseInput } from '@tally/domain/validation';
import { openStaffFromCommandLine } from '../staff/command-line-staff';
import { commandLineOptions } from './arguments';
import { runCommand } from './run-command';

// Opens a staff account that nobody controls (see staff/staff-control.ts):
//   pnpm --filter @tally/ledger create-staff --community "Q Community" --role leader \
//     --username leader2 --name "Wang Fang" --organization "Sunshine Volunteers" [--password …]
// `create-office` is the same with --role office; on an empty installation it also opens the
// community. Without --password a strong one is made up and printed once. A `--` after the
// script name (pnpm 12 passes it on) is fine.

const values = commandLineOptions({
  community: { type: 'string' },
  role: { type: 'string', default: 'office' },
  username: { type: 'string', default: 'office' },
  name: { type: 'string', default: 'Community office' },
  organization: { type: 'string', multiple: true },
  password: { type: 'string' },
});

await runCommand(async (db) => {
  const { community, user, password } = await openStaffFromCommandLine(db, {
    community: values.community,
    username: parseInput(Username, values.username),
    displayName: values.name ?? 'Community office',
    role: parseInput(StaffRole, values.role),
    organizations: values.organization ?? [],
    password: values.password === undefined ? undefined : parseInput(Password, values.password),
  });
  console.log(`Created ${user.role} account "${user.username}" for ${community.name}.`);
  if (!values.password) console.log(`Password (shown once): ${password}`);
});
