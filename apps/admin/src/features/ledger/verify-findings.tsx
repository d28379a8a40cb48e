import type { CheckpointRef, VerifyFinding } from '@tally/domain/ledger';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useFormat } from '../../i18n/format';

/** What verification found, each in the reader's language, entries linked to their place. */
export function VerifyFindings({ findings }: { findings: VerifyFinding[] }) {
  const { t } = useTranslation();
  const describe = useFindingWords();
  if (findings.length === 0) return null;
  return (
    <div className="stack-small">
      <h3>{t('checkpoints.findingsTitle')}</h3>
      <ul className="verify-findings">
        {findings.map((finding) => (
          <li
            key={`${finding.kind}-${finding.sequence}-${finding.accountId}`}
            data-kind={finding.kind}
          >
            {describe(finding)}
            {finding.sequence !== null && finding.kind !== 'ledger_truncated' ? (
              <>
                {' '}
                <Link href={`/ledger?before=${finding.sequence + 1}`}>
                  {t('verify.openInJournal')}
                </Link>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

function useFindingWords() {
  const { t } = useTranslation();
  const format = useFormat();
  const signed = (checkpoint: CheckpointRef | null) =>
    [
      checkpoint?.signedAt
        ? t('checkpoints.signedOn', { date: format.dateTime(checkpoint.signedAt) })
        : '',
      checkpoint?.source === 'office' ? t('checkpoints.fromOffice') : '',
    ].join('');
  return (finding: VerifyFinding) =>
    t(`checkpoints.findings.${finding.kind}`, {
      sequence: finding.sequence ?? '?',
      head: (finding.sequence ?? 1) - 1,
      account: finding.accountId ?? '',
      code: finding.checkpoint?.code ?? '',
      vouched: finding.checkpoint?.sequence ?? '',
      signed: signed(finding.checkpoint),
    });
}
