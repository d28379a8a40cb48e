import type { CorrectionRequest } from '@tally/domain/corrections';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useFormat } from '../../i18n/format';
import { mayOpen } from '../../session/permissions';
import { useUser } from '../../session/session-context';
import { Badge } from '../../ui/badge';

/** What the office decided, who and when, and what it posted (linked). */
export function CorrectionOutcome({ request }: { request: CorrectionRequest }) {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useUser();
  const resolution = request.resolution;
  if (!resolution) return null;
  const accepted = resolution.decision === 'accept';
  const newRecord = resolution.newRecord;
  return (
    <section
      className={`card correction-outcome correction-outcome-${resolution.decision}`}
      aria-labelledby="outcome-title"
    >
      <h2 id="outcome-title" className="row">
        {t('corrections.outcomeTitle')}
        <Badge tone={accepted ? 'success' : 'neutral'}>
          {accepted ? t('corrections.outcomeAccepted') : t('corrections.outcomeDeclined')}
        </Badge>
      </h2>
      <dl className="details">
        <dt>{t('corrections.toldResident')}</dt>
        <dd className="correction-quote">“{resolution.reason}”</dd>
        <dt>{t('corrections.answeredBy')}</dt>
        <dd>{resolution.resolvedBy.displayName}</dd>
        <dt>{t('corrections.answeredAt')}</dt>
        <dd>{format.dateTime(resolution.resolvedAt)}</dd>
        {accepted && resolution.correctedMinutes !== null ? (
          <>
            <dt>{t('corrections.correctedTo')}</dt>
            <dd>
              {resolution.correctedMinutes === 0
                ? t('corrections.countsNoMore')
                : t('common.hours', { value: format.hours(resolution.correctedMinutes) })}
            </dd>
          </>
        ) : null}
        {accepted && request.kind === 'wrong_hours' ? (
          <>
            <dt>{t('corrections.reversal')}</dt>
            <dd>
              {resolution.reversalTransactionId ? (
                <Link href={`/ledger/transactions/${resolution.reversalTransactionId}`}>
                  {t('corrections.reversalLink')}{' '}
                  <span className="mono">{resolution.reversalTransactionId.slice(0, 8)}</span>
                </Link>
              ) : (
                t('corrections.noReversal')
              )}
            </dd>
          </>
        ) : null}
        {newRecord ? (
          <>
            <dt>{t('corrections.newRecord')}</dt>
            <dd>
              <Badge
                tone={
                  newRecord.status === 'approved'
                    ? 'success'
                    : newRecord.status === 'pending'
                      ? 'info'
                      : 'danger'
                }
              >
                {t(`corrections.recordStatusValue.${newRecord.status}`)}
              </Badge>
              {newRecord.points !== null ? (
                <span>
                  {' '}
                  {t('corrections.newRecordPoints', { points: format.number(newRecord.points) })}
                </span>
              ) : null}
              {newRecord.status === 'pending' ? (
                <div className="muted">
                  {t('corrections.newRecordWaiting')}{' '}
                  {mayOpen(user.role, 'approvals') ? (
                    <Link href="/approvals">{t('corrections.toApprovals')}</Link>
                  ) : null}
                </div>
              ) : null}
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
