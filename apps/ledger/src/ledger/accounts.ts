import { randomUUID } from 'node:crypto';
import { DomainError } from '@tally/domain/errors';
import type { Account, AccountOwnerType } from '@tally/domain/ledger';
import type { Unit } from '@tally/domain/units';
import { ledgerKey } from './anchoring/ledger-key';
import { accountSeal } from './anchoring/seals';
import type { Executor } from './executor';

export type OpenAccountInput = {
  communityId: string;
  unit: Unit;
  ownerType: AccountOwnerType;
  ownerId?: string | null;
  /** The floor the balance may never go below; null for a source that may run negative. */
  minBalance: number | null;
};

/**
 * Opens an account with a zero balance. Balances only ever change through postings. Its
 * identity (owner, unit, floor) is sealed, so giving it to someone else shows.
 */
export async function openAccount(db: Executor, input: OpenAccountInput): Promise<Account> {
  const identity = {
    communityId: input.communityId,
    id: randomUUID(),
    unit: input.unit,
    ownerType: input.ownerType,
    ownerId: input.ownerId ?? null,
    minBalance: input.minBalance,
  };
  const row = await db
    .insertInto('ledger_accounts')
    .values({
      community_id: identity.communityId,
      id: identity.id,
      unit: identity.unit,
      owner_type: identity.ownerType,
      owner_id: identity.ownerId,
      min_balance: identity.minBalance,
      identity_seal: accountSeal(ledgerKey(), identity),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toAccount(row);
}

export async function getAccount(
  db: Executor,
  communityId: string,
  accountId: string,
): Promise<Account> {
  const row = await db
    .selectFrom('ledger_accounts')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', accountId)
    .executeTakeFirst();
  if (!row) throw new DomainError('NOT_FOUND', 'That account could not be found.');
  return toAccount(row);
}

type AccountRow = {
  id: string;
  community_id: string;
  unit: Unit;
  owner_type: string;
  owner_id: string | null;
  min_balance: number | null;
  balance: number;
};

function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    communityId: row.community_id,
    unit: row.unit,
    ownerType: row.owner_type as AccountOwnerType,
    ownerId: row.owner_id,
    minBalance: row.min_balance,
    balance: row.balance,
  };
}

/**
 * The owner's account in that unit, opened (sealed, with a zero balance) if they have none yet:
 * for accounts a feature opens when first needed. Two requests opening it at once both get the
 * one account (the owner key is unique).
 */
export async function accountOf(
  db: Executor,
  input: OpenAccountInput & { ownerId: string },
): Promise<Account> {
  const find = () =>
    db
      .selectFrom('ledger_accounts')
      .selectAll()
      .where('community_id', '=', input.communityId)
      .where('owner_type', '=', input.ownerType)
      .where('owner_id', '=', input.ownerId)
      .where('unit', '=', input.unit)
      .executeTakeFirst();
  const found = await find();
  if (found) return toAccount(found);
  const id = randomUUID();
  const identity = {
    communityId: input.communityId,
    id,
    unit: input.unit,
    ownerType: input.ownerType,
    ownerId: input.ownerId,
    minBalance: input.minBalance,
  };
  await db
    .insertInto('ledger_accounts')
    .values({
      community_id: identity.communityId,
      id,
      unit: identity.unit,
      owner_type: identity.ownerType,
      owner_id: identity.ownerId,
      min_balance: identity.minBalance,
      identity_seal: accountSeal(ledgerKey(), identity),
    })
    .onConflict((oc) =>
      oc
        .columns(['community_id', 'owner_type', 'owner_id', 'unit'])
        .where('owner_id', 'is not', null)
        .doNothing(),
    )
    .execute();
  const opened = await find();
  if (!opened) throw new Error('the account could not be opened');
  return toAccount(opened);
}
