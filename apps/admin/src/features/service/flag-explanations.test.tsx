import { serviceFlags } from '@tally/domain/service';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../test/render';
import { FlagBadges, FlagLegend } from './flag-explanations';

describe('review flags', () => {
  it('names and explains every flag the service can raise, in English', () => {
    renderWithApp(<FlagBadges flags={serviceFlags} />);
    expect(screen.getByText('Over 12 h in a day')).toBeTruthy();
    expect(
      screen.getByText(
        'This person has more than 12 hours of service logged on this day in total.',
      ),
    ).toBeTruthy();
    expect(screen.getByText(/another record at the same time/)).toBeTruthy();
    expect(screen.getByText(/starts later than now/)).toBeTruthy();
    expect(screen.getByText(/more than 30 days after the activity/)).toBeTruthy();
    expect(screen.getByText(/may have logged their own hours/)).toBeTruthy();
    expect(screen.getAllByRole('listitem')).toHaveLength(serviceFlags.length);
  });

  it('explains the flags in Chinese too', () => {
    renderWithApp(<FlagBadges flags={['logged_late', 'self_logged']} />, { language: 'zh' });
    expect(screen.getByText('延迟登记')).toBeTruthy();
    expect(screen.getByText('在活动结束 30 天后才登记，请与签到表核对。')).toBeTruthy();
    expect(screen.getByText('本人登记')).toBeTruthy();
  });

  it('shows nothing for a record without flags', () => {
    const { container } = renderWithApp(<FlagBadges flags={[]} />);
    expect(container.textContent).toBe('');
  });

  it('keeps a compact list to the names, with the explanation as the tooltip', () => {
    renderWithApp(<FlagBadges flags={['future_date']} explained={false} />);
    const badge = screen.getByText('In the future').closest('.badge');
    expect(badge?.getAttribute('title')).toMatch(/starts later than now/);
    expect(
      screen.queryByText(/may have been logged too early/, { selector: '.flag-explanation' }),
    ).toBeNull();
  });

  it('has a legend with one entry per flag', () => {
    const { container } = renderWithApp(<FlagLegend />);
    expect(container.querySelectorAll('dt')).toHaveLength(serviceFlags.length);
    expect(screen.getByText('What the flags mean')).toBeTruthy();
  });
});
