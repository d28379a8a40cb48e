import { phoneAppLink } from '@tally/client/phone-app-links';
import { QrCode } from '@tally/client/qr-code';
import { useTranslation } from 'react-i18next';

/**
 * The way to the residents' own app, in the idle screen's top bar: a QR code a passer-by scans
 * with their phone. Small and out of the way: the kiosk is for now, the phone for later.
 */
export function PhoneAppQr({ origin = window.location.origin }: { origin?: string }) {
  const { t } = useTranslation();
  return (
    <figure className="phone-app-qr">
      <figcaption>{t('idle.phoneApp')}</figcaption>
      <QrCode text={phoneAppLink(origin)} label={t('idle.phoneAppQr')} />
    </figure>
  );
}
