import type { Certificate } from '@tally/domain/certificates';
import { useTranslation } from 'react-i18next';

/** Where the service serves a certificate: its printable page (staff) and its public check. */
export function certificateAddresses(certificate: Pick<Certificate, 'number' | 'verifyPath'>) {
  return {
    printable: `/certificates/${encodeURIComponent(certificate.number)}.html`,
    verify: certificate.verifyPath,
  };
}

/**
 * The two pages of a certificate, each in a new tab so the list stays where it was. The
 * printable page is printed, or saved as PDF, from the browser's own print dialog.
 */
export function CertificateLinks({
  certificate,
  compact = false,
}: {
  certificate: Pick<Certificate, 'number' | 'verifyPath'>;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const { printable, verify } = certificateAddresses(certificate);
  const number = certificate.number;
  const size = compact ? 'button button-small' : 'button';
  return (
    <div className="row certificate-links">
      <a
        className={`${size} button-primary`}
        href={printable}
        target="_blank"
        rel="noopener"
        aria-label={t('certificates.openPrintableOf', { number })}
      >
        {t('certificates.openPrintable')}
      </a>
      <a
        className={size}
        href={verify}
        target="_blank"
        rel="noopener"
        aria-label={t('certificates.verifyPageOf', { number })}
      >
        {t('certificates.verifyPage')}
      </a>
    </div>
  );
}
