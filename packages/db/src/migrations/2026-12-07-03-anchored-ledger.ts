import { type Kysely, sql } from 'kysely';

// Frozen. The ledger anchored outside the database (issue 10, F12), and a reversal
// that cannot itself be reversed (F18).
//
// Three kinds of tampering passed verification because everything the chain rests on
// lived in the database: truncation (delete the newest entries, move the head back),
// an owner swap (account owners were not hashed), and a forgery appended with the
// database's own hash function. From here on:
// - Each transaction the service posts carries a seal: an HMAC, under a key the
//   database never sees, over what the service asked to post (its id, idempotency key,
//   kind, actor, memo, reference, reversed entry and postings). The seal is stored and
//   covered by the hash. A forger can compute a hash, never a seal.
// - The hash has a second form (`tally_transaction_hash_v2`) whose postings include
//   each account's identity: owner type, owner id, unit and floor. An entry with a seal
//   is in the second form, one without is in the first; sealed entries began with this
//   migration, so an unsealed entry after a sealed one, or after any signed checkpoint,
//   is a break.
// - Each account carries an identity seal (the same key) over its owner, unit and floor.
// - Signed checkpoints (sequence, head hash, ed25519 signature by the service's key)
//   are kept here and, above all, by the office (a short code on the monthly poster, a
//   downloaded file), so truncation and re-hashed history show against them.
// Entries already stored keep their first-form hash, and are vouched for by the first
// checkpoint the service signs.

async function run(db: Kysely<any>, statements: string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await run(db, [
    `
    alter table ledger_transactions add column seal bytea
    `,
    `
    -- Only the entries from before sealing (and forgeries) are in it, so it costs new
    -- postings nothing; verification reads it to find an unsealed entry out of place.
    create index ledger_transactions_unsealed
      on ledger_transactions (community_id, sequence) where seal is null
    `,
    `
    alter table ledger_accounts add column identity_seal bytea
    `,
    `
    create table ledger_checkpoints (
      community_id uuid not null references communities (id),
      sequence bigint not null check (sequence >= 0),
      head_hash bytea not null check (length(head_hash) = 32),
      signed_at timestamptz not null default now(),
      key_fingerprint text not null check (length(key_fingerprint) between 1 and 100),
      signature bytea not null check (length(signature) = 64),
      -- Several service instances may sign the same head at once; the signature is
      -- deterministic, so the second insert is the same row and does nothing.
      primary key (community_id, sequence)
    )
    `,
    `
    create trigger ledger_checkpoints_append_only
      before update or delete on ledger_checkpoints
      for each row execute function tally_refuse_journal_change()
    `,
    `
    create trigger ledger_checkpoints_no_truncate
      before truncate on ledger_checkpoints
      for each statement execute function tally_refuse_journal_change()
    `,
    `
    -- json, not jsonb: the same canonical text without building a binary value first,
    -- a quarter cheaper to verify. Posting and verifying build the postings alike:
    -- json_agg(json_build_array(account, unit, amount, owner type, owner, floor)).
    create function tally_transaction_hash_v2(
      prev_hash bytea, community_id uuid, sequence bigint, id uuid, kind text,
      actor_type text, actor_id text, actor_origin text, memo text,
      reference_type text, reference_id text, reverses uuid,
      created_at timestamptz, postings json, seal bytea
    ) returns bytea
    language sql immutable parallel safe as $$
      select sha256(prev_hash || convert_to(json_build_array(
        'tally:v2', community_id, sequence, id, kind, actor_type, actor_id, actor_origin, memo,
        reference_type, reference_id, reverses,
        (extract(epoch from created_at) * 1000000)::bigint, postings, encode(seal, 'hex')
      )::text, 'UTF8'))
    $$
    `,
    `
    drop function tally_post_transaction(uuid, text, text, text, text, text, text, text, text, text, uuid, uuid[], bigint[])
    `,
  ]);

  // Still one database function call per posting. New: the service chooses the
  // transaction's id (so its seal can name it) and passes the seal; postings are hashed
  // with their accounts' identities; a reversal cannot be reversed.
  await run(db, [
    `
    create function tally_post_transaction(
      p_community_id uuid, p_id uuid, p_idempotency_key text, p_request_hash text, p_kind text,
      p_actor_type text, p_actor_id text, p_actor_origin text, p_memo text,
      p_reference_type text, p_reference_id text, p_reverses uuid,
      p_account_ids uuid[], p_amounts bigint[], p_seal bytea
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
      v_hashed_postings json;
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

      if p_id is null or p_seal is null or length(p_seal) <> 32 then
        raise exception 'a ledger transaction needs its id and its seal' using errcode = 'P0001';
      end if;

      if p_reverses is not null then
        -- A reversal is itself corrected by a new posting, never by reversing it:
        -- "undoing an undo" would hide the correction's history.
        if exists (
          select 1 from ledger_transactions t
           where t.community_id = p_community_id and t.id = p_reverses
             and (t.reverses is not null or t.kind = 'reversal')
        ) then
          raise exception 'REVERSAL_NOT_REVERSIBLE' using errcode = 'P0001';
        end if;
        -- Checked before balances, so a second reversal says so rather than
        -- "insufficient points"; the unique key still decides a race.
        if exists (
          select 1 from ledger_transactions t
           where t.community_id = p_community_id and t.reverses = p_reverses
        ) then
          raise exception 'ALREADY_REVERSED' using errcode = 'P0001';
        end if;
      end if;

      if coalesce(cardinality(p_account_ids), 0) < 2
         or cardinality(p_account_ids) <> cardinality(p_amounts)
         or 0 = any (p_amounts) then
        raise exception 'UNBALANCED_TRANSACTION' using errcode = 'P0001',
          detail = 'a transaction needs two or more non-zero postings';
      end if;

      with p as (
        select a.account_id, a.amount, a.ord, acc.unit, acc.owner_type, acc.owner_id,
               acc.min_balance
          from unnest(p_account_ids, p_amounts) with ordinality as a (account_id, amount, ord)
          left join ledger_accounts acc
            on acc.community_id = p_community_id and acc.id = a.account_id
      )
      select
        (select count(*) from p where p.unit is null),
        (select string_agg(u.unit, ',') from (
           select p.unit from p where p.unit is not null group by p.unit having sum(p.amount) <> 0
         ) u),
        (select jsonb_agg(jsonb_build_array(p.account_id, p.unit, p.amount) order by p.ord) from p),
        (select json_agg(json_build_array(p.account_id, p.unit, p.amount, p.owner_type,
                  p.owner_id, p.min_balance) order by p.ord) from p)
        into v_unknown, v_unbalanced, v_postings, v_hashed_postings;
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

      v_hash := tally_transaction_hash_v2(v_prev, p_community_id, v_seq, p_id, p_kind,
        p_actor_type, p_actor_id, p_actor_origin, p_memo, p_reference_type, p_reference_id,
        p_reverses, v_now, v_hashed_postings, p_seal);

      insert into ledger_transactions (community_id, id, sequence, kind, actor_type, actor_id,
        actor_origin, memo, reference_type, reference_id, reverses, idempotency_key,
        request_hash, created_at, prev_hash, hash, seal)
      values (p_community_id, p_id, v_seq, p_kind, p_actor_type, p_actor_id, p_actor_origin,
        p_memo, p_reference_type, p_reference_id, p_reverses, p_idempotency_key,
        p_request_hash, v_now, v_prev, v_hash, p_seal);

      insert into ledger_postings (community_id, transaction_id, position, account_id, unit, amount)
      select p_community_id, p_id, (e.ord)::smallint, (e.item ->> 0)::uuid, e.item ->> 1,
             (e.item ->> 2)::bigint
        from jsonb_array_elements(v_postings) with ordinality as e (item, ord);

      update ledger_chains c set head_sequence = v_seq, head_hash = v_hash
        where c.community_id = p_community_id;

      return query select p_id, v_seq, v_now, encode(v_hash, 'hex'), false;
    end $$
    `,
  ]);
}

export async function down(db: Kysely<any>): Promise<void> {
  await run(db, [
    `
    drop function tally_post_transaction(uuid, uuid, text, text, text, text, text, text, text, text, text, uuid, uuid[], bigint[], bytea)
    `,
    `
    drop function tally_transaction_hash_v2(bytea, uuid, bigint, uuid, text, text, text, text, text, text, text, uuid, timestamptz, json, bytea)
    `,
    `
    drop table ledger_checkpoints
    `,
    `
    alter table ledger_accounts drop column identity_seal
    `,
    `
    drop index ledger_transactions_unsealed
    `,
    `
    alter table ledger_transactions drop column seal
    `,
  ]);
  // The posting function as the ledger core made it (sealed entries already posted
  // keep their seal column only while this migration stands, so go down on an empty
  // or a test database only).
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
