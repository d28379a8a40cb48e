import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../test/render';
import { TimeBankShare } from './time-bank-share';

describe('the time bank in the motivation report', () => {
  it('sets the hours exchanged beside the hours served, with exchanges, helpers and the pool', () => {
    renderWithApp(
      <TimeBankShare
        timeBank={{
          exchanges: 12,
          helpers: 7,
          exchangedHours: 15,
          servedHours: 45,
          timeBankShare: 0.25,
          poolShare: 0.4,
        }}
      />,
    );
    expect(
      screen.getByRole('img', { name: /Time bank 25% \(15 h\), Service for points 75% \(45 h\)/ }),
    ).toBeTruthy();
    expect(screen.getByTestId('time-bank-figures').textContent).toBe(
      '12 exchanges by 7 helpers; the care pool paid 40% of the hours exchanged.',
    );
  });

  it('draws no bar when few residents took part, and says “<5”', () => {
    renderWithApp(
      <TimeBankShare
        timeBank={{
          exchanges: '<5',
          helpers: '<5',
          exchangedHours: '<5',
          servedHours: 45,
          timeBankShare: '<5',
          poolShare: '<5',
        }}
      />,
    );
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByTestId('time-bank-figures').textContent).toBe('<5 exchanges by <5 helpers.');
  });
});
