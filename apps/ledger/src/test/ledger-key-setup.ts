import { newLedgerKey, useLedgerKey } from '../ledger/anchoring/ledger-key';

// Every test file signs and seals with a key of its own, made for the run and never
// written anywhere (the service reads its key from the environment or a file).
useLedgerKey(newLedgerKey());
