import type { Certificate } from '@tally/domain/certificates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useApi } from '../../api/api-context';
import { usePagedQuery } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { mayManage } from '../../session/permissions';
import { useUser } from '../../session/session-context';
import { type DataColumn, DataTable } from '../../ui/data-table';
import { PageHeader } from '../../ui/page-header';
import { Empty, ErrorNotice, Loading } from '../../ui/states';
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
  const columns: DataColumn<Certificate>[] = [
    {
      id: 'number',
      header: t('certificates.certificate'),
      sortValue: (certificate) => certificate.number,
      cell: (certificate) => (
        <>
          <div className="mono nowrap certificate-number">{certificate.number}</div>
          <CertificateLinks certificate={certificate} compact />
        </>
      ),
    },
    {
      id: 'resident',
      header: t('certificates.resident'),
      sortValue: (certificate) => certificate.content.resident.name,
      searchText: ({ content }) => [content.resident.name, content.resident.cardNumber],
      cell: (certificate) => (
        <>
          <Link href={`/residents/${certificate.residentId}`}>
            {certificate.content.resident.name}
          </Link>
          <div className="muted mono nowrap">{certificate.content.resident.cardNumber}</div>
        </>
      ),
    },
    {
      id: 'period',
      header: t('certificates.period'),
      // Calendar days as "YYYY-MM-DD" sort as text in time order.
      sortValue: ({ content }) => content.period.from,
      searchText: ({ content }) => [day(content.period.from), day(content.period.to)],
      cell: ({ content }) => (
        <>
          <span className="nowrap">{day(content.period.from)} –</span>{' '}
          <span className="nowrap">{day(content.period.to)}</span>
        </>
      ),
    },
    {
      id: 'hours',
      header: t('certificates.hours'),
      className: 'number',
      sortValue: ({ content }) => content.totalMinutes,
      cell: ({ content }) => format.hours(content.totalMinutes),
    },
    {
      id: 'issued',
      header: t('certificates.issued'),
      sortValue: ({ content }) => content.issuedOn,
      searchText: (certificate) => [
        day(certificate.content.issuedOn),
        certificate.issuedBy.displayName,
      ],
      cell: (certificate) => (
        <>
          <span className="nowrap">{day(certificate.content.issuedOn)}</span>
          <div className="muted">
            {t('certificates.issuedBy', { name: certificate.issuedBy.displayName })}
          </div>
        </>
      ),
    },
  ];

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
        <DataTable
          rows={list.items}
          columns={columns}
          rowKey={(certificate) => certificate.id}
          className="certificates-table"
          caption={t('certificates.listCaption')}
          search
          more={{
            hasMore: list.hasNextPage,
            loading: list.isFetchingNextPage,
            onLoad: () => void list.fetchNextPage(),
          }}
        />
      )}
      {office ? <IssueCertificateDialog open={issuing} onClose={() => setIssuing(false)} /> : null}
    </>
  );
}
