import { type ImportResidentsInput, type ImportRow, importProblem } from '@tally/domain/imports';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeApi, renderWithApp } from '../../test/render';
import { ImportResidentsPage } from './import-residents-page';

// 1,203 rows: three refused by the preview, 1,200 valid (three chunks: 500, 500, 200).
const previewRows: ImportRow[] = Array.from({ length: 1203 }, (_, index) => {
  const line = index + 2;
  const bad = line === 10 || line === 600 || line === 1100;
  return {
    line,
    values: { name: `Resident ${line}`, cardNumber: bad ? '' : `IMP-${line}`, pin: '1234' },
    errors: bad ? [importProblem('cardNumber', 'cardMissing', 'Enter a card number')] : [],
  };
});

function chooseFile(text: string, label = 'Choose a CSV file') {
  const input = screen.getByLabelText(label);
  fireEvent.change(input, {
    target: { files: [new File([text], 'residents.csv', { type: 'text/csv' })] },
  });
}

describe('importing residents from a CSV file', () => {
  it('previews, sends the valid rows in chunks (a lost answer retried with its key), and reports what failed', async () => {
    const preview = vi.fn((_input: { csv: string }) => ({
      rows: previewRows,
      valid: 1200,
      invalid: 3,
    }));
    let lostOnce = false;
    const importChunk = vi.fn((input: ImportResidentsInput) => {
      // The second chunk's first answer is lost on the way (no answer at all).
      if (input.rows[0]?.line === 503 && !lostOnce) {
        lostOnce = true;
        throw new TypeError('Failed to fetch');
      }
      const taken = input.rows.find((row) => row.line === 1204);
      return {
        created: input.rows
          .filter((row) => row !== taken)
          .map((row) => ({
            line: row.line,
            id: `id-${row.line}`,
            cardNumber: row.values.cardNumber,
          })),
        failed: taken
          ? [
              {
                line: taken.line,
                errors: [importProblem('cardNumber', 'cardTaken', 'Taken')],
              },
            ]
          : [],
      };
    });
    renderWithApp(<ImportResidentsPage />, {
      api: fakeApi({
        'residents.importPreview.mutate': preview,
        'residents.import.mutate': importChunk,
      }),
    });

    chooseFile('name,cardNumber,pin\nResident 2,IMP-2,1234\n');
    await screen.findByRole('heading', { name: '2. Check the rows' });
    expect(preview.mock.calls[0]?.[0].csv).toBe('name,cardNumber,pin\nResident 2,IMP-2,1234\n');
    expect(screen.getByText('Rows with errors are left out', { exact: false })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Import 1,200 residents' }));
    await screen.findByRole('heading', { name: 'Import finished' }, { timeout: 5000 });

    const calls = importChunk.mock.calls.map(([input]) => input);
    expect(calls.map((input) => input.rows.length)).toEqual([500, 500, 500, 200]);
    // The retry of the lost chunk carries the same key; every chunk has its own.
    expect(calls[2]?.idempotencyKey).toBe(calls[1]?.idempotencyKey);
    expect(new Set(calls.map((input) => input.idempotencyKey)).size).toBe(3);
    // Rows refused by the preview are never sent.
    expect(calls.flatMap((input) => input.rows).some((row) => row.values.cardNumber === '')).toBe(
      false,
    );

    expect(screen.getByText('1,199 residents imported')).toBeTruthy();
    expect(screen.getByText('4 rows not imported')).toBeTruthy();
    const failed = within(screen.getByRole('table'));
    expect(failed.getAllByRole('row')).toHaveLength(5);
    expect(failed.getByText('IMP-1204').closest('tr')?.textContent).toContain(
      'Card number: A resident already holds this card number.',
    );
  });

  it.each([
    {
      language: 'en',
      words: [
        'File: ',
        'The first line names a column we do not know: “email”.',
        'The first line lacks the column “Card number”.',
      ],
    },
    {
      language: 'zh',
      words: ['文件：', '第一行有无法识别的列名：“email”。', '第一行缺少“卡号”列。'],
    },
  ] as const)(
    'shows why the service could not read the file ($language)',
    async ({ language, words }) => {
      const { TRPCClientError } = await import('@trpc/client');
      const message = 'csv: In the first line, "email" is not a column we know; …';
      const problems = [
        importProblem('csv', 'unknownColumn', '"email" is not a column we know', { name: 'email' }),
        importProblem('csv', 'missingColumn', 'the column cardNumber is missing', {
          column: 'cardNumber',
        }),
      ];
      const refusal = new TRPCClientError(message, {
        result: {
          error: {
            code: -32600,
            message,
            data: { domainCode: 'VALIDATION_FAILED', details: { problems } },
          },
        },
      } as ConstructorParameters<typeof TRPCClientError>[1]);
      renderWithApp(<ImportResidentsPage />, {
        language,
        api: fakeApi({
          'residents.importPreview.mutate': () => {
            throw refusal;
          },
        }),
      });
      chooseFile(
        'email\nx@example.org\n',
        language === 'zh' ? '选择 CSV 文件' : 'Choose a CSV file',
      );
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toBe(words.join(''));
      expect(
        within(alert)
          .getAllByRole('listitem')
          .map((item) => item.textContent),
      ).toEqual(words.slice(1));
    },
  );
});
