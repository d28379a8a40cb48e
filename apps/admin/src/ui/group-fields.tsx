import { type AgeBand, ageBandLabels, ageBands } from '@tally/domain/age-bands';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/i18n';
import { Field } from './field';

export type GroupValues = { ageBands: AgeBand[]; buildings: string };

/**
 * A group of residents by age band (ticked, in the bands' order) and building (typed, comma
 * separated): who an activity invites, who may vote in a poll.
 */
export function GroupFields({
  value,
  onChange,
  labels,
}: {
  value: GroupValues;
  onChange: (next: Partial<GroupValues>) => void;
  labels: { ageBands: string; buildings: string; buildingsHint: string };
}) {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const toggleBand = (band: AgeBand, on: boolean) =>
    onChange({
      ageBands: on
        ? ageBands.filter((b) => b === band || value.ageBands.includes(b))
        : value.ageBands.filter((b) => b !== band),
    });
  return (
    <>
      <fieldset className="plain-fieldset">
        <legend className="field-label">{labels.ageBands}</legend>
        <div className="row">
          {ageBands.map((band) => (
            <label key={band} className="check-label">
              <input
                type="checkbox"
                className="checkbox"
                checked={value.ageBands.includes(band)}
                onChange={(event) => toggleBand(band, event.target.checked)}
              />
              {ageBandLabels[band][language]}
            </label>
          ))}
        </div>
      </fieldset>
      <Field label={labels.buildings} hint={labels.buildingsHint}>
        {(control) => (
          <input
            {...control}
            className="input"
            maxLength={2000}
            value={value.buildings}
            onChange={(event) => onChange({ buildings: event.target.value })}
          />
        )}
      </Field>
    </>
  );
}
