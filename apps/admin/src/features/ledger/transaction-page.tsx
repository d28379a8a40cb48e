import { units } from '@tally/domain/units';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'wouter';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { useLocalizedName } from '../../i18n/localized-name';
import { mayManage } from '../../session/permissions';
import { useUser } from '../../session/session-context';
import { PageHeader } from '../../ui/page-header';
import { ErrorNotice, Loading } from '../../ui/states';
import { ActorLabel, EntryText, KindBadge, originLabel, useStaffNames } from './ledger-labels';
import { ReverseDialog } from './reverse-dialog';

/** One transaction as an auditor reads it: who, when, why, its postings and its place in the chain. */
export function TransactionPage() {
  const inLanguage = useLocalizedName();
  const { id = '' } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const api = useApi();
  const user = useUser();
  const format = useFormat();
  const names = useStaffNames();
  const [, navigate] = useLocation();
  const [reversing, setReversing] = useState(false);
  const transaction = useApiQuery('ledger.transaction', { id }, api.ledger.transaction.query);
  const entry = transaction.data;

  if (transaction.isPending) return <Loading />;
  if (!entry) return <ErrorNotice error={transaction.error} />;
  const sums = units.map((unit) => ({
    unit,
    total: entry.postings.filter((p) => p.unit === unit).reduce((sum, p) => sum + p.amount, 0),
    used: entry.postings.some((p) => p.unit === unit),
  }));
  const mayReverse = mayManage(user.role) && entry.kind !== 'reversal' && !entry.reversedBy;

  return (
    <>
      <PageHeader
        breadcrumb={<Link href="/ledger">← {t('nav.journal')}</Link>}
        title={t('ledger.transactionTitle', { sequence: entry.sequence })}
        actions={
          mayReverse ? (
            <button
              type="button"
              className="button button-danger"
              onClick={() => setReversing(true)}
            >
              {t('ledger.reverse')}
            </button>
          ) : null
        }
      />
      <section className="card">
        <dl className="details">
          <dt>{t('ledger.kind')}</dt>
          <dd>
            <KindBadge kind={entry.kind} />
          </dd>
          <dt>{t('ledger.when')}</dt>
          <dd>{format.dateTime(entry.createdAt)}</dd>
          <dt>{t('ledger.actor')}</dt>
          <dd>
            <ActorLabel entry={entry} showId />
            {entry.actor.origin ? (
              <span className="muted">
                {' '}
                ·{' '}
                <Trans
                  i18nKey="ledger.origin"
                  values={{ origin: originLabel(entry.actor.origin, names) }}
                  components={{ code: <span className="mono" /> }}
                />
              </span>
            ) : null}
          </dd>
          <dt>{t('ledger.description')}</dt>
          <dd>
            <EntryText entry={entry} />
          </dd>
          <dt>{t('ledger.memo')}</dt>
          <dd>
            {entry.memo || '—'}
            <div className="muted">{t('ledger.memoHint')}</div>
          </dd>
          <dt>{t('ledger.reference')}</dt>
          <dd>
            {entry.reference ? (
              <>
                {t(`ledger.referenceTypes.${entry.reference.type}`, {
                  defaultValue: entry.reference.type,
                })}{' '}
                <span className="mono">{entry.reference.id}</span>
              </>
            ) : (
              '—'
            )}
          </dd>
          {entry.reverses ? (
            <>
              <dt>{t('ledger.reverses')}</dt>
              <dd>
                <Link href={`/ledger/transactions/${entry.reverses}`} className="mono">
                  {entry.reverses}
                </Link>
              </dd>
            </>
          ) : null}
          {entry.reversedBy ? (
            <>
              <dt>{t('ledger.reversedBy')}</dt>
              <dd>
                <Link href={`/ledger/transactions/${entry.reversedBy}`} className="mono">
                  {entry.reversedBy}
                </Link>
              </dd>
            </>
          ) : null}
          <dt>{t('ledger.transactionId')}</dt>
          <dd className="mono">{entry.id}</dd>
          <dt>{t('ledger.hash')}</dt>
          <dd className="mono">{entry.hash}</dd>
          <dt>{t('ledger.prevHash')}</dt>
          <dd className="mono">
            {entry.prevHash}
            {entry.sequence > 1 ? (
              <div>
                <Link href={`/ledger?before=${entry.sequence}`}>{t('ledger.previousEntry')}</Link>
              </div>
            ) : null}
          </dd>
        </dl>
      </section>
      <section className="stack-small" aria-labelledby="postings-title">
        <h2 id="postings-title">{t('ledger.postings')}</h2>
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('ledger.account')}</th>
                <th scope="col">{t('ledger.unit')}</th>
                <th scope="col" className="number">
                  {t('ledger.amount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {entry.postings.map((posting) => (
                <tr key={`${posting.accountId}-${posting.unit}`}>
                  <td>
                    {posting.ownerType === 'resident' && posting.ownerId ? (
                      <Link href={`/residents/${posting.ownerId}`}>
                        {posting.ownerName ? inLanguage(posting.ownerName) : '—'}
                      </Link>
                    ) : posting.ownerName ? (
                      inLanguage(posting.ownerName)
                    ) : (
                      '—'
                    )}
                    <div className="muted">
                      {t(`ledger.ownerTypes.${posting.ownerType}`)} ·{' '}
                      <span className="mono">{posting.accountId}</span>
                    </div>
                  </td>
                  <td>{t(`ledger.units.${posting.unit}`)}</td>
                  <td className={posting.amount < 0 ? 'number amount-out' : 'number amount-in'}>
                    {posting.amount > 0 ? '+' : '−'}
                    {format.number(Math.abs(posting.amount))}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              {sums
                .filter((sum) => sum.used)
                .map((sum) => (
                  <tr key={sum.unit}>
                    <th scope="row" colSpan={2}>
                      {t('ledger.sumOf', { unit: t(`ledger.units.${sum.unit}`) })}
                    </th>
                    <td className="number">
                      {format.number(sum.total)}{' '}
                      {sum.total === 0 ? (
                        <span className="badge badge-success">{t('ledger.balanced')}</span>
                      ) : null}
                    </td>
                  </tr>
                ))}
            </tfoot>
          </table>
        </div>
      </section>
      <ReverseDialog
        open={reversing}
        transactionId={entry.id}
        onClose={() => setReversing(false)}
        onReversed={(reversalId) => navigate(`/ledger/transactions/${reversalId}`)}
      />
    </>
  );
}
