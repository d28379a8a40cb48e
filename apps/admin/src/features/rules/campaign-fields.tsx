import { ageBandLabels, ageBands } from '@tally/domain/age-bands';
import type { EarningCampaign } from '@tally/domain/earning-rules';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../ui/date-input';
import { todayLocal } from '../../ui/dates';
import { Field } from '../../ui/field';
import { useCampaignLabels } from './campaign-labels';
import { type CampaignValues, newCampaign, type RuleErrors } from './rule-form';

/**
 * The draft's campaign: the group it is for, its days and its bonus; or none. `prefilled` says
 * the office came from the report's "who is missing" to start it, so it is shown and explained.
 */
export function CampaignFields({
  value,
  onChange,
  errors,
  inForce,
  prefilled,
}: {
  value: CampaignValues | null;
  onChange: (value: CampaignValues | null) => void;
  errors: RuleErrors;
  /** The campaign of the rule in force, if it runs one. */
  inForce: EarningCampaign | undefined;
  prefilled: boolean;
}) {
  const { t, i18n } = useTranslation();
  const labels = useCampaignLabels();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const section = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    if (prefilled) section.current?.scrollIntoView({ block: 'center' });
  }, [prefilled]);
  const set = (change: Partial<CampaignValues>) => value && onChange({ ...value, ...change });
  const sameAsInForce =
    value !== null &&
    inForce !== undefined &&
    (value.ageBand || undefined) === inForce.ageBand &&
    (value.building.trim() || undefined) === inForce.building &&
    value.from === inForce.from;

  return (
    <fieldset className="plain-fieldset stack-small" ref={section}>
      <legend>{t('rules.campaign.title')}</legend>
      <p className="field-hint">{t('rules.campaign.hint')}</p>
      {value === null ? (
        <div className="row">
          <span className="muted">{t('rules.campaign.none')}</span>
          <button
            type="button"
            className="button"
            onClick={() => onChange(newCampaign(todayLocal()))}
          >
            {t('rules.campaign.add')}
          </button>
        </div>
      ) : (
        <>
          {prefilled ? (
            <p className="notice" role="status">
              {t('rules.campaign.prefilled', {
                who: labels.who({
                  ageBand: value.ageBand || undefined,
                  building: value.building || undefined,
                }),
              })}
            </p>
          ) : null}
          {inForce && !sameAsInForce ? (
            <p className="notice">
              {t('rules.campaign.replaces', { summary: labels.summary(inForce) })}
            </p>
          ) : null}
          <div className="form-grid">
            <Field label={t('rules.campaign.ageBand')}>
              {(control) => (
                <select
                  {...control}
                  className="select"
                  value={value.ageBand}
                  onChange={(e) => set({ ageBand: e.target.value as CampaignValues['ageBand'] })}
                >
                  <option value="">{t('rules.campaign.anyAge')}</option>
                  {ageBands.map((band) => (
                    <option key={band} value={band}>
                      {ageBandLabels[band][lang]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              label={t('rules.campaign.building')}
              hint={t('rules.campaign.buildingHint')}
              error={errors.campaignBuilding ? t('rules.campaign.invalidBuilding') : undefined}
            >
              {(control) => (
                <input
                  {...control}
                  className="input"
                  value={value.building}
                  onChange={(e) => set({ building: e.target.value })}
                />
              )}
            </Field>
            <Field
              label={t('rules.campaign.from')}
              error={errors.campaignFrom ? t('rules.campaign.invalidDay') : undefined}
            >
              {(control) => (
                <DateInput
                  control={control}
                  value={value.from}
                  onChange={(day) => set({ from: day })}
                />
              )}
            </Field>
            <Field
              label={t('rules.campaign.to')}
              error={errors.campaignTo ? t('rules.campaign.invalidDay') : undefined}
            >
              {(control) => (
                <DateInput
                  control={control}
                  value={value.to}
                  onChange={(day) => set({ to: day })}
                />
              )}
            </Field>
            <Field
              label={t('rules.campaign.bonus')}
              hint={t('rules.campaign.bonusHint')}
              error={errors.campaignBonus ? t('rules.campaign.invalidBonus') : undefined}
            >
              {(control) => (
                <input
                  {...control}
                  className="input"
                  inputMode="numeric"
                  value={value.bonusPercent}
                  onChange={(e) => set({ bonusPercent: e.target.value })}
                />
              )}
            </Field>
          </div>
          <div className="row">
            <button type="button" className="button" onClick={() => onChange(null)}>
              {t('rules.campaign.remove')}
            </button>
          </div>
        </>
      )}
    </fieldset>
  );
}
