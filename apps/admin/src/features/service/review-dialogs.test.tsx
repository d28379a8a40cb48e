import type { ServiceRecord } from '@tally/domain/service';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../test/render';
import { ApproveDialog, RejectDialog } from './review-dialogs';

const record = (id: string, flags: ServiceRecord['flags'] = []) =>
  ({
    id,
    resident: { id: `resident-${id}`, name: id, displayName: id },
    minutes: 90,
    flags,
  }) as unknown as ServiceRecord;

describe('reviewing records', () => {
  it('will not reject without a reason, then passes the reason on', () => {
    const onConfirm = vi.fn();
    renderWithApp(
      <RejectDialog
        open
        count={2}
        pending={false}
        error={null}
        onClose={() => {}}
        onConfirm={onConfirm}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Reject 2' }));
    expect(screen.getByText('A rejection needs a reason.')).toBeTruthy();
    expect(onConfirm).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('Reason'), { target: { value: '  Not on the sheet ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Reject 2' }));
    expect(onConfirm).toHaveBeenCalledWith('Not on the sheet');
  });

  it('sums up an approval and warns about flagged records', () => {
    const onConfirm = vi.fn();
    renderWithApp(
      <ApproveDialog
        open
        records={[
          record('a', ['overlapping']),
          record('b'),
          record('c', ['future_date', 'logged_late']),
        ]}
        pending={false}
        error={null}
        onClose={() => {}}
        onConfirm={onConfirm}
      />,
    );
    expect(screen.getByText('3 records, 3 people, 4.5 hours in total.')).toBeTruthy();
    expect(screen.getByText('2 of them have flags. Check them before approving.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Approve 3' }));
    expect(onConfirm).toHaveBeenCalledOnce();
  });
});
