import type { GovernanceGroup } from '@tally/domain/reports';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../test/render';
import { GovernanceTable } from './governance-table';

describe('who takes part in governance', () => {
  it('shows each way of taking part per group, a small group as "<5"', () => {
    const groups: GovernanceGroup[] = [
      {
        group: '60_74',
        residents: 12,
        raised: '<5',
        supported: 6,
        attended: 5,
        voted: 8,
        tookPart: 9,
        rate: 0.75,
      },
      {
        group: 'unknown',
        residents: '<5',
        raised: '<5',
        supported: '<5',
        attended: '<5',
        voted: '<5',
        tookPart: '<5',
        rate: '<5',
      },
    ];
    renderWithApp(<GovernanceTable caption="By age" dimension="age_band" groups={groups} />);
    const headers = screen.getAllByRole('columnheader').map((cell) => cell.textContent);
    expect(headers).toEqual([
      'Age',
      'Residents',
      'Raised',
      'Supported',
      'Came to a meeting',
      'Voted',
      'Any of these',
      'Rate',
    ]);
    const cells = (name: RegExp) =>
      within(screen.getByRole('row', { name }))
        .getAllByRole('cell')
        .map((cell) => cell.textContent);
    expect(cells(/^60–74/)).toEqual(['12', '<5', '6', '5', '8', '9', '75%']);
    expect(cells(/^Not recorded|^Unknown/)).toEqual(['<5', '<5', '<5', '<5', '<5', '<5', '<5']);
  });
});
