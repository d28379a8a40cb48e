import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/queries';
import { PageHeader } from '../../ui/page-header';
import { QrCode } from '../../ui/qr-code';
import { ErrorNotice, Loading } from '../../ui/states';

/** A printable member card: name, card number and the number as a QR code for the kiosk's scanner. */
export function MemberCardPage() {
  const { id = '' } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const api = useApi();
  const resident = useApiQuery('residents.get', { id }, api.residents.get.query);
  const data = resident.data;
  if (resident.isPending) return <Loading />;
  if (!data) return <ErrorNotice error={resident.error} />;
  return (
    <>
      <div className="no-print">
        <PageHeader
          breadcrumb={<Link href={`/residents/${id}`}>← {data.name}</Link>}
          title={t('residents.memberCardOf', { name: data.name })}
          description={t('residents.printHint')}
          actions={
            <button type="button" className="button button-primary" onClick={() => window.print()}>
              {t('residents.print')}
            </button>
          }
        />
      </div>
      <article className="member-card" aria-label={t('residents.memberCard')}>
        <div className="member-card-text">
          <div className="member-card-brand">
            <span className="brand-mark" aria-hidden="true">
              T
            </span>
            <span>{t('residents.cardTitle')}</span>
          </div>
          <div className="member-card-name">{data.displayName}</div>
          <div className="member-card-number mono">{data.cardNumber}</div>
          <div className="member-card-note">{t('residents.cardNote')}</div>
        </div>
        <QrCode text={data.cardNumber} label={t('residents.qrLabel', { card: data.cardNumber })} />
      </article>
    </>
  );
}
