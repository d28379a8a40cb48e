import type { VerifyResult } from '@tally/domain/ledger';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { PageHeader } from '../../ui/page-header';
import { Progress } from '../../ui/progress';
import { ErrorNotice } from '../../ui/states';
import { CheckpointPanel } from './checkpoint-panel';
import { useKeptCheckpoint } from './kept-checkpoint-fields';
import { useStepwiseVerify, VERIFY_STEP, type VerifyProgress } from './use-stepwise-verify';
import { VerifyFindings } from './verify-findings';

/**
 * Re-derives the hash chain and every balance on the server, a step at a time with a real
 * progress bar, held to the newest signed checkpoint (or one the office kept), and says
 * plainly whether the ledger is intact, or where it first broke and how.
 */
export function VerifyPage() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  // The newest entry's sequence number says how many entries there are to check.
  const newest = useApiQuery('ledger.journal', { limit: 1 }, api.ledger.journal.query);
  const total = newest.data?.items[0]?.sequence ?? null;
  const verify = useStepwiseVerify();
  const kept = useKeptCheckpoint();
  const elapsed = useElapsedSeconds(verify.running);
  const outcome = verify.outcome;

  return (
    <>
      <PageHeader title={t('verify.title')} description={t('verify.description')} />
      <CheckpointPanel />
      <section className="card stack" aria-labelledby="verify-run">
        <h2 id="verify-run" className="visually-hidden">
          {t('verify.title')}
        </h2>
        <p>
          {total === null
            ? t('verify.aboutEmpty')
            : total <= VERIFY_STEP
              ? t('verify.aboutSmall', { count: total, formatted: format.number(total) })
              : t('verify.about', {
                  count: total,
                  formatted: format.number(total),
                  step: format.number(VERIFY_STEP),
                })}
        </p>
        {kept.fields}
        <div className="row">
          <button
            type="button"
            className="button button-primary"
            disabled={verify.running || kept.invalid}
            onClick={() => verify.start(kept.kept)}
          >
            {verify.running
              ? t('verify.running')
              : outcome
                ? t('verify.runAgain')
                : t('verify.run')}
          </button>
          {verify.running ? (
            <button
              type="button"
              className="button"
              disabled={verify.stopping}
              onClick={verify.stop}
            >
              {t('verify.stop')}
            </button>
          ) : null}
        </div>
        {verify.running ? (
          <VerifyProgressBar progress={verify.progress} total={total} seconds={elapsed} />
        ) : null}
        <ErrorNotice error={verify.error} />
      </section>
      {outcome?.kind === 'stopped' && !verify.running ? (
        <p className="notice notice-warning" role="status">
          {t('verify.stopped', {
            checked: format.number(outcome.progress.checkedThrough),
            total: format.number(outcome.progress.total),
          })}
        </p>
      ) : null}
      {outcome?.kind === 'done' && !verify.running ? (
        <Verdict result={outcome.result} checked={outcome.checked} checkedAt={outcome.checkedAt} />
      ) : null}
    </>
  );
}

function VerifyProgressBar({
  progress,
  total: knownTotal,
  seconds,
}: {
  progress: VerifyProgress | null;
  total: number | null;
  seconds: number;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const checked = progress?.checkedThrough ?? 0;
  const total = progress?.total ?? knownTotal ?? 0;
  const share = total > 0 ? checked / total : 0;
  return (
    <div className="stack-small">
      <Progress label={t('verify.progressLabel')} value={share} />
      <p className="muted" aria-live="polite">
        {t('verify.progress', {
          checked: format.number(checked),
          total: format.number(total),
          percent: format.percent(share),
          seconds,
        })}
      </p>
    </div>
  );
}

function Verdict({
  result,
  checked,
  checkedAt,
}: {
  result: VerifyResult;
  checked: number;
  checkedAt: Date;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (result.ok) {
    return (
      <section className="verdict verdict-ok" role="status" aria-live="polite">
        <h2>
          <span aria-hidden="true">✓ </span>
          {t('verify.verified', { count: checked, formatted: format.number(checked) })}
        </h2>
        <p>{t('verify.okExplain')}</p>
        <Anchor result={result} />
        <dl className="details">
          <dt>{t('verify.checkedAt')}</dt>
          <dd>{format.dateTime(checkedAt)}</dd>
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
      <p>{t('verify.brokenExplain', { count: checked })}</p>
      {result.firstBrokenSequence !== null ? (
        <BrokenEntry sequence={result.firstBrokenSequence} />
      ) : null}
      <VerifyFindings findings={result.findings} />
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

/** What vouches for the verdict beyond the database: the checkpoints it was held to. */
function Anchor({ result }: { result: VerifyResult }) {
  const { t } = useTranslation();
  const { anchor, kept } = result;
  const signed = anchor !== null && anchor.sequence > 0;
  if (!signed && !kept) return <p className="muted">{t('checkpoints.noAnchor')}</p>;
  return (
    <div data-testid="verify-anchor">
      {kept ? <p>{t('checkpoints.kept', { code: kept.code, sequence: kept.sequence })}</p> : null}
      {signed ? (
        <p>{t('checkpoints.anchored', { code: anchor.code, sequence: anchor.sequence })}</p>
      ) : null}
    </div>
  );
}

/**
 * The first broken entry, linked: its transaction page when the entry is there (altered), and
 * always its place in the journal (an entry deleted out of band has no page of its own).
 */
function BrokenEntry({ sequence }: { sequence: number }) {
  const { t } = useTranslation();
  const api = useApi();
  // The journal's cursor is "before this sequence number": one entry from sequence + 1 is it.
  const entry = useApiQuery(
    'ledger.journal',
    { cursor: String(sequence + 1), limit: 1 },
    api.ledger.journal.query,
  );
  const found = entry.data?.items[0];
  return (
    <p className="row">
      <strong>{t('verify.firstBroken', { sequence })}</strong>
      {found?.sequence === sequence ? (
        <Link href={`/ledger/transactions/${found.id}`} className="button button-small">
          {t('verify.openEntry', { sequence })}
        </Link>
      ) : null}
      <Link href={`/ledger?before=${sequence + 1}`}>{t('verify.openInJournal')}</Link>
    </p>
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
