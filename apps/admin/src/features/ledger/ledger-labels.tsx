import { entryText } from '@tally/domain/entry-descriptions';
import type { JournalEntry, TransactionKind } from '@tally/domain/ledger';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { currentLanguage } from '../../i18n/i18n';
import { useLocalizedName } from '../../i18n/localized-name';
import { useUser } from '../../session/session-context';
import { Badge, type Tone } from '../../ui/badge';

const kindTones: Record<TransactionKind, Tone> = {
  service_credit: 'success',
  redemption: 'info',
  donation: 'info',
  reversal: 'danger',
  adjustment: 'warning',
  transfer: 'neutral',
};

/**
 * What an entry is, in one line of the reader's language (the same words as the journal
 * export), built from the entry's description rather than its stored English memo.
 */
export function EntryText({ entry }: { entry: Pick<JournalEntry, 'description'> }) {
  const { i18n } = useTranslation();
  return <>{entryText(entry.description, currentLanguage(i18n))}</>;
}

export function KindBadge({ kind }: { kind: TransactionKind }) {
  const { t } = useTranslation();
  return <Badge tone={kindTones[kind]}>{t(`ledger.kinds.${kind}`)}</Badge>;
}

/**
 * Names of staff and kiosks by id, for what carries only ids (a kiosk named in an origin, the
 * audit log's filter). Only the office may list staff and kiosks; others see the id.
 */
export function useStaffNames(): Map<string, string> {
  const api = useApi();
  const user = useUser();
  const office = user.role === 'office';
  const staff = useApiQuery('staff.list', undefined, () => api.staff.list.query(), {
    enabled: office,
    staleTime: 60_000,
  });
  const kiosks = useApiQuery('kiosks.list', undefined, () => api.kiosks.list.query(), {
    enabled: office,
    staleTime: 60_000,
  });
  return new Map([
    ...(staff.data ?? []).map((member) => [member.id, member.displayName] as const),
    ...(kiosks.data ?? []).map((kiosk) => [kiosk.id, kiosk.name] as const),
  ]);
}

/** Who did it, as the service names them (staff member, kiosk or resident), else their id. */
export function ActorLabel({ entry, showId = false }: { entry: JournalEntry; showId?: boolean }) {
  const { t } = useTranslation();
  const { actor, actorName } = entry;
  return (
    <span>
      <span className="muted">{t(`ledger.actorTypes.${actor.type}`)}</span>{' '}
      {actorName ?? <span className="mono">{shortId(actor.id)}</span>}
      {showId && actorName ? <span className="muted mono"> · {actor.id}</span> : null}
    </span>
  );
}

/** Where it came from: "kiosk:<id>" reads as the kiosk's name when it is known. */
export function originLabel(origin: string, names: Map<string, string>): string {
  const [type, id] = origin.split(':');
  return type === 'kiosk' && id ? (names.get(id) ?? origin) : origin;
}

export function shortId(id: string): string {
  return id.length > 12 ? `${id.slice(0, 8)}…` : id;
}

/** What a transaction did to residents, in one line per resident: "+120 min, +20 pts". */
export function MovementSummary({ entry }: { entry: JournalEntry }) {
  const inLanguage = useLocalizedName();
  const { t } = useTranslation();
  const format = useFormat();
  const lines = new Map<string, { name: string; parts: string[] }>();
  for (const posting of entry.postings) {
    const key = `${posting.ownerType}:${posting.ownerId ?? ''}`;
    if (posting.ownerType === 'community_source') continue;
    const name = posting.ownerName
      ? inLanguage(posting.ownerName)
      : t(`ledger.ownerTypes.${posting.ownerType}`);
    const line = lines.get(key) ?? { name, parts: [] };
    const sign = posting.amount > 0 ? '+' : '−';
    const amount = format.number(Math.abs(posting.amount));
    line.parts.push(
      posting.unit === 'points'
        ? t('ledger.pointsAmount', { sign, amount })
        : t('ledger.minutesAmount', { sign, amount }),
    );
    lines.set(key, line);
  }
  return (
    <ul className="plain-list">
      {[...lines.entries()].map(([key, line]) => (
        <li key={key}>
          {line.name}: <span className="nowrap">{line.parts.join(', ')}</span>
        </li>
      ))}
    </ul>
  );
}
