import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { RedeemRequest } from '../api/kiosk-client';
import { catalogItem, fakeApi, networkFailure, renderInLanguage } from '../test/fake-api';
import { ConfirmRedeemScreen } from './confirm-redeem-screen';

const receipt = {
  redemptionId: 'd1',
  pickupCode: 'K7Q2MX',
  pointsAfter: 60,
  rewardName: { zh: '大米 5 公斤', en: 'Rice 5 kg' },
  quantity: 2,
  points: 240,
};

describe('the redeem confirm screen', () => {
  it('states exactly what will be taken, for the quantity chosen', () => {
    renderInLanguage(
      <ConfirmRedeemScreen
        api={fakeApi()}
        item={catalogItem()}
        points={300}
        onBack={() => undefined}
        onDone={() => undefined}
      />,
    );
    expect(screen.getByText('Rice 5 kg')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'One more' }));
    expect(screen.getByText('We will take 240 points from your account.')).toBeTruthy();
    expect(screen.getByText('You will have 60 points left.')).toBeTruthy();
    // 300 points buy two at 120, and the limit is 2: no third.
    expect(screen.getByRole('button', { name: 'One more' })).toHaveProperty('disabled', true);
  });

  it('keeps trying through a network failure with one key, and says so', async () => {
    const requests: RedeemRequest[] = [];
    const redeem = vi.fn((input: RedeemRequest) => {
      requests.push(input);
      return requests.length === 1 ? Promise.reject(networkFailure()) : Promise.resolve(receipt);
    });
    const onDone = vi.fn();
    renderInLanguage(
      <ConfirmRedeemScreen
        api={fakeApi({ redeem })}
        item={catalogItem()}
        points={300}
        onBack={() => undefined}
        onDone={onDone}
      />,
    );
    const confirm = screen.getByRole('button', { name: 'Confirm: take 120 points' });
    fireEvent.click(confirm);
    fireEvent.click(confirm);
    fireEvent.click(confirm);

    await screen.findByText('Still trying… don’t worry, you won’t be charged twice.');
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(receipt), { timeout: 3000 });
    expect(requests).toHaveLength(2);
    expect(requests[0]?.idempotencyKey).toBeTruthy();
    expect(requests[1]?.idempotencyKey).toBe(requests[0]?.idempotencyKey);
    expect(onDone).toHaveBeenCalledTimes(1);
  });
});
