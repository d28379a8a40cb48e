import { describeEachDatabase } from '@tally/db/testing';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import {
  apiClient,
  expectApiError,
  givenCommunityWithStaff,
  newIdempotencyKey,
  serveDuring,
} from '../test/api';
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

  /** The card's counted wrong tries, by device ('*' is every device together). */
  async function cardTries(cardNumber: string) {
    const rows = await database()
      .db.selectFrom('card_attempts')
      .select(['device', 'failures', 'locked_until'])
      .where('card_number', '=', cardNumber)
      .execute();
    return Object.fromEntries(rows.map((row) => [row.device === '*' ? 'overall' : 'here', row]));
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
    const { resident, tryPin, office } = await givenCard();
    for (const triesLeft of [4, 3, 2, 1]) {
      const error = await expectApiError(tryPin('0000'), 'WRONG_PIN');
      expect(error.data?.code).toBe('UNAUTHORIZED');
      // It may be the card that is wrong: the answer never blames the PIN alone.
      expect(error.message).toContain('card number or PIN is not right');
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
    expect((await cardTries(resident.cardNumber)).here?.locked_until).not.toBeNull();
    // The office sees the card locked, and unlocking it forgives the tries.
    expect((await office.api.residents.get.query({ id: resident.id })).cardLocked).toBe(true);
    await office.api.residents.setCardLock.mutate({
      idempotencyKey: newIdempotencyKey(),
      id: resident.id,
      locked: false,
    });
    await expect(tryPin(TEST_PIN)).resolves.toMatchObject({ resident: { id: resident.id } });
  });

  it('opens the card again once the lock has run out, with a fresh count', async () => {
    const { resident, tryPin } = await givenCard();
    for (let i = 0; i < 5; i++) await tryPin('0000').catch(() => undefined);
    await database()
      .db.updateTable('card_attempts')
      .set({ locked_until: sql<Date>`now() - interval '1 second'` })
      .where('card_number', '=', resident.cardNumber)
      .where('locked_until', 'is not', null)
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
    expect(await cardTries(resident.cardNumber)).toEqual({});
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

  it('answers a card that does not exist exactly like a real card with a wrong PIN, to the lock', async () => {
    const { kiosk, tryPin } = await givenCard();
    const tryUnknown = () =>
      kiosk.api.kiosk.identify.mutate({ cardNumber: 'NO-SUCH-CARD', pin: TEST_PIN });
    for (let i = 0; i < 4; i++) {
      const unknown = await expectApiError(tryUnknown(), 'WRONG_PIN');
      const wrong = await expectApiError(tryPin('0000'), 'WRONG_PIN');
      expect(unknown.message).toBe(wrong.message);
      expect(unknown.data?.details).toEqual(wrong.data?.details);
    }
    const unknown = await expectApiError(tryUnknown(), 'PIN_LOCKED');
    const wrong = await expectApiError(tryPin('0000'), 'PIN_LOCKED');
    expect(unknown.message).toBe(wrong.message);
    expect(unknown.message).toContain('15 minutes');
  });

  it('needs more than five wrong PINs from anywhere to lock a resident out everywhere', async () => {
    const { resident, tryPin, communityId } = await givenCard();
    const otherKiosk = await givenKiosk(server, database().db, communityId);
    const tryElsewhere = (pin: string) =>
      otherKiosk.api.kiosk.identify.mutate({ cardNumber: resident.cardNumber, pin });
    for (let i = 0; i < 5; i++) await tryPin('0000').catch(() => undefined);
    await expectApiError(tryPin(TEST_PIN), 'PIN_LOCKED');
    // The resident walks to the other kiosk and gets in.
    await expect(tryElsewhere(TEST_PIN)).resolves.toMatchObject({ resident: { id: resident.id } });

    // Guessing spread over many kiosks meets the card's backstop: 15 wrong PINs in all.
    const kiosks = [otherKiosk];
    for (let k = 0; k < 3; k++) kiosks.push(await givenKiosk(server, database().db, communityId));
    const codes: string[] = [];
    for (const device of kiosks) {
      for (let i = 0; i < 4; i++) {
        const error = await device.api.kiosk.identify
          .mutate({ cardNumber: resident.cardNumber, pin: '0000' })
          .catch((e: { data?: { domainCode?: string } }) => e);
        codes.push((error as { data?: { domainCode?: string } }).data?.domainCode ?? 'OK');
      }
    }
    expect(codes.slice(0, 14).every((code) => code === 'WRONG_PIN')).toBe(true);
    expect(codes[14]).toBe('PIN_LOCKED');
    const fresh = await givenKiosk(server, database().db, communityId);
    await expectApiError(
      fresh.api.kiosk.identify.mutate({ cardNumber: resident.cardNumber, pin: TEST_PIN }),
      'PIN_LOCKED',
    );
  });

  describe('a card number typed without its letters', () => {
    async function givenCards(...cardNumbers: string[]) {
      const { db } = database();
      const community = await givenCommunityWithStaff(server, database());
      const kiosk = await givenKiosk(server, db, community.communityId);
      const residents = [];
      for (const cardNumber of cardNumbers) {
        residents.push(await givenResident(db, community.communityId, { cardNumber }));
      }
      const tryCard = (cardNumber: string, pin: string) =>
        kiosk.api.kiosk.identify.mutate({ cardNumber, pin });
      return { residents, tryCard };
    }

    it('finds the one card whose number is a letter prefix and those digits', async () => {
      const { residents, tryCard } = await givenCards('Q0007', 'Q0070', 'Q10007');
      const identified = await tryCard('0007', TEST_PIN);
      expect(identified.resident.id).toBe(residents[0]?.id);
    });

    it('counts wrong PINs typed without the prefix against the card itself', async () => {
      const { tryCard } = await givenCards('Q0007');
      const wrong = await expectApiError(tryCard('0007', '0000'), 'WRONG_PIN');
      expect(wrong.message).toContain('card number or PIN');
      expect(wrong.data?.details).toEqual({ triesLeft: 4 });
      await expectApiError(tryCard('Q0007', '0000'), 'WRONG_PIN');
      expect((await cardTries('Q0007')).here?.failures).toBe(2);
      expect(await cardTries('0007')).toEqual({});
      for (let i = 0; i < 3; i++) await tryCard('0007', '0000').catch(() => undefined);
      await expectApiError(tryCard('Q0007', TEST_PIN), 'PIN_LOCKED');
    });

    it('signs in no one when the digits follow two prefixes, and answers as for an unknown card', async () => {
      const { tryCard } = await givenCards('Q0042', 'R0042');
      const ambiguous = await expectApiError(tryCard('0042', TEST_PIN), 'WRONG_PIN');
      const unknown = await expectApiError(tryCard('9999', TEST_PIN), 'WRONG_PIN');
      expect(ambiguous.message).toBe(unknown.message);
      expect(ambiguous.data?.details).toEqual(unknown.data?.details);
      // The full numbers still work.
      await expect(tryCard('R0042', TEST_PIN)).resolves.toMatchObject({
        resident: { displayName: expect.any(String) },
      });
    });

    it("does not reach another community's card by its digits", async () => {
      await givenCards('Q0077');
      const { tryCard } = await givenCards();
      await expectApiError(tryCard('0077', TEST_PIN), 'WRONG_PIN');
    });
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
