import { describeEachDatabase } from '@tally/db/testing';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { apiClient, expectApiError, givenCommunityWithStaff, serveDuring } from '../test/api';
import { givenKiosk, givenResident, TEST_PIN } from './test-helpers';

describeEachDatabase('kiosk.identify', (database) => {
  const server = serveDuring(database);

  async function givenCard(points = 0) {
    const { db } = database();
    const community = await givenCommunityWithStaff(server, database());
    const kiosk = await givenKiosk(server, db, community.communityId);
    const resident = await givenResident(db, community.communityId, { points });
    const tryPin = (pin: string) =>
      kiosk.api.kiosk.identify.mutate({ cardNumber: resident.cardNumber, pin });
    return { ...community, kiosk, resident, tryPin };
  }

  async function cardState(residentId: string) {
    return database()
      .db.selectFrom('residents')
      .select(['pin_failures', 'card_locked_until'])
      .where('id', '=', residentId)
      .executeTakeFirstOrThrow();
  }

  it('identifies a resident by card and PIN and tells them their balances', async () => {
    const { resident, tryPin, kiosk } = await givenCard(42);
    const identified = await tryPin(TEST_PIN);
    expect(identified.residentToken).toMatch(/^trs_/);
    expect(identified.resident).toEqual({
      id: resident.id,
      displayName: resident.displayName,
      points: 42,
      minutes: 0,
    });
    const me = await kiosk.asResident(identified.residentToken).kiosk.me.query();
    expect(me.points).toBe(42);
  });

  it('counts wrong PINs down and locks the card for 15 minutes at the fifth', async () => {
    const { resident, tryPin } = await givenCard();
    for (const triesLeft of [4, 3, 2, 1]) {
      const error = await expectApiError(tryPin('0000'), 'WRONG_PIN');
      expect(error.data?.code).toBe('UNAUTHORIZED');
      expect(error.data?.details).toEqual({ triesLeft });
      expect(error.message).toContain(`${triesLeft} ${triesLeft === 1 ? 'try' : 'tries'} left`);
    }
    const locked = await expectApiError(tryPin('0000'), 'PIN_LOCKED');
    expect(locked.data?.code).toBe('TOO_MANY_REQUESTS');
    const lockedUntil = String(locked.data?.details?.lockedUntil);
    const minutesAway = (Date.parse(lockedUntil) - Date.now()) / 60_000;
    expect(minutesAway).toBeGreaterThan(14);
    expect(minutesAway).toBeLessThanOrEqual(15.1);
    expect(locked.message).toContain('15 minutes');

    // Even the right PIN is refused while the card is locked.
    await expectApiError(tryPin(TEST_PIN), 'PIN_LOCKED');
    expect((await cardState(resident.id)).card_locked_until).not.toBeNull();
  });

  it('opens the card again once the lock has run out, with a fresh count', async () => {
    const { resident, tryPin } = await givenCard();
    for (let i = 0; i < 5; i++) await tryPin('0000').catch(() => undefined);
    await database()
      .db.updateTable('residents')
      .set({ card_locked_until: sql<Date>`now() - interval '1 second'` })
      .where('id', '=', resident.id)
      .execute();
    const wrong = await expectApiError(tryPin('0000'), 'WRONG_PIN');
    expect(wrong.data?.details).toEqual({ triesLeft: 4 });
    await expect(tryPin(TEST_PIN)).resolves.toMatchObject({ resident: { id: resident.id } });
  });

  it('forgives earlier wrong PINs once the right one is entered', async () => {
    const { resident, tryPin } = await givenCard();
    await tryPin('0000').catch(() => undefined);
    await tryPin('1111').catch(() => undefined);
    await tryPin(TEST_PIN);
    expect(await cardState(resident.id)).toEqual({ pin_failures: 0, card_locked_until: null });
    const error = await expectApiError(tryPin('0000'), 'WRONG_PIN');
    expect(error.data?.details).toEqual({ triesLeft: 4 });
  });

  it('lets no more than five parallel guesses be checked before the card locks', async () => {
    const { tryPin } = await givenCard();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => tryPin(String(1000 + i))),
    );
    const codes = outcomes.map((o) =>
      o.status === 'rejected'
        ? (o.reason as { data?: { domainCode?: string } }).data?.domainCode
        : 'OK',
    );
    expect(codes.filter((c) => c === 'WRONG_PIN')).toHaveLength(4);
    expect(codes.filter((c) => c === 'PIN_LOCKED')).toHaveLength(6);
  });

  it('answers an unknown card like a wrong PIN and counts nothing', async () => {
    const { kiosk, resident, tryPin } = await givenCard();
    const unknown = await expectApiError(
      kiosk.api.kiosk.identify.mutate({ cardNumber: 'NO-SUCH-CARD', pin: TEST_PIN }),
      'WRONG_PIN',
    );
    const wrong = await expectApiError(tryPin('0000'), 'WRONG_PIN');
    expect(unknown.message).toBe(wrong.message);
    expect(unknown.data?.details).toEqual({ triesLeft: 4 });
    expect((await cardState(resident.id)).pin_failures).toBe(1);
  });

  it("does not find another community's card", async () => {
    const { resident } = await givenCard();
    const other = await givenCommunityWithStaff(server, database());
    const otherKiosk = await givenKiosk(server, database().db, other.communityId);
    await expectApiError(
      otherKiosk.api.kiosk.identify.mutate({ cardNumber: resident.cardNumber, pin: TEST_PIN }),
      'WRONG_PIN',
    );
  });

  it('refuses a caller who is not a registered kiosk', async () => {
    const { office, resident, kiosk } = await givenCard();
    const input = { cardNumber: resident.cardNumber, pin: TEST_PIN };
    await expectApiError(office.api.kiosk.identify.mutate(input), 'UNAUTHORIZED');
    await expectApiError(apiClient(server.url).kiosk.identify.mutate(input), 'UNAUTHORIZED');
    await database()
      .db.updateTable('kiosks')
      .set({ revoked_at: new Date() })
      .where('id', '=', kiosk.id)
      .execute();
    await expectApiError(kiosk.api.kiosk.identify.mutate(input), 'UNAUTHORIZED');
  });

  it('names the field when the input is not valid', async () => {
    const { kiosk } = await givenCard();
    const error = await expectApiError(
      kiosk.api.kiosk.identify.mutate({ cardNumber: '', pin: '' }),
      'VALIDATION_FAILED',
    );
    expect(error.message).toContain('cardNumber');
    expect(error.message).toContain('pin');
  });

  describe('the audit log', () => {
    it('records successes and failures with the kiosk as actor and no PIN', async () => {
      const { kiosk, resident, tryPin, communityId } = await givenCard();
      await tryPin('9999').catch(() => undefined);
      await tryPin(TEST_PIN);
      const entries = await database()
        .db.selectFrom('audit_log')
        .select(['action', 'actor_type', 'actor_id', 'target_id', 'details'])
        .where('community_id', '=', communityId)
        .where('action', 'like', 'kiosk.identify%')
        .orderBy('id')
        .execute();
      expect(entries.map((e) => e.action)).toEqual(['kiosk.identify_failed', 'kiosk.identify']);
      for (const entry of entries) {
        expect(entry).toMatchObject({
          actor_type: 'kiosk',
          actor_id: kiosk.id,
          target_id: resident.id,
        });
        expect(JSON.stringify(entry.details)).not.toContain('9999');
        expect(JSON.stringify(entry.details)).not.toContain(TEST_PIN);
      }
    });
  });
});
