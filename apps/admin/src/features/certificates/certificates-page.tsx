import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useApi } from '../../api/api-context';
import { usePagedQuery } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { mayManage } from '../../session/permissions';
import { useUser } from '../../session/session-context';
import { PageHeader } from '../../ui/page-header';
import { Empty, ErrorNotice, Loading, LoadMore } from '../../ui/states';
import { CertificateLinks } from './certificate-links';
import { IssueCertificateDialog } from './issue-certificate-dialog';
import './certificates.css';

/** Every certificate the office has issued, with its printable and verification pages. */
export function CertificatesPage() {
  const { t } = useTranslation();
  const api = useApi();
  const user = useUser();
  const format = useFormat();
  const [issuing, setIssuing] = useState(false);
  const list = usePagedQuery('certificates.list', {}, api.certificates.list.query);
  const office = mayManage(user.role);
  // Calendar days are the community's; read at local midnight they show as the day they name.
  const day = (value: string) => format.date(new Date(`${value}T00:00`));

  return (
    <>
      <PageHeader
        title={t('certificates.title')}
        description={t('certificates.description')}
        actions={
          office ? (
            <button
              type="button"
              className="button button-primary"
              onClick={() => setIssuing(true)}
            >
              {t('certificates.issue')}
            </button>
          ) : null
        }
      />
      <ErrorNotice error={list.error} />
      {list.isPending ? (
        <Loading />
      ) : list.items.length === 0 ? (
        list.error ? null : (
          <Empty>{t('certificates.none')}</Empty>
        )
      ) : (
        <div className="table-wrap">
          <table className="table certificates-table">
            <caption className="visually-hidden">{t('certificates.listCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('certificates.certificate')}</th>
                <th scope="col">{t('certificates.resident')}</th>
                <th scope="col">{t('certificates.period')}</th>
                <th scope="col" className="number">
                  {t('certificates.hours')}
                </th>
                <th scope="col">{t('certificates.issued')}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((certificate) => {
                const { content } = certificate;
                return (
                  <tr key={certificate.id}>
                    <td>
                      <div className="mono nowrap certificate-number">{certificate.number}</div>
                      <CertificateLinks certificate={certificate} compact />
                    </td>
                    <td>
                      <Link href={`/residents/${certificate.residentId}`}>
                        {content.resident.name}
                      </Link>
                      <div className="muted mono nowrap">{content.resident.cardNumber}</div>
                    </td>
                    <td>
                      <span className="nowrap">{day(content.period.from)} –</span>{' '}
                      <span className="nowrap">{day(content.period.to)}</span>
                    </td>
                    <td className="number">{format.hours(content.totalMinutes)}</td>
                    <td>
                      <span className="nowrap">{day(content.issuedOn)}</span>
                      <div className="muted">
                        {t('certificates.issuedBy', { name: certificate.issuedBy.displayName })}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <LoadMore
            hasMore={list.hasNextPage}
            loading={list.isFetchingNextPage}
            onLoad={() => list.fetchNextPage()}
          />
        </div>
      )}
      {office ? <IssueCertificateDialog open={issuing} onClose={() => setIssuing(false)} /> : null}
    </>
  );
}
