import {
  type ClaimStatus,
  type HelpKind,
  type HelpRequestStatus,
  helpKindLabels,
} from '@tally/domain/timebank';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useFormat } from '../../i18n/format';
import { currentLanguage } from '../../i18n/i18n';
import { Badge, type Tone } from '../../ui/badge';
// The tabs look like the deliberation's stage tabs: one style for both.
import '../topics/topics.css';
import './timebank.css';

const requestTones: Record<HelpRequestStatus, Tone> = {
  open: 'info',
  claimed: 'warning',
  done: 'success',
  cancelled: 'neutral',
};

const claimTones: Record<ClaimStatus, Tone> = {
  claimed: 'info',
  proposed: 'warning',
  confirmed: 'success',
  disputed: 'danger',
  withdrawn: 'neutral',
  no_show: 'neutral',
  dismissed: 'neutral',
  reversed: 'neutral',
};

export function RequestStatusBadge({ status }: { status: HelpRequestStatus }) {
  const { t } = useTranslation();
  return <Badge tone={requestTones[status]}>{t(`timebank.status.${status}`)}</Badge>;
}

export function ClaimStatusBadge({ status }: { status: ClaimStatus }) {
  const { t } = useTranslation();
  return <Badge tone={claimTones[status]}>{t(`timebank.claimStatus.${status}`)}</Badge>;
}

/** A kind of help in the reader's language, as the domain names it for every app. */
export function useHelpKindLabel(): (kind: HelpKind) => string {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return (kind) => helpKindLabels[kind][language];
}

/** Minutes of time credit: "30 min" / "30 分钟". */
export function useMinutesLabel(): (minutes: number) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return (minutes) => t('timebank.minutes', { formatted: format.number(minutes) });
}

/** The time bank's three pages, as tabs above each. */
export function TimeBankTabs({ current }: { current: 'requests' | 'pool' | 'offers' }) {
  const { t } = useTranslation();
  const tabs = [
    { id: 'requests', href: '/timebank' },
    { id: 'pool', href: '/timebank/pool' },
    { id: 'offers', href: '/timebank/offers' },
  ] as const;
  return (
    <nav className="topic-tabs" aria-label={t('timebank.sectionsLabel')}>
      {tabs.map((tab) => (
        <Link
          key={tab.id}
          href={tab.href}
          className={tab.id === current ? 'topic-tab topic-tab-on' : 'topic-tab'}
          aria-current={tab.id === current ? 'page' : undefined}
        >
          {t(`timebank.sections.${tab.id}`)}
        </Link>
      ))}
    </nav>
  );
}
