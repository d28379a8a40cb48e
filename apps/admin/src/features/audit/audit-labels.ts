import type { AuditEntry } from '@tally/domain/audit';
import { categoryInfo, type ServiceCategory } from '@tally/domain/categories';
import { inLanguage, LocalizedText } from '@tally/domain/localized-text';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { type Formatter, useFormat } from '../../i18n/format';
import { useLocalizedName } from '../../i18n/localized-name';
import { shortId } from '../ledger/ledger-labels';

/*
 * The one place the admin words the audit log: actions, targets and details. The service
 * writes keys (`kiosk.identify`, `staff_user`, `residentId`); a reader sees phrases. A key
 * this app has no words for yet (written by a newer service) is shown as it is.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
/** Details whose text values are codes with words of their own (`audit.values.<key>`). */
const CODED = new Set(['by', 'decision', 'kind', 'language', 'outcome', 'status']);
/** Details that list the names of other details (what changed). */
const FIELD_LISTS = new Set(['changed']);
/** How many items of a list are spelled out; the rest are counted. */
const SHOWN_ITEMS = 3;

export type AuditDetailLine = { key: string; label: string; value: string };

export function actionLabel(t: TFunction, action: string): string {
  return t(`audit.actions.${action}`, { defaultValue: action });
}

export function targetTypeLabel(t: TFunction, type: string): string {
  return t(`audit.targets.${type}`, { defaultValue: type });
}

/** What an entry is about, in words: its kind and, where the service could name it, which. */
export function targetLabel(
  t: TFunction,
  entry: Pick<AuditEntry, 'targetType' | 'targetId'> & { targetName: string | null },
): { kind: string; which: string | null } | null {
  if (!entry.targetType) return null;
  const kind = targetTypeLabel(t, entry.targetType);
  if (entry.targetName) return { kind, which: entry.targetName };
  if (!entry.targetId) return { kind, which: null };
  if (entry.targetType === 'earning_rule') {
    return { kind, which: t('audit.ruleVersion', { version: entry.targetId }) };
  }
  if (entry.targetType === 'ledger_checkpoint') {
    return { kind, which: t('audit.checkpointAt', { sequence: entry.targetId }) };
  }
  // A community's own target needs no id: there is one.
  if (entry.targetType === 'community') return { kind, which: null };
  return { kind, which: shortId(entry.targetId) };
}

/**
 * Who did it: the staff member, kiosk or resident the service named (else a short id), and,
 * when a proxy acted for a resident on the phone, for whom ("王小明 · 代 王秀英").
 */
export function actorLabel(
  t: TFunction,
  entry: Pick<AuditEntry, 'actorId' | 'actorName' | 'details'> & { names: Record<string, string> },
): string {
  const { actorId, actorName, details, names } = entry;
  const actor = actorName ?? (actorId ? (names[actorId] ?? shortId(actorId)) : '—');
  const actedFor = details.actedFor;
  if (typeof actedFor !== 'string' || actedFor === actorId) return actor;
  return t('audit.actingFor', { actor, resident: names[actedFor] ?? shortId(actedFor) });
}

/** An entry's details as "label: value" lines, ids replaced by the names the service sent. */
export function detailLines(
  t: TFunction,
  format: Formatter,
  entry: Pick<AuditEntry, 'details'> & { names: Record<string, string> },
): AuditDetailLine[] {
  const words = { t, format, names: entry.names };
  // A proxy link's id says nothing a reader can use when the proxy's name is there too.
  const shown = Object.entries(entry.details).filter(
    ([key]) => !(key === 'proxyId' && 'proxyName' in entry.details),
  );
  return shown.map(([key, value]) => ({
    key,
    label: detailLabel(t, key),
    value: detailValue(words, key, value),
  }));
}

function detailLabel(t: TFunction, key: string): string {
  return t(`audit.details.${key}`, { defaultValue: key });
}

type Words = { t: TFunction; format: Formatter; names: Record<string, string> };

function detailValue(words: Words, key: string, value: unknown): string {
  const { t, format, names } = words;
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'number') return format.number(value);
  if (typeof value === 'string') {
    if (UUID.test(value)) return names[value] ?? shortId(value);
    if (INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return format.dateTime(value);
    if (FIELD_LISTS.has(key)) return detailLabel(t, value);
    if (CODED.has(key)) return t(`audit.values.${key}.${value}`, { defaultValue: value });
    if (key === 'role') return t(`roles.${value}`, { defaultValue: value });
    if (key === 'category' && value in categoryInfo)
      return categoryInfo[value as ServiceCategory].label[languageOf(format)];
    return shorten(value);
  }
  const separator = t('audit.separator');
  if (Array.isArray(value)) {
    const items = value.map((item) => detailValue(words, key, item));
    if (items.length <= SHOWN_ITEMS) return items.join(separator);
    return t('audit.more', {
      shown: items.slice(0, SHOWN_ITEMS).join(separator),
      more: items.length - SHOWN_ITEMS,
      total: items.length,
    });
  }
  if (typeof value === 'object') {
    const fields = Object.entries(value as Record<string, unknown>);
    // A name the office gave in each language: the reader's one.
    const named = LocalizedText.safeParse(value);
    if (named.success && fields.length === 2)
      return shorten(inLanguage(named.data, languageOf(format)));
    // Rule terms and the like are too long for a line: the rules page shows them whole.
    if (fields.some(([, field]) => field !== null && typeof field === 'object')) {
      return t('audit.items', { count: fields.length });
    }
    return fields
      .map(([field, inner]) => `${detailLabel(t, field)} ${detailValue(words, field, inner)}`)
      .join(separator);
  }
  return shorten(String(value));
}

function languageOf(format: Formatter): 'zh' | 'en' {
  return format.locale.startsWith('zh') ? 'zh' : 'en';
}

function shorten(text: string, length = 80): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}

/** The audit words bound to the reader's language. */
export function useAuditWords() {
  const { t } = useTranslation();
  const format = useFormat();
  const localized = useLocalizedName();
  const localizedNames = (names: AuditEntry['names']) =>
    Object.fromEntries(Object.entries(names).map(([id, name]) => [id, localized(name)]));
  return {
    actor: (entry: Pick<AuditEntry, 'actorId' | 'actorName' | 'details' | 'names'>) =>
      actorLabel(t, { ...entry, names: localizedNames(entry.names) }),
    action: (action: string) => actionLabel(t, action),
    target: (entry: Pick<AuditEntry, 'targetType' | 'targetId' | 'targetName'>) =>
      targetLabel(t, {
        ...entry,
        targetName: entry.targetName ? localized(entry.targetName) : null,
      }),
    details: (entry: Pick<AuditEntry, 'details' | 'names'>) =>
      detailLines(t, format, { details: entry.details, names: localizedNames(entry.names) }),
  };
}
