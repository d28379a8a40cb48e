import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CheckedIn, CheckInRequest } from '../api/kiosk-client';
import { doorActivity, fakeApi, refusal, renderInLanguage } from '../test/fake-api';
import { CONFIRMATION_MS, DoorScreen } from './door-screen';

const wangGang: CheckedIn = {
  activityId: 'a9',
  residentId: 'r7',
  displayName: '王刚',
  checkedInAt: '2026-12-07T01:02:00.000Z',
  localTime: '09:02',
  walkIn: false,
  alreadyCheckedIn: false,
};

function renderDoor(checkIn: (input: CheckInRequest) => Promise<CheckedIn>, language = 'en') {
  const onChanged = vi.fn();
  const requests: CheckInRequest[] = [];
  const api = fakeApi({
    checkIn: (input) => {
      requests.push(input);
      return checkIn(input);
    },
  });
  renderInLanguage(
    <DoorScreen api={api} activity={doorActivity()} onChanged={onChanged} />,
    language as 'en' | 'zh',
  );
  return { onChanged, requests };
}

/** The card reader types the number and Enter, as a keyboard would. */
function tapCard(cardNumber: string) {
  for (const key of [...cardNumber, 'Enter']) fireEvent.keyDown(document, { key });
}

function press(...keys: string[]) {
  for (const key of keys) fireEvent.click(screen.getByRole('button', { name: key }));
}

describe('the door of an activity', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows the activity and what to do: tap the card or type its number', () => {
    renderDoor(() => Promise.resolve(wangGang));
    screen.getByRole('heading', { name: 'Lantern riddles evening' });
    screen.getByText(/^Today, \d\d:\d\d–\d\d:\d\d$/);
    screen.getByText('3 checked in so far');
    screen.getByText('Tap your card, or type your card number');
  });

  it('checks in a tapped card by its number alone and says who, and when, in large type', async () => {
    const { requests, onChanged } = renderDoor(() => Promise.resolve(wangGang));
    tapCard('Q0007');
    await screen.findByText('Checked in — 王刚, 09:02');
    expect(requests).toEqual([
      { idempotencyKey: expect.any(String), activityId: 'a9', cardNumber: 'Q0007' },
    ]);
    expect(onChanged).toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Next person' }));
    expect(screen.queryByText('Checked in — 王刚, 09:02')).toBeNull();
  });

  it('checks in a typed card with its PIN, in Chinese', async () => {
    const { requests } = renderDoor(() => Promise.resolve(wangGang), 'zh');
    press('显示字母', 'Q', '0', '0', '0', '7', '下一步');
    screen.getByText('卡号 Q0007：请输入密码，再按“签到”。');
    press('1', '2', '3', '4', '签到');
    await screen.findByText('签到成功 王刚 09:02');
    expect(requests).toEqual([
      { idempotencyKey: expect.any(String), activityId: 'a9', cardNumber: 'Q0007', pin: '1234' },
    ]);
  });

  it('goes back to the door by itself after a few seconds, ready for the next person', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    renderDoor(() => Promise.resolve(wangGang));
    press('0', '0', '0', '7', 'Next', '1', '2', '3', '4', 'Check in');
    await screen.findByText('Checked in — 王刚, 09:02');
    await act(() => vi.advanceTimersByTimeAsync(CONFIRMATION_MS));
    expect(screen.queryByText('Checked in — 王刚, 09:02')).toBeNull();
    // Nothing the last person typed is left on the pad.
    expect(screen.getByLabelText('Card number')).toHaveProperty('value', '');
  });

  it('checks in the next card tapped while the last confirmation still shows', async () => {
    const liMin = { ...wangGang, residentId: 'r8', displayName: '李敏', localTime: '09:03' };
    let calls = 0;
    renderDoor(() => Promise.resolve(++calls === 1 ? wangGang : liMin));
    tapCard('Q0007');
    await screen.findByText('Checked in — 王刚, 09:02');
    tapCard('Q0008');
    await screen.findByText('Checked in — 李敏, 09:03');
  });

  it('says a wrong PIN with the tries left and asks for the PIN again', async () => {
    renderDoor(() => Promise.reject(refusal('WRONG_PIN', { triesLeft: 3 }, 401)));
    press('0', '0', '0', '7', 'Next', '9', '9', '9', '9', 'Check in');
    await screen.findByText(
      'The card number or PIN is not right: please check the card number. 3 tries left.',
    );
    await vi.waitFor(() => expect(screen.getByLabelText('PIN')).toHaveProperty('value', ''));
  });

  it('says so in words when a tapped card is not known, or the door is not open yet', async () => {
    let answer = refusal('NOT_FOUND', undefined, 404);
    const { onChanged } = renderDoor(() => Promise.reject(answer));
    tapCard('Q9999');
    await screen.findByText(
      'This card is not known here. Please check the number, or ask the organizer.',
    );
    answer = refusal('ACTIVITY_NOT_OPEN');
    tapCard('Q0007');
    await screen.findByText('Check-in is not open: it opens an hour before the activity starts.');
    // The kiosk asks the service again what it is for: the office may have moved it. It asks
    // once the refusal is on screen (an effect after the paint), so wait for it.
    await vi.waitFor(() => expect(onChanged).toHaveBeenCalled());
  });
});
