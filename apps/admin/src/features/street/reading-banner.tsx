import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useLocalizedName } from '../../i18n/localized-name';
import { useOpenCommunity, useStreet } from './use-street';
import './street.css';

/** Whether a page is one of the street's own (the rest read the community it has open). */
export function isStreetPage(location: string): boolean {
  return location === '/' || location === '/street' || location.startsWith('/street/');
}

/**
 * Over every community page the street office reads: which community it is, a switch to
 * another one of the street, and the way back to the street.
 */
export function ReadingBanner() {
  const { t } = useTranslation();
  const inLanguage = useLocalizedName();
  const street = useStreet();
  const opening = useOpenCommunity({});
  const data = street.data;
  if (!data) return null;
  const open = data.communities.find((community) => community.id === data.openCommunityId);
  const name = open ? inLanguage(open.name) : '';

  return (
    <section className="notice reading-banner no-print" aria-label={t('street.readingLabel')}>
      <strong data-testid="reading-community" translate="no">
        {t('street.reading', { name })}
      </strong>
      <label className="reading-switch">
        <span className="visually-hidden">{t('street.switchTo')}</span>
        <select
          className="select"
          value={data.openCommunityId}
          disabled={opening.isPending}
          onChange={(event) => opening.open(event.target.value)}
        >
          {data.communities.map((community) => (
            <option key={community.id} value={community.id}>
              {inLanguage(community.name)}
            </option>
          ))}
        </select>
      </label>
      <Link href="/">← {t('street.backToStreet')}</Link>
      <span className="muted">{t('street.readOnlyNote')}</span>
    </section>
  );
}
