import type { Resident } from '@tally/domain/residents';
import { type KeyboardEvent, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBuildingLabel } from '../../i18n/format';

type Member = Pick<Resident, 'id' | 'name' | 'displayName' | 'cardNumber' | 'building'>;

function matches(member: Member, text: string): boolean {
  const needle = text.trim().toLowerCase();
  if (!needle) return true;
  return [member.name, member.displayName, member.cardNumber, member.building ?? ''].some((value) =>
    value.toLowerCase().includes(needle),
  );
}

/**
 * Picks many members for one sign-in sheet, fast from the keyboard: type part of a name or a
 * card number and press Enter to tick the first match (the search clears for the next name),
 * ↓ moves into the list, ↑/↓ move through it, Space ticks. Everything shown can be ticked at once.
 */
export function MemberPicker({
  members,
  selected,
  onChange,
  error,
}: {
  members: readonly Member[];
  selected: readonly string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const buildingLabel = useBuildingLabel();
  const id = useId();
  const [text, setText] = useState('');
  const listRef = useRef<HTMLUListElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const shown = useMemo(() => members.filter((member) => matches(member, text)), [members, text]);
  const chosen = new Set(selected);
  const byId = new Map(members.map((member) => [member.id, member]));

  const toggle = (memberId: string, on = !chosen.has(memberId)) => {
    if (on) onChange(chosen.has(memberId) ? [...selected] : [...selected, memberId]);
    else onChange(selected.filter((candidate) => candidate !== memberId));
  };
  const checkboxes = () =>
    Array.from(listRef.current?.querySelectorAll<HTMLInputElement>('input[type=checkbox]') ?? []);

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      const exact = shown.find(
        (member) => member.cardNumber.toLowerCase() === text.trim().toLowerCase(),
      );
      const first = exact ?? shown[0];
      if (first && text.trim()) {
        toggle(first.id, true);
        setText('');
      }
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      checkboxes()[0]?.focus();
    } else if (event.key === 'Escape' && text) {
      event.preventDefault();
      setText('');
    }
  };
  const onListKey = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const boxes = checkboxes();
    const at = boxes.indexOf(document.activeElement as HTMLInputElement);
    const next = at + (event.key === 'ArrowDown' ? 1 : -1);
    if (next < 0) searchRef.current?.focus();
    else boxes[Math.min(next, boxes.length - 1)]?.focus();
  };
  const allShownChosen = shown.length > 0 && shown.every((member) => chosen.has(member.id));

  return (
    <fieldset className="member-picker plain-fieldset" aria-describedby={`${id}-help`}>
      <legend className="field-label">{t('logHours.members')}</legend>
      <p id={`${id}-help`} className="field-hint">
        {t('logHours.membersHelp')}
      </p>
      <div className="row member-picker-tools">
        <label htmlFor={`${id}-search`} className="visually-hidden">
          {t('logHours.searchMembers')}
        </label>
        <input
          ref={searchRef}
          id={`${id}-search`}
          className="input"
          type="search"
          placeholder={t('logHours.searchMembers')}
          autoComplete="off"
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onSearchKey}
        />
        <button
          type="button"
          className="button button-small"
          disabled={shown.length === 0 || allShownChosen}
          onClick={() =>
            onChange([...selected, ...shown.map((m) => m.id).filter((m) => !chosen.has(m))])
          }
        >
          {text.trim()
            ? t('logHours.selectShown', { count: shown.length })
            : t('logHours.selectAll')}
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={selected.length === 0}
          onClick={() => onChange([])}
        >
          {t('logHours.clearSelection')}
        </button>
        <span className="member-count" aria-live="polite">
          {t('logHours.selectedCount', { count: selected.length, total: members.length })}
        </span>
      </div>
      {selected.length > 0 ? (
        <ul className="chips" aria-label={t('logHours.selectedMembers')}>
          {selected.map((memberId) => {
            const member = byId.get(memberId);
            const name = member?.name ?? memberId;
            return (
              <li key={memberId} className="chip">
                {name}
                <button
                  type="button"
                  aria-label={t('logHours.unselect', { name })}
                  onClick={() => toggle(memberId, false)}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      {shown.length === 0 ? (
        <p className="muted">
          {members.length === 0 ? t('logHours.noMembers') : t('logHours.noMatch')}
        </p>
      ) : (
        <ul ref={listRef} className="member-list" onKeyDown={onListKey}>
          {shown.map((member) => (
            <li key={member.id}>
              <label className="check-label">
                <input
                  type="checkbox"
                  className="checkbox"
                  checked={chosen.has(member.id)}
                  onChange={(event) => toggle(member.id, event.target.checked)}
                />
                <span>
                  <strong>{member.name}</strong>{' '}
                  <span className="muted">
                    {member.cardNumber}
                    {member.building ? ` · ${buildingLabel(member.building)}` : ''}
                  </span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {error ? <p className="field-error">{error}</p> : null}
    </fieldset>
  );
}
