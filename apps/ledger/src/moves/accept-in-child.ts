// Run by crash-between-halves.test.ts in a child process: accepts one move on the database the
// test names, with TALLY_FAILPOINT set so the process is killed between the move's two halves.
import { openDatabase } from '@tally/db/connect';
import type { StaffActor } from '../auth/actors';
import { ledgerKeyFromPem, useLedgerKey } from '../ledger/anchoring/ledger-key';
import { acceptMove } from './accept-move';

const { CHILD_DATABASE_URL, CHILD_SEARCH_PATH, CHILD_MOVE_ID, CHILD_STAFF, CHILD_LEDGER_KEY } =
  process.env;
if (!CHILD_DATABASE_URL || !CHILD_MOVE_ID || !CHILD_STAFF || !CHILD_LEDGER_KEY) {
  throw new Error(
    'accept-in-child: CHILD_DATABASE_URL, CHILD_MOVE_ID, CHILD_STAFF and CHILD_LEDGER_KEY are needed',
  );
}
// The test's own ledger key: the child's postings are sealed as the service's would be.
useLedgerKey(ledgerKeyFromPem(CHILD_LEDGER_KEY));
const { db, close } = await openDatabase({
  url: CHILD_DATABASE_URL,
  ...(CHILD_SEARCH_PATH ? { searchPath: CHILD_SEARCH_PATH } : {}),
});
const staff = JSON.parse(CHILD_STAFF) as StaffActor;
await acceptMove(db, {
  staff,
  origin: 'child-process',
  input: { idempotencyKey: `child-${CHILD_MOVE_ID}`, moveId: CHILD_MOVE_ID },
});
await close();
// Reaching here means the failpoint did not fire: the test reads this as a failure.
console.log('accepted without dying');
