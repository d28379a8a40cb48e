import { type Kysely, sql } from 'kysely';

// Frozen. A kiosk redemption in one database call (issue 12, the fast path). It used to lock
// the reward row first and then make about a dozen round trips between the service and the
// database, holding that lock (and, from its posting on, the community's chain) until commit:
// every redemption of a popular reward, and every posting in the community, queued behind
// them all. Now the service reads what it shows and seals (the reward's price and name, the
// accounts), and this function does the rest in one statement, outside any transaction the
// service opens: claim the request's key (or answer its first result), lock the reward, check
// the shelf, the limit and the points, take the stock, post, hand out a pickup code, audit,
// store the answer. The reward row and the chain are held from that one statement to its
// commit, never across a round trip. Locks in one order: the request's key, the reward, then
// the chain and the accounts (the posting's own order); cancelling a redemption takes the reward before the ledger too. Redemptions of one
// community that queue in the service meanwhile go together in one call and one commit
// (`tally_redeem_batch`).
//
// Refusals are raised as catalogue codes with their figures as JSON in the detail; the
// service words them. REWARD_CHANGED (not a catalogue code) means the price changed since
// the service read it: the service reads again and retries.

async function run(db: Kysely<any>, statements: string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await run(db, [
    `
    create function tally_redeem(
      p_community_id uuid, p_resident_id uuid, p_kiosk_id uuid, p_origin text,
      p_key text, p_request_hash text,
      p_reward_id uuid, p_quantity int, p_points bigint,
      p_redemption_id uuid, p_pickup_codes text[],
      p_transaction_id uuid, p_posting_key text, p_posting_hash text, p_memo text,
      p_account_ids uuid[], p_amounts bigint[], p_seal bytea
    ) returns jsonb
    language plpgsql as $$
    declare
      v_claimed text;
      v_first record;
      v_reward record;
      v_held bigint;
      v_balance bigint;
      v_posted record;
      v_code text;
      v_response jsonb;
    begin
      insert into idempotent_requests (community_id, key, operation, request_hash, response)
        values (p_community_id, p_key, 'kiosk.redeem', p_request_hash, 'null')
        on conflict (community_id, key) do nothing
        returning key into v_claimed;
      if v_claimed is null then
        select r.operation, r.request_hash, r.response into v_first
          from idempotent_requests r
          where r.community_id = p_community_id and r.key = p_key;
        if v_first.operation <> 'kiosk.redeem' or v_first.request_hash <> p_request_hash then
          raise exception 'IDEMPOTENCY_CONFLICT' using errcode = 'P0001';
        end if;
        return v_first.response;
      end if;

      select r.points, r.stock, r.per_resident_limit, r.active, r.name_zh, r.name_en into v_reward
        from rewards r where r.community_id = p_community_id and r.id = p_reward_id
        for no key update;
      if not found or not v_reward.active then
        raise exception 'NOT_FOUND' using errcode = 'P0001', detail = '{"what":"reward"}';
      end if;
      if v_reward.points * p_quantity <> p_points then
        raise exception 'REWARD_CHANGED' using errcode = 'P0001';
      end if;
      -- The refusals in the order a resident reads them: the shelf, their limit, their points.
      if v_reward.stock < p_quantity then
        raise exception 'OUT_OF_STOCK' using errcode = 'P0001',
          detail = json_build_object('stock', v_reward.stock)::text;
      end if;

      if v_reward.per_resident_limit is not null then
        -- Redemptions of one reward queue on its row: the count cannot change meanwhile.
        select coalesce(sum(d.quantity), 0) into v_held from redemptions d
          where d.community_id = p_community_id and d.resident_id = p_resident_id
            and d.reward_id = p_reward_id and d.status <> 'cancelled';
        if v_held + p_quantity > v_reward.per_resident_limit then
          raise exception 'LIMIT_REACHED' using errcode = 'P0001', detail = json_build_object(
            'limit', v_reward.per_resident_limit,
            'left', greatest(0, v_reward.per_resident_limit - v_held))::text;
        end if;
      end if;

      -- Read without a lock, for the message; the posting has the last word under a race.
      select a.balance into v_balance from ledger_accounts a
        where a.community_id = p_community_id and a.id = p_account_ids[1];
      if v_balance < p_points then
        raise exception 'INSUFFICIENT_POINTS' using errcode = 'P0001',
          detail = json_build_object('pointsNeeded', p_points, 'pointsAvailable', v_balance)::text;
      end if;

      update rewards r set stock = r.stock - p_quantity
        where r.community_id = p_community_id and r.id = p_reward_id;

      select * into v_posted from tally_post_transaction(
        p_community_id, p_transaction_id, p_posting_key, p_posting_hash, 'redemption',
        'resident', p_resident_id::text, 'kiosk:' || p_kiosk_id, p_memo,
        'redemption', p_redemption_id::text, null, p_account_ids, p_amounts, p_seal);
      if v_posted.replayed then
        raise exception 'a redemption''s posting key was used before' using errcode = 'P0001';
      end if;

      foreach v_code in array p_pickup_codes loop
        insert into redemptions (community_id, id, reward_id, resident_id, kiosk_id, quantity,
          points, pickup_code, transaction_id)
        values (p_community_id, p_redemption_id, p_reward_id, p_resident_id, p_kiosk_id,
          p_quantity, p_points, v_code, p_transaction_id)
        on conflict (community_id, pickup_code) do nothing;
        exit when found;
        v_code := null;
      end loop;
      if v_code is null then
        raise exception 'no free pickup code among %', cardinality(p_pickup_codes);
      end if;

      select a.balance into v_balance from ledger_accounts a
        where a.community_id = p_community_id and a.id = p_account_ids[1];
      v_response := jsonb_build_object(
        'redemptionId', p_redemption_id, 'pickupCode', v_code, 'pointsAfter', v_balance,
        'rewardName', jsonb_build_object('zh', v_reward.name_zh, 'en', v_reward.name_en),
        'quantity', p_quantity, 'points', p_points);

      insert into audit_log (community_id, actor_type, actor_id, action, target_type, target_id,
        origin, details)
      values (p_community_id, 'kiosk', p_kiosk_id::text, 'kiosk.redeem', 'redemption',
        p_redemption_id::text, p_origin, jsonb_build_object(
          'residentId', p_resident_id, 'rewardId', p_reward_id, 'quantity', p_quantity,
          'points', p_points, 'transactionId', p_transaction_id));

      update idempotent_requests r set response = v_response
        where r.community_id = p_community_id and r.key = p_key;
      return v_response;
    end $$
    `,
    `
    -- Redemptions that arrive while one call is running go together in the next: one commit
    -- (one flush of the write-ahead log) for all of them, each in its own subtransaction, so
    -- one refused leaves the others. The rewards are locked first, in id order, so that two
    -- calls (or a cancellation, which locks its reward before the ledger) cannot deadlock.
    create function tally_redeem_batch(p_items jsonb) returns table (
      response jsonb, error_code text, error_message text, error_detail text,
      error_constraint text
    )
    language plpgsql as $$
    declare
      v_item jsonb;
      v_response jsonb;
      v_code text;
      v_message text;
      v_detail text;
      v_constraint text;
    begin
      perform 1 from rewards r
        where (r.community_id, r.id) in (
          select (i ->> 'communityId')::uuid, (i ->> 'rewardId')::uuid
            from jsonb_array_elements(p_items) as i)
        order by r.community_id, r.id
        for no key update;
      for v_item in select i from jsonb_array_elements(p_items) as i loop
        begin
          v_response := tally_redeem(
            (v_item ->> 'communityId')::uuid, (v_item ->> 'residentId')::uuid,
            (v_item ->> 'kioskId')::uuid, v_item ->> 'origin',
            v_item ->> 'key', v_item ->> 'requestHash',
            (v_item ->> 'rewardId')::uuid, (v_item ->> 'quantity')::int,
            (v_item ->> 'points')::bigint,
            (v_item ->> 'redemptionId')::uuid,
            array(select jsonb_array_elements_text(v_item -> 'pickupCodes')),
            (v_item ->> 'transactionId')::uuid, v_item ->> 'postingKey',
            v_item ->> 'postingHash', v_item ->> 'memo',
            array(select jsonb_array_elements_text(v_item -> 'accountIds'))::uuid[],
            array(select jsonb_array_elements_text(v_item -> 'amounts'))::bigint[],
            decode(v_item ->> 'seal', 'hex'));
          return query select v_response, null::text, null::text, null::text, null::text;
        exception when others then
          get stacked diagnostics v_code = returned_sqlstate, v_message = message_text,
            v_detail = pg_exception_detail, v_constraint = constraint_name;
          return query select null::jsonb, v_code, v_message, v_detail, v_constraint;
        end;
      end loop;
    end $$
    `,
  ]);
}

export async function down(db: Kysely<any>): Promise<void> {
  await run(db, [
    `
    drop function tally_redeem_batch(jsonb)
    `,
    `
    drop function tally_redeem(uuid, uuid, uuid, text, text, text, uuid, int, bigint, uuid, text[], uuid, text, text, text, uuid[], bigint[], bytea)
    `,
  ]);
}
