import { QrCode } from '@tally/client/qr-code';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/queries';
import { useLocalizedName } from '../../i18n/localized-name';
import { PageHeader } from '../../ui/page-header';
import { ErrorNotice, Loading } from '../../ui/states';
import { useCommunity } from '../community/use-community';
import './member-card.css';

/**
 * A printable member card, printed on a page of its own size: the community's name in the
 * reader's language, the resident's name, card number and the number as a QR code for the
 * kiosk's scanner.
 */
export function MemberCardPage() {
  const { id = '' } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const api = useApi();
  const inLanguage = useLocalizedName();
  const resident = useApiQuery('residents.get', { id }, api.residents.get.query);
  const community = useCommunity();
  const data = resident.data;
  if (resident.isPending || community.isPending) return <Loading />;
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
        <ErrorNotice error={community.error} />
      </div>
      <article className="member-card" aria-label={t('residents.memberCard')}>
        <div className="member-card-text">
          <div className="member-card-brand">
            <span className="brand-mark" aria-hidden="true">
              T
            </span>
            <span data-testid="member-card-title">
              {community.data ? (
                <>
                  {/* As the office wrote it; in the other language when only that was given. */}
                  <span translate="no">{inLanguage(community.data.name)}</span> ·{' '}
                </>
              ) : null}
              {t('residents.timeBank')}
            </span>
          </div>
          <div className="member-card-name">{data.displayName}</div>
          <div className="member-card-number mono">{data.cardNumber}</div>
          <div className="member-card-note">{t('residents.cardNote')}</div>
        </div>
        <QrCode
          text={data.cardNumber}
          label={t('residents.qrLabel', { card: data.cardNumber })}
          size={160}
        />
      </article>
    </>
  );
}
