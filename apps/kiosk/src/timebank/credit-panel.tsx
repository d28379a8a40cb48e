import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../api/kiosk-client';
import { useLoad } from '../api/use-load';
import { durationText } from './timebank-words';

/**
 * The resident's time credit, in hours and minutes and apart from their points (which stay in
 * the header): what they hold, what they gave and received, and whether the care pool pays for
 * them when it runs out.
 */
export function CreditPanel({ api }: { api: KioskApi }) {
  const { t } = useTranslation();
  const credit = useLoad('timebank-balance', () => api.timebank.balance.query());
  const { data } = credit;
  return (
    <section className="credit-panel" aria-labelledby="credit-title">
      <h2 id="credit-title">{t('timebank.credit')}</h2>
      {data ? (
        <>
          <p className="credit-value" data-testid="time-credit">
            {durationText(t, data.balance)}
          </p>
          <p className="credit-hint">{t('timebank.creditHint')}</p>
          <p className="credit-fact">
            {t('timebank.given', { time: durationText(t, data.helpedMinutes) })}
          </p>
          <p className="credit-fact">
            {t('timebank.received', { time: durationText(t, data.receivedMinutes) })}
          </p>
          {data.poolEligible && <p className="credit-pool">{t('timebank.poolPays')}</p>}
        </>
      ) : (
        <p className="lead">{credit.loading ? t('common.loading') : t('timebank.creditFailed')}</p>
      )}
    </section>
  );
}
