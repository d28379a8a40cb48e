import { formatShortDate } from '@tally/client/format';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../api/use-load';
import { formatDayWithYear } from '../i18n/format';
import { hoursText } from '../i18n/hours';
import type { ScreenProps } from '../routed-screen';
import { pathOf } from '../router/routes';
import { ScreenTitle } from '../ui/screen-title';
import { Failure, Loading } from '../ui/status';
import { useLanguage } from '../ui/use-language';

/**
 * The service certificates the office issued; each opens as the office prints it, in a page of
 * its own (a blob address), to print or save from the phone.
 */
export function CertificatesScreen({ api }: ScreenProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const list = useLoad('certificates', () => api.certificates.query());
  const [opening, setOpening] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const open = async (number: string) => {
    // Opened before the answer comes, or the phone's pop-up blocker would stop it.
    const page = window.open('', '_blank');
    setOpening(number);
    setError(null);
    try {
      const { html } = await api.certificate.query({ number });
      const address = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
      if (page) page.location.href = address;
      else window.location.href = address;
    } catch (failure) {
      page?.close();
      setError(failure);
    } finally {
      setOpening(null);
    }
  };

  return (
    <section className="stack">
      <ScreenTitle title={t('certificates.title')} back={pathOf({ name: 'records' })} />
      {!list.data && list.loading && <Loading />}
      {list.error != null && !list.data && <Failure error={list.error} onRetry={list.reload} />}
      {list.data?.length === 0 && <p className="muted">{t('certificates.empty')}</p>}
      {error != null && <Failure error={error} />}
      <ul className="list">
        {list.data?.map((certificate) => (
          <li key={certificate.number} className="card">
            <h2>{t('certificates.number', { number: certificate.number })}</h2>
            <p>
              {t('certificates.period', {
                from: formatDayWithYear(certificate.period.from, language),
                to: formatDayWithYear(certificate.period.to, language),
              })}
            </p>
            <p>
              {t('certificates.total', { hours: hoursText(t, certificate.totalMinutes, language) })}
            </p>
            <p className="muted">
              {t('certificates.issued', { date: formatShortDate(certificate.issuedAt, language) })}
            </p>
            <button
              type="button"
              className="button button-secondary"
              disabled={opening !== null}
              onClick={() => open(certificate.number)}
            >
              {opening === certificate.number ? t('certificates.opening') : t('certificates.open')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
