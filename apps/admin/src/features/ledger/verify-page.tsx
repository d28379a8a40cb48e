import type { VerifyResult } from '@tally/domain/ledger';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useApi } from '../../api/api-context';
import { useApiQuery, usePlainMutation } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { PageHeader } from '../../ui/page-header';
import { Progress } from '../../ui/progress';
import { ErrorNotice } from '../../ui/states';

/**
 * Re-derives the hash chain and every balance on the server and says, plainly, whether the
 * ledger is intact, or where it first broke.
 */
export function VerifyPage() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const [checkedAt, setCheckedAt] = useState<Date | null>(null);
  // The newest entry's sequence number says how many entries there are to check.
  const newest = useApiQuery('ledger.journal', { limit: 1 }, api.ledger.journal.query);
  const total = newest.data?.items[0]?.sequence ?? null;
  const verify = usePlainMutation(() => api.ledger.verify.mutate(), {
    invalidates: ['audit.list'],
  });
  const elapsed = useElapsedSeconds(verify.isPending);

  return (
    <>
      <PageHeader title={t('verify.title')} description={t('verify.description')} />
      <section className="card stack" aria-labelledby="verify-run">
        <h2 id="verify-run" className="visually-hidden">
          {t('verify.title')}
        </h2>
        <p>
          {total === null
            ? t('verify.aboutEmpty')
            : t('verify.about', { count: total, formatted: format.number(total) })}
        </p>
        <div className="row">
          <button
            type="button"
            className="button button-primary"
            disabled={verify.isPending}
            onClick={() => verify.mutate(undefined, { onSuccess: () => setCheckedAt(new Date()) })}
          >
            {verify.isPending ? t('verify.running') : t('verify.run')}
          </button>
        </div>
        {verify.isPending ? (
          <div className="stack-small">
            <Progress label={t('verify.running')} />
            <p className="muted" aria-live="polite">
              {t('verify.progress', { seconds: elapsed })}
            </p>
          </div>
        ) : null}
        <ErrorNotice error={verify.error} />
      </section>
      {verify.data && !verify.isPending ? (
        <Verdict result={verify.data} checkedAt={checkedAt} />
      ) : null}
    </>
  );
}

function Verdict({ result, checkedAt }: { result: VerifyResult; checkedAt: Date | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (result.ok) {
    return (
      <section className="verdict verdict-ok" role="status" aria-live="polite">
        <h2>
          <span aria-hidden="true">✓ </span>
          {t('verify.verified', {
            count: result.transactions,
            formatted: format.number(result.transactions),
          })}
        </h2>
        <p>{t('verify.okExplain')}</p>
        <dl className="details">
          {checkedAt ? (
            <>
              <dt>{t('verify.checkedAt')}</dt>
              <dd>{format.dateTime(checkedAt)}</dd>
            </>
          ) : null}
          <dt>{t('verify.headHash')}</dt>
          <dd className="mono">{result.headHash ?? '—'}</dd>
        </dl>
      </section>
    );
  }
  return (
    <section className="verdict verdict-broken" role="alert">
      <h2>
        <span aria-hidden="true">✗ </span>
        {t('verify.broken')}
      </h2>
      <p>{t('verify.brokenExplain', { count: result.transactions })}</p>
      {result.firstBrokenSequence !== null ? (
        <p>
          <strong>{t('verify.firstBroken', { sequence: result.firstBrokenSequence })}</strong>{' '}
          <Link href={`/ledger?before=${result.firstBrokenSequence + 1}`}>
            {t('verify.openEntry')}
          </Link>
        </p>
      ) : null}
      {result.mismatchedAccounts.length > 0 ? (
        <div>
          <p>{t('verify.mismatched', { count: result.mismatchedAccounts.length })}</p>
          <ul>
            {result.mismatchedAccounts.map((account) => (
              <li key={account} className="mono">
                {account}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

function useElapsedSeconds(running: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!running) return;
    setSeconds(0);
    const timer = setInterval(() => setSeconds((value) => value + 1), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return seconds;
}
