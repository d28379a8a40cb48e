import type { Resident } from '@tally/domain/residents';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/queries';
import { useBuildingLabel } from '../../i18n/format';
import { Field } from '../../ui/field';
import { ErrorNotice } from '../../ui/states';
import { useDebounced } from '../../ui/use-debounced';

/**
 * Finds residents by part of a name or card number and hands the chosen one back; with
 * `organizationId`, only that organization's members.
 */
export function ResidentSearch({
  label,
  actionLabel,
  onPick,
  disabledIds = [],
  pickedLabel,
  organizationId,
}: {
  label: string;
  actionLabel: string;
  onPick: (resident: Resident) => void;
  disabledIds?: string[];
  /** What a resident among `disabledIds` shows instead of the action; "Already added" unless given. */
  pickedLabel?: string;
  organizationId?: string;
}) {
  const { t } = useTranslation();
  const buildingLabel = useBuildingLabel();
  const api = useApi();
  const [text, setText] = useState('');
  const query = useDebounced(text.trim());
  const results = useApiQuery(
    'residents.list',
    { query, limit: 8, ...(organizationId ? { organizationId } : {}) },
    api.residents.list.query,
    { enabled: query.length > 0 },
  );
  return (
    <div className="stack-small">
      <Field label={label} hint={t('residents.searchHint')}>
        {(control) => (
          <input
            {...control}
            className="input"
            type="search"
            autoComplete="off"
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        )}
      </Field>
      <ErrorNotice error={results.error} />
      {query && results.data ? (
        results.data.items.length === 0 ? (
          <p className="muted">{t('residents.noMatch')}</p>
        ) : (
          <ul className="pick-list" aria-label={t('residents.searchResults')}>
            {results.data.items.map((resident) => (
              <li key={resident.id}>
                <span>
                  <strong>{resident.name}</strong>{' '}
                  <span className="muted">
                    {resident.cardNumber}
                    {resident.building ? ` · ${buildingLabel(resident.building)}` : ''}
                  </span>
                </span>
                <button
                  type="button"
                  className="button button-small"
                  disabled={disabledIds.includes(resident.id)}
                  onClick={() => onPick(resident)}
                >
                  {disabledIds.includes(resident.id)
                    ? (pickedLabel ?? t('residents.alreadyPicked'))
                    : actionLabel}
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  );
}
