import { type ImportProblem, type ImportRow, importProblem } from '@tally/domain/imports';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../test/render';
import { ImportPreviewTable } from './import-preview-table';

const row = (
  line: number,
  values: Partial<ImportRow['values']> = {},
  errors: ImportProblem[] = [],
) => ({
  line,
  values: { name: `Resident ${line}`, cardNumber: `IMP-${line}`, pin: '1234', ...values },
  errors,
});

function repeated(line: number): ImportProblem {
  return importProblem('cardNumber', 'cardRepeated', `Also on line ${line}`, {
    lines: String(line),
    count: 1,
  });
}

// As the service answers residents.importPreview: a valid row, a bad birth year, a missing card,
// a card on two lines (both refused), and a row with something the app has no translation for.
const rows: ImportRow[] = [
  row(2, { building: '3', birthYear: '1956', showName: 'yes' }),
  row(3, { birthYear: '56' }, [importProblem('birthYear', 'birthYearFormat', 'Four digits')]),
  row(4, { cardNumber: '' }, [importProblem('cardNumber', 'cardMissing', 'Enter a card number')]),
  row(5, { cardNumber: 'IMP-DUP' }, [repeated(6)]),
  row(6, { cardNumber: 'IMP-DUP' }, [repeated(5)]),
  row(7, {}, [importProblem('pin', 'invalid', 'Something new the service says')]),
];

const bodyRows = () =>
  within(screen.getAllByRole('rowgroup')[1] as HTMLElement).getAllByRole('row');

describe('the preview of a residents file', () => {
  it('starts with the rows that have errors, each problem by its field', () => {
    renderWithApp(<ImportPreviewTable rows={rows} caption="Rows" />);
    const errorsOnly = screen.getByRole('radio', { name: 'Rows with errors (5)' });
    expect((errorsOnly as HTMLInputElement).checked).toBe(true);
    expect(bodyRows()).toHaveLength(5);
    expect(screen.queryByText('Resident 2')).toBeNull();

    const badYear = bodyRows()[0] as HTMLElement;
    expect(within(badYear).getByText('1 problem')).toBeTruthy();
    expect(badYear.textContent).toContain(
      'Birth year: Write the birth year as four digits, e.g. 1956.',
    );
    expect(bodyRows()[1]?.textContent).toContain('Card number: Enter a card number.');
    expect(bodyRows()[2]?.textContent).toContain(
      'Card number: The same card number is also on line 6.',
    );
    // A rule the service has no code for yet is shown as the service wrote it.
    expect(bodyRows()[4]?.textContent).toContain('PIN: Something new the service says');
  });

  it('shows every row on request, valid ones marked ready', () => {
    renderWithApp(<ImportPreviewTable rows={rows} caption="Rows" />);
    fireEvent.click(screen.getByRole('radio', { name: 'All rows (6)' }));
    expect(bodyRows()).toHaveLength(6);
    const valid = bodyRows()[0] as HTMLElement;
    expect(within(valid).getByText('Ready')).toBeTruthy();
    expect(valid.textContent).toContain('Resident 2');
    expect(valid.textContent).toContain('IMP-2');
    // The PIN is never echoed on screen.
    expect(valid.textContent).not.toContain('1234');
  });

  it('speaks Chinese, problems included', () => {
    renderWithApp(<ImportPreviewTable rows={rows} caption="Rows" />, { language: 'zh' });
    expect(screen.getByRole('radio', { name: '有错误的行（5）' })).toBeTruthy();
    expect(bodyRows()[0]?.textContent).toContain('出生年份：出生年份请写四位数字，如 1956。');
    expect(bodyRows()[2]?.textContent).toContain('卡号：第 6 行也是这个卡号。');
  });

  it('shows a large file a page at a time', () => {
    const many = Array.from({ length: 250 }, (_, index) => row(index + 2));
    renderWithApp(<ImportPreviewTable rows={many} caption="Rows" pageSize={100} />);
    // Nothing to filter when no row has an error.
    expect(screen.queryByRole('radio')).toBeNull();
    expect(bodyRows()).toHaveLength(100);
    expect(screen.getByText('Showing 100 of 250 rows.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect(bodyRows()).toHaveLength(250);
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
  });
});
