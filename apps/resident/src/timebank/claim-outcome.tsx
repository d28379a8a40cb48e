import { useTranslation } from 'react-i18next';
import type { HelpClaim } from '../api/me-types';
import { NamedText } from '../ui/named-text';
import { durationText } from './timebank-words';

/** How a settled claim ended: the minutes moved (and the pool's part), and what was said. */
export function ClaimOutcome({ claim }: { claim: HelpClaim }) {
  const { t } = useTranslation();
  return (
    <>
      {claim.status === 'confirmed' && claim.minutes !== null && (
        <p data-testid="moved">
          {t('timebank.moved', { time: durationText(t, claim.minutes) })}
          {claim.poolMinutes ? (
            <>
              {' · '}
              {t('timebank.poolPaid', { time: durationText(t, claim.poolMinutes) })}
            </>
          ) : null}
        </p>
      )}
      {claim.disputeReason && (
        <p>
          <NamedText
            text={t('timebank.disputeSaid', { reason: claim.disputeReason })}
            names={[claim.disputeReason]}
          />
        </p>
      )}
      {claim.resolution && (
        <p>
          <NamedText
            text={t('timebank.officeSaid', { note: claim.resolution })}
            names={[claim.resolution]}
          />
        </p>
      )}
    </>
  );
}
