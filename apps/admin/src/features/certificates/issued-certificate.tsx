import { QrCode } from '@tally/client/qr-code';
import type { Certificate } from '@tally/domain/certificates';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { CertificateLinks } from './certificate-links';

/** A certificate just issued: its number, what it says in one sentence, and where it lives. */
export function IssuedCertificate({ certificate }: { certificate: Certificate }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { content, number, verifyUrl } = certificate;
  const words = {
    number,
    name: content.resident.name,
    hours: format.hours(content.totalMinutes),
    from: format.date(new Date(`${content.period.from}T00:00`)),
    to: format.date(new Date(`${content.period.to}T00:00`)),
  };
  return (
    <div className="issued-certificate">
      <div className="stack">
        <p className="issued-number mono" data-testid="certificate-number">
          {number}
        </p>
        <p>
          {content.totalMinutes > 0
            ? t('certificates.issuedSummary', words)
            : t('certificates.issuedNoHours', words)}
        </p>
        <p className="muted">{t('certificates.issuedNext')}</p>
        <CertificateLinks certificate={certificate} />
        <p className="issued-address">
          <span className="muted">{t('certificates.verifyAddress')}</span>{' '}
          <span className="mono">{verifyUrl}</span>
        </p>
      </div>
      <QrCode text={verifyUrl} label={t('certificates.verifyQr', { number })} size={128} />
    </div>
  );
}
