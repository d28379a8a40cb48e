import type { JournalEntry } from '@tally/domain/ledger';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useApi } from '../../api/api-context';
import { usePagedQuery } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { Empty, ErrorNotice, Loading, LoadMore } from '../../ui/states';
import { EntryText, KindBadge } from '../ledger/ledger-labels';

type Row = { entry: JournalEntry; points: number; minutes: number; pointsAfter: number };

/**
 * The resident's entries, newest first, each with the balance it left behind: walking back
 * from today's balance, every entry must explain the step, down to zero at the first one.
 */
export function ResidentEntries({
  residentId,
  points,
  minutes,
}: {
  residentId: string;
  points: number;
  minutes: number;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const journal = usePagedQuery(
    'ledger.journal',
    { residentId, limit: 100 },
    api.ledger.journal.query,
  );
  const rows: Row[] = [];
  let pointsAfter = points;
  let minutesLeft = minutes;
  for (const entry of journal.items) {
    const own = entry.postings.filter(
      (p) => p.ownerType === 'resident' && p.ownerId === residentId,
    );
    const pointsChange = own.filter((p) => p.unit === 'points').reduce((s, p) => s + p.amount, 0);
    const minutesChange = own.filter((p) => p.unit === 'minutes').reduce((s, p) => s + p.amount, 0);
    rows.push({ entry, points: pointsChange, minutes: minutesChange, pointsAfter });
    pointsAfter -= pointsChange;
    minutesLeft -= minutesChange;
  }
  const complete = !journal.hasNextPage && !journal.isPending;

  return (
    <section className="stack-small" aria-labelledby="entries-title">
      <h2 id="entries-title">{t('residents.entries')}</h2>
      <p className="muted">{t('residents.entriesHint')}</p>
      <ErrorNotice error={journal.error} />
      {journal.isPending ? (
        <Loading />
      ) : rows.length === 0 ? (
        <Empty>{t('residents.noEntries')}</Empty>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col" className="number">
                  #
                </th>
                <th scope="col">{t('ledger.when')}</th>
                <th scope="col">{t('ledger.kind')}</th>
                <th scope="col">{t('ledger.description')}</th>
                <th scope="col" className="number">
                  {t('residents.minutesChange')}
                </th>
                <th scope="col" className="number">
                  {t('residents.pointsChange')}
                </th>
                <th scope="col" className="number">
                  {t('residents.pointsAfter')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ entry, points: change, minutes: served, pointsAfter: after }) => (
                <tr key={entry.id}>
                  <td className="number">
                    <Link href={`/ledger/transactions/${entry.id}`}>{entry.sequence}</Link>
                  </td>
                  <td className="nowrap">{format.dateTime(entry.createdAt)}</td>
                  <td>
                    <KindBadge kind={entry.kind} />
                  </td>
                  <td>
                    <EntryText entry={entry} />
                  </td>
                  <td className="number">{signed(served, format.number)}</td>
                  <td className={change < 0 ? 'number amount-out' : 'number amount-in'}>
                    {signed(change, format.number)}
                  </td>
                  <td className="number">{format.number(after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <LoadMore
            hasMore={journal.hasNextPage}
            loading={journal.isFetchingNextPage}
            onLoad={() => void journal.fetchNextPage()}
          />
        </div>
      )}
      {complete && rows.length > 0 ? (
        pointsAfter === 0 && minutesLeft === 0 ? (
          <p className="notice notice-success">{t('residents.traced')}</p>
        ) : (
          <p className="notice notice-danger">
            {t('residents.notTraced', { points: pointsAfter, minutes: minutesLeft })}
          </p>
        )
      ) : null}
    </section>
  );
}

function signed(value: number, number: (value: number) => string): string {
  if (value === 0) return '—';
  return `${value > 0 ? '+' : '−'}${number(Math.abs(value))}`;
}
