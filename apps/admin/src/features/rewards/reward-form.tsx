import type { LocalizedText } from '@tally/domain/localized-text';
import { type RewardKind, type RewardTerms, rewardKinds } from '@tally/domain/rewards';
import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/field';
import { hasText, LocalizedFields, trimmedText } from '../../ui/localized-fields';

/** The reward's terms as typed (numbers as text until they are checked). */
export type RewardValues = {
  name: LocalizedText;
  description: LocalizedText;
  kind: RewardKind;
  points: string;
  stock: string;
  perResidentLimit: string;
  active: boolean;
};

export type RewardErrors = Partial<
  Record<'name' | 'points' | 'stock' | 'perResidentLimit', string>
>;

export const emptyReward: RewardValues = {
  name: { zh: '', en: '' },
  description: { zh: '', en: '' },
  kind: 'goods',
  points: '',
  stock: '',
  perResidentLimit: '',
  active: true,
};

export function rewardValues(terms: RewardTerms): RewardValues {
  return {
    name: terms.name,
    description: terms.description,
    kind: terms.kind,
    points: String(terms.points),
    stock: String(terms.stock),
    perResidentLimit: terms.perResidentLimit === null ? '' : String(terms.perResidentLimit),
    active: terms.active,
  };
}

const wholeNumber = (text: string, min: number, max: number) => {
  if (!/^\d+$/.test(text.trim())) return false;
  const value = Number(text);
  return value >= min && value <= max;
};

/** Error keys (under `rewards.errors`) by field. */
export function validateReward(values: RewardValues): RewardErrors {
  const errors: RewardErrors = {};
  if (!hasText(values.name)) errors.name = 'name';
  if (!wholeNumber(values.points, 1, 1_000_000)) errors.points = 'points';
  if (!wholeNumber(values.stock, 0, 1_000_000)) errors.stock = 'stock';
  if (values.perResidentLimit.trim() && !wholeNumber(values.perResidentLimit, 1, 1000))
    errors.perResidentLimit = 'limit';
  return errors;
}

export function toRewardTerms(values: RewardValues): RewardTerms {
  return {
    name: trimmedText(values.name),
    description: trimmedText(values.description),
    kind: values.kind,
    points: Number(values.points),
    stock: Number(values.stock),
    perResidentLimit: values.perResidentLimit.trim() ? Number(values.perResidentLimit) : null,
    active: values.active,
  };
}

export function RewardFields({
  values,
  errors,
  onChange,
}: {
  values: RewardValues;
  errors: RewardErrors;
  onChange: (values: RewardValues) => void;
}) {
  const { t } = useTranslation();
  const set = <K extends keyof RewardValues>(field: K, value: RewardValues[K]) =>
    onChange({ ...values, [field]: value });
  const error = (field: keyof RewardErrors) =>
    errors[field] ? t(`rewards.errors.${errors[field] as 'name'}`) : undefined;
  return (
    <div className="stack">
      <LocalizedFields
        kind="name"
        value={values.name}
        onChange={(name) => set('name', name)}
        maxLength={100}
        error={error('name')}
      />
      <div className="form-grid">
        <Field label={t('rewards.kind')}>
          {(control) => (
            <select
              {...control}
              className="select"
              value={values.kind}
              onChange={(e) => set('kind', e.target.value as RewardKind)}
            >
              {rewardKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`rewards.kinds.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('rewards.price')} error={error('points')}>
          {(control) => (
            <input
              {...control}
              className="input"
              inputMode="numeric"
              value={values.points}
              onChange={(e) => set('points', e.target.value)}
            />
          )}
        </Field>
        <Field label={t('rewards.stock')} error={error('stock')}>
          {(control) => (
            <input
              {...control}
              className="input"
              inputMode="numeric"
              value={values.stock}
              onChange={(e) => set('stock', e.target.value)}
            />
          )}
        </Field>
        <Field
          label={t('rewards.limit')}
          error={error('perResidentLimit')}
          hint={t('rewards.limitHint')}
        >
          {(control) => (
            <input
              {...control}
              className="input"
              inputMode="numeric"
              value={values.perResidentLimit}
              onChange={(e) => set('perResidentLimit', e.target.value)}
            />
          )}
        </Field>
      </div>
      <LocalizedFields
        kind="description"
        value={values.description}
        onChange={(description) => set('description', description)}
        maxLength={1000}
        multiline
      />
      <label className="check-label">
        <input
          type="checkbox"
          className="checkbox"
          checked={values.active}
          onChange={(e) => set('active', e.target.checked)}
        />
        {t('rewards.activeLabel')}
      </label>
    </div>
  );
}
