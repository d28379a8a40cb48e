#!/usr/bin/env tsx
import { Username } from '@tally/domain/staff';
import { parseInput } from '@tally/domain/validation';
import { confirmStaffFromCommandLine } from '../staff/command-line-staff';
import { commandLineOptions } from './arguments';
import { runCommand } from './run-command';

// Confirms a staff account that someone else in the office opened or reset, as a second
// office member would in the admin app (see staff/staff-control.ts); for a one-person office:
//   pnpm --filter @tally/ledger confirm-staff --community "Q Community" --username leader2

const values = commandLineOptions({
  community: { type: 'string' },
  username: { type: 'string' },
});

await runCommand(async (db) => {
  const { community, controllers } = await confirmStaffFromCommandLine(db, {
    community: values.community,
    username: parseInput(Username, values.username),
  });
  console.log(
    controllers > 0
      ? `Confirmed "${values.username}" of ${community.name}.`
      : `"${values.username}" of ${community.name} needed no confirming.`,
  );
});
