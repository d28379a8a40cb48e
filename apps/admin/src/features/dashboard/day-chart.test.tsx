import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../test/render';
import { DayChart, niceHours } from './day-chart';

describe('the dashboard’s chart of hours per day', () => {
  it('rounds the scale up to a readable number of hours', () => {
    expect(niceHours(0)).toBe(2);
    expect(niceHours(1.5)).toBe(2);
    expect(niceHours(3)).toBe(4);
    expect(niceHours(4.5)).toBe(5);
    expect(niceHours(37)).toBe(40);
    expect(niceHours(120)).toBe(200);
  });

  it('describes itself in one sentence and draws a bar per day', () => {
    const days = Array.from({ length: 30 }, (_, index) => ({
      date: `2026-11-${String(index + 1).padStart(2, '0')}`,
      minutes: index === 14 ? 600 : 60,
    }));
    const { container } = renderWithApp(<DayChart days={days} />);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'Bar chart of approved hours per day from 1 Nov to 30 Nov: 39 hours in all, the most on 15 Nov (10 hours).',
    );
    expect(container.querySelectorAll('rect')).toHaveLength(30);
    expect(container.querySelector('.day-chart-today title')?.textContent).toBe('30 Nov: 1 h');
  });
});
