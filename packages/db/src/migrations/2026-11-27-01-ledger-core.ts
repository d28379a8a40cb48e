import { type Kysely, sql } from 'kysely';

// PGlite runs one statement per query, so each statement goes on its own.
async function run(db: Kysely<any>, statements: string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

// Frozen: this file must never import from the app or change once released.
// Every table holding community data leads its keys with community_id, so the
// schema can be distributed by community (e.g. Citus) without a redesign.

export async function up(db: Kysely<any>): Promise<void> {
  await run(db, [
    `
    create table communities (
      id uuid primary key,
      name text not null check (length(name) between 1 and 200),
      created_at timestamptz not null default now()
    )
    `,
    `
    -- The head of each community's hash chain. Locking this row is what
    -- serializes a community's postings, so it is held for one statement only.
    create table ledger_chains (
      community_id uuid primary key references communities (id),
      head_sequence bigint not null default 0 check (head_sequence >= 0),
      head_hash bytea not null
    )
    `,
    `
    create table ledger_accounts (
      community_id uuid not null references communities (id),
      id uuid not null,
      unit text not null check (unit in ('minutes', 'points')),
      owner_type text not null,
      owner_id text,
      min_balance bigint,
      balance bigint not null default 0,
      created_at timestamptz not null default now(),
      primary key (community_id, id),
      -- The last wall against overdraft: no code path can leave a floor breached.
      constraint ledger_accounts_floor check (min_balance is null or balance >= min_balance)
    )
    `,
    `
    create unique index ledger_accounts_owner_key
      on ledger_accounts (community_id, owner_type, owner_id, unit) where owner_id is not null
    `,
    `
    create table ledger_transactions (
      community_id uuid not null references communities (id),
      id uuid not null,
      sequence bigint not null check (sequence > 0),
      kind text not null,
      actor_type text not null,
      actor_id text not null,
      actor_origin text,
      memo text not null default '',
      reference_type text,
      reference_id text,
      reverses uuid,
      idempotency_key text not null,
      request_hash text not null,
      created_at timestamptz not null,
      prev_hash bytea not null,
      hash bytea not null,
      primary key (community_id, id),
      constraint ledger_transactions_sequence_key unique (community_id, sequence),
      constraint ledger_transactions_idempotency_key unique (community_id, idempotency_key),
      -- A transaction can be reversed once only.
      constraint ledger_transactions_reverses_key unique (community_id, reverses),
      foreign key (community_id, reverses) references ledger_transactions (community_id, id)
    )
    `,
    `
    create index ledger_transactions_reference
      on ledger_transactions (community_id, reference_type, reference_id)
    `,
    `
    create index ledger_transactions_kind on ledger_transactions (community_id, kind, sequence)
    `,
    `
    create index ledger_transactions_created on ledger_transactions (community_id, created_at)
    `,
    `
    create table ledger_postings (
      community_id uuid not null,
      transaction_id uuid not null,
      position smallint not null check (position >= 1),
      account_id uuid not null,
      unit text not null check (unit in ('minutes', 'points')),
      amount bigint not null check (amount <> 0),
      primary key (community_id, transaction_id, position),
      foreign key (community_id, transaction_id) references ledger_transactions (community_id, id),
      foreign key (community_id, account_id) references ledger_accounts (community_id, id)
    )
    `,
    `
    create index ledger_postings_account
      on ledger_postings (community_id, account_id, transaction_id)
    `,
  ]);

  // Append-only: the database itself refuses to edit or delete the journal.
  await run(db, [
    `
    create function tally_refuse_journal_change() returns trigger
    language plpgsql as $$
    begin
      raise exception 'APPEND_ONLY' using errcode = 'P0001',
        detail = format('%s on %s is not allowed', tg_op, tg_table_name);
    end $$
    `,
    `
    create trigger ledger_transactions_append_only
      before update or delete on ledger_transactions
      for each row execute function tally_refuse_journal_change()
    `,
    `
    create trigger ledger_transactions_no_truncate
      before truncate on ledger_transactions
      for each statement execute function tally_refuse_journal_change()
    `,
    `
    create trigger ledger_postings_append_only
      before update or delete on ledger_postings
      for each row execute function tally_refuse_journal_change()
    `,
    `
    create trigger ledger_postings_no_truncate
      before truncate on ledger_postings
      for each statement execute function tally_refuse_journal_change()
    `,
  ]);

  // The one canonical form of a transaction, hashed with the previous hash.
  // Posting and verifying both call it, so they cannot drift apart. Times are
  // hashed as epoch microseconds so the session's time zone cannot change them.
  await run(db, [
    `
    create function tally_transaction_hash(
      prev_hash bytea, community_id uuid, sequence bigint, id uuid, kind text,
      actor_type text, actor_id text, actor_origin text, memo text,
      reference_type text, reference_id text, reverses uuid,
      created_at timestamptz, postings jsonb
    ) returns bytea
    language sql immutable parallel safe as $$
      select sha256(prev_hash || convert_to(jsonb_build_array(
        community_id, sequence, id, kind, actor_type, actor_id, actor_origin, memo,
        reference_type, reference_id, reverses,
        (extract(epoch from created_at) * 1000000)::bigint, postings
      )::text, 'UTF8'))
    $$
    `,
    `
    create function tally_genesis_hash(community_id uuid) returns bytea
    language sql immutable parallel safe as $$
      select sha256(convert_to('tally:genesis:' || community_id::text, 'UTF8'))
    $$
    `,
  ]);

  // Posting is one database function call: replay check, validation, then the
  // chain row and the accounts locked in a fixed order (chain, then accounts by
  // id), balance updates, the chain link and the inserts. Being one call, the
  // community's serialization point is held for one statement, never across a
  // round trip between the service and the database.
  await run(db, [
    `
    create function tally_post_transaction(
      p_community_id uuid, p_idempotency_key text, p_request_hash text, p_kind text,
      p_actor_type text, p_actor_id text, p_actor_origin text, p_memo text,
      p_reference_type text, p_reference_id text, p_reverses uuid,
      p_account_ids uuid[], p_amounts bigint[]
    ) returns table (
      transaction_id uuid, sequence bigint, created_at timestamptz, hash text, replayed boolean
    )
    language plpgsql as $$
    declare
      v_existing record;
      v_change record;
      v_unknown int;
      v_unbalanced text;
      v_postings jsonb;
      v_id uuid := gen_random_uuid();
      v_now timestamptz := now();
      v_seq bigint;
      v_prev bytea;
      v_hash bytea;
    begin
      select t.id, t.sequence, t.created_at, t.hash, t.request_hash into v_existing
        from ledger_transactions t
        where t.community_id = p_community_id and t.idempotency_key = p_idempotency_key;
      if found then
        if v_existing.request_hash <> p_request_hash then
          raise exception 'IDEMPOTENCY_CONFLICT' using errcode = 'P0001';
        end if;
        return query select v_existing.id, v_existing.sequence, v_existing.created_at,
          encode(v_existing.hash, 'hex'), true;
        return;
      end if;

      -- Checked before balances, so a second reversal says so rather than
      -- "insufficient points"; the unique key still decides a race.
      if p_reverses is not null and exists (
        select 1 from ledger_transactions t
         where t.community_id = p_community_id and t.reverses = p_reverses
      ) then
        raise exception 'ALREADY_REVERSED' using errcode = 'P0001';
      end if;

      if coalesce(cardinality(p_account_ids), 0) < 2
         or cardinality(p_account_ids) <> cardinality(p_amounts)
         or 0 = any (p_amounts) then
        raise exception 'UNBALANCED_TRANSACTION' using errcode = 'P0001',
          detail = 'a transaction needs two or more non-zero postings';
      end if;

      with p as (
        select a.account_id, a.amount, a.ord, acc.unit
          from unnest(p_account_ids, p_amounts) with ordinality as a (account_id, amount, ord)
          left join ledger_accounts acc
            on acc.community_id = p_community_id and acc.id = a.account_id
      )
      select
        (select count(*) from p where p.unit is null),
        (select string_agg(u.unit, ',') from (
           select p.unit from p where p.unit is not null group by p.unit having sum(p.amount) <> 0
         ) u),
        (select jsonb_agg(jsonb_build_array(p.account_id, p.unit, p.amount) order by p.ord) from p)
        into v_unknown, v_unbalanced, v_postings;
      if v_unknown > 0 then
        raise exception 'NOT_FOUND' using errcode = 'P0001', detail = 'account';
      end if;
      if v_unbalanced is not null then
        raise exception 'UNBALANCED_TRANSACTION' using errcode = 'P0001',
          detail = 'postings do not sum to zero in ' || v_unbalanced;
      end if;

      -- The community's chain row is locked before any account. Every posting
      -- takes its locks in the same order (chain, then accounts by id), so even a
      -- business transaction that posts several times cannot deadlock another.
      select c.head_sequence + 1, c.head_hash into v_seq, v_prev
        from ledger_chains c where c.community_id = p_community_id for update;
      if not found then
        raise exception 'NOT_FOUND' using errcode = 'P0001', detail = 'community';
      end if;

      for v_change in
        select a.account_id, sum(a.amount) as delta
          from unnest(p_account_ids, p_amounts) as a (account_id, amount)
          group by a.account_id
          order by a.account_id
      loop
        update ledger_accounts acc set balance = acc.balance + v_change.delta
          where acc.community_id = p_community_id and acc.id = v_change.account_id
            and (acc.min_balance is null or acc.balance + v_change.delta >= acc.min_balance);
        if not found then
          raise exception '%', (
            select case acc.unit when 'points' then 'INSUFFICIENT_POINTS' else 'INSUFFICIENT_MINUTES' end
              from ledger_accounts acc
              where acc.community_id = p_community_id and acc.id = v_change.account_id
          ) using errcode = 'P0001', detail = v_change.account_id::text;
        end if;
      end loop;

      v_hash := tally_transaction_hash(v_prev, p_community_id, v_seq, v_id, p_kind,
        p_actor_type, p_actor_id, p_actor_origin, p_memo, p_reference_type, p_reference_id,
        p_reverses, v_now, v_postings);

      insert into ledger_transactions (community_id, id, sequence, kind, actor_type, actor_id,
        actor_origin, memo, reference_type, reference_id, reverses, idempotency_key,
        request_hash, created_at, prev_hash, hash)
      values (p_community_id, v_id, v_seq, p_kind, p_actor_type, p_actor_id, p_actor_origin,
        p_memo, p_reference_type, p_reference_id, p_reverses, p_idempotency_key,
        p_request_hash, v_now, v_prev, v_hash);

      insert into ledger_postings (community_id, transaction_id, position, account_id, unit, amount)
      select p_community_id, v_id, (e.ord)::smallint, (e.item ->> 0)::uuid, e.item ->> 1,
             (e.item ->> 2)::bigint
        from jsonb_array_elements(v_postings) with ordinality as e (item, ord);

      update ledger_chains c set head_sequence = v_seq, head_hash = v_hash
        where c.community_id = p_community_id;

      return query select v_id, v_seq, v_now, encode(v_hash, 'hex'), false;
    end $$
    `,
  ]);
}

export async function down(db: Kysely<any>): Promise<void> {
  await run(db, [
    `
    drop function tally_post_transaction(uuid, text, text, text, text, text, text, text, text, text, uuid, uuid[], bigint[])
    `,
    `
    drop table ledger_postings
    `,
    `
    drop table ledger_transactions
    `,
    `
    drop table ledger_accounts
    `,
    `
    drop table ledger_chains
    `,
    `
    drop table communities
    `,
    `
    drop function tally_refuse_journal_change()
    `,
    `
    drop function tally_transaction_hash(bytea, uuid, bigint, uuid, text, text, text, text, text, text, text, uuid, timestamptz, jsonb)
    `,
    `
    drop function tally_genesis_hash(uuid)
    `,
  ]);
}
