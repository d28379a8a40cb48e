import { useTranslation } from 'react-i18next';
import type { MyCorrection } from '../api/kiosk-client';
import { CheckIcon } from '../ui/icons';

/** The request has reached the community office; what happens next, in plain words. */
export function CorrectionSentScreen({
  result,
  onDone,
}: {
  result: MyCorrection;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="correction-sent" aria-labelledby="correction-sent-title">
      <CheckIcon className="sent-icon" />
      <h1 id="correction-sent-title">{t('service.sentTitle')}</h1>
      <p className="lead">{t('service.sentText')}</p>
      <p className="sent-status">{t(`service.requestStatus.${result.status}`)}</p>
      <button type="button" className="button button-primary button-huge" onClick={onDone}>
        {t('service.backToService')}
      </button>
    </section>
  );
}
