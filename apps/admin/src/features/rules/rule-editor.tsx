import { categoryIds } from '@tally/domain/categories';
import type { EarningRuleTerms } from '@tally/domain/earning-rules';
import type { PublishedRule } from '@tally/domain/rules';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useCategoryLabel } from '../../i18n/category-label';
import { useFormat } from '../../i18n/format';
import { todayLocal } from '../../ui/dates';
import { Dialog } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { ErrorNotice, Loading } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { CampaignFields } from './campaign-fields';
import { type CampaignGroup, useCampaignLabels } from './campaign-labels';
import { newCampaign, type RuleErrors, ruleValues, toRuleTerms, validateRule } from './rule-form';

/**
 * Drafts the next version of the rule, shows what it would have paid last month next to what
 * was paid, and publishes it as a new, immutable version. The draft starts from every term of
 * the rule in force, campaign included, so changing one part never drops another. `startCampaign`
 * (from the report's "who is missing") opens the draft with a new campaign for that group.
 */
export function RuleEditor({
  current,
  startCampaign,
  onPublished,
}: {
  current: PublishedRule;
  startCampaign?: CampaignGroup | undefined;
  onPublished?: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const toast = useToast();
  const categoryLabel = useCategoryLabel();
  const [values, setValues] = useState(() => ({
    ...ruleValues(current),
    ...(startCampaign ? { campaign: newCampaign(todayLocal(), startCampaign) } : {}),
  }));
  const [errors, setErrors] = useState<RuleErrors>({});
  const [previewed, setPreviewed] = useState<EarningRuleTerms | null>(null);
  const [confirming, setConfirming] = useState(false);
  const preview = useApiQuery(
    'rules.preview',
    previewed ?? { basePointsPerHour: 0, categoryWeights: {} },
    api.rules.preview.query,
    {
      enabled: previewed !== null,
    },
  );
  const publish = useApiMutation(api.rules.publish.mutate, {
    invalidates: ['rules.get', 'rules.list'],
    onSuccess: (rule) => {
      toast(t('rules.published', { version: rule.version }));
      setConfirming(false);
      onPublished?.();
    },
  });
  const checked = () => {
    const found = validateRule(values);
    setErrors(found);
    return Object.keys(found).length === 0 ? toRuleTerms(values, current) : null;
  };
  const invalid = (field: keyof RuleErrors) => (errors[field] ? t('rules.invalid') : undefined);
  const difference = preview.data ? preview.data.proposedPoints - preview.data.currentPoints : 0;

  return (
    <section className="card stack" aria-labelledby="next-rule">
      <h2 id="next-rule">{t('rules.draft', { version: current.version + 1 })}</h2>
      <div className="form-grid">
        <Field
          label={t('rules.base')}
          hint={t('rules.baseHint')}
          error={invalid('basePointsPerHour')}
        >
          {(control) => (
            <input
              {...control}
              className="input"
              inputMode="numeric"
              value={values.basePointsPerHour}
              onChange={(e) => setValues({ ...values, basePointsPerHour: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('rules.cap')} hint={t('rules.capHint')} error={invalid('dailyCapPoints')}>
          {(control) => (
            <input
              {...control}
              className="input"
              inputMode="numeric"
              value={values.dailyCapPoints}
              onChange={(e) => setValues({ ...values, dailyCapPoints: e.target.value })}
            />
          )}
        </Field>
        <Field
          label={t('rules.bonus')}
          hint={t('rules.bonusHint')}
          error={invalid('firstParticipationBonus')}
        >
          {(control) => (
            <input
              {...control}
              className="input"
              inputMode="numeric"
              value={values.firstParticipationBonus}
              onChange={(e) => setValues({ ...values, firstParticipationBonus: e.target.value })}
            />
          )}
        </Field>
      </div>
      <fieldset className="plain-fieldset stack-small">
        <legend>{t('rules.weights')}</legend>
        <p className="field-hint">{t('rules.weightsHint')}</p>
        <div className="form-grid">
          {categoryIds.map((id) => (
            <Field key={id} label={categoryLabel(id)} error={invalid(id)}>
              {(control) => (
                <div className="row">
                  <input
                    {...control}
                    className="input weight-input"
                    inputMode="numeric"
                    value={values.weights[id]}
                    onChange={(e) =>
                      setValues({ ...values, weights: { ...values.weights, [id]: e.target.value } })
                    }
                  />
                  <span aria-hidden="true">%</span>
                </div>
              )}
            </Field>
          ))}
        </div>
      </fieldset>
      <label className="check-label">
        <input
          type="checkbox"
          checked={values.timeBankEarns}
          onChange={(e) => setValues({ ...values, timeBankEarns: e.target.checked })}
        />
        {t('rules.timeBankEarns')}
      </label>
      <CampaignFields
        value={values.campaign}
        onChange={(campaign) => setValues({ ...values, campaign })}
        errors={errors}
        inForce={current.campaign}
        prefilled={startCampaign !== undefined}
      />
      <div className="row">
        <button
          type="button"
          className="button"
          onClick={() => {
            const terms = checked();
            if (terms) setPreviewed(terms);
          }}
        >
          {t('rules.preview')}
        </button>
        <button
          type="button"
          className="button button-primary"
          onClick={() => {
            if (checked()) setConfirming(true);
          }}
        >
          {t('rules.publish', { version: current.version + 1 })}
        </button>
      </div>
      {previewed !== null ? (
        <div className="preview" aria-live="polite">
          {preview.isPending ? <Loading /> : null}
          <ErrorNotice error={preview.error} />
          {preview.data ? (
            <>
              <h3>
                {t('rules.previewTitle', {
                  from: format.date(preview.data.from),
                  to: format.date(preview.data.to),
                })}
              </h3>
              <div className="stat-grid">
                <div className="stat">
                  <span className="stat-label">{t('rules.previewRecords')}</span>
                  <span className="stat-value">{format.number(preview.data.records)}</span>
                  <span className="muted">
                    {t('rules.previewResidents', { count: preview.data.residents })}
                  </span>
                </div>
                <div className="stat">
                  <span className="stat-label">{t('rules.previewCurrent')}</span>
                  <span className="stat-value">{format.number(preview.data.currentPoints)}</span>
                </div>
                <div className="stat">
                  <span className="stat-label">{t('rules.previewProposed')}</span>
                  <span className="stat-value">{format.number(preview.data.proposedPoints)}</span>
                  <span className={difference < 0 ? 'amount-out' : 'amount-in'}>
                    {difference === 0
                      ? t('rules.previewSame')
                      : `${difference > 0 ? '+' : '−'}${format.number(Math.abs(difference))}${
                          preview.data.currentPoints > 0
                            ? ` (${difference > 0 ? '+' : '−'}${Math.round((Math.abs(difference) / preview.data.currentPoints) * 100)}%)`
                            : ''
                        }`}
                  </span>
                </div>
              </div>
            </>
          ) : null}
        </div>
      ) : null}
      <Dialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={t('rules.publish', { version: current.version + 1 })}
        footer={
          <>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={publish.isPending}
              onClick={() => {
                const terms = checked();
                if (terms) publish.mutate(terms);
              }}
            >
              {t('rules.publishConfirm')}
            </button>
          </>
        }
      >
        <p>{t('rules.publishExplain')}</p>
        <CampaignChange
          draft={confirming ? toRuleTerms(values, current) : null}
          current={current}
        />
        <ErrorNotice error={publish.error} />
      </Dialog>
    </section>
  );
}

/** Whether publishing keeps, starts or ends a campaign, said before the office confirms. */
function CampaignChange({
  draft,
  current,
}: {
  draft: EarningRuleTerms | null;
  current: PublishedRule;
}) {
  const { t } = useTranslation();
  const labels = useCampaignLabels();
  if (draft?.campaign) {
    return <p>{t('rules.campaign.keeps', { summary: labels.summary(draft.campaign) })}</p>;
  }
  if (draft && current.campaign && current.campaign.to >= todayLocal()) {
    return (
      <p className="notice">
        {t('rules.campaign.drops', { summary: labels.summary(current.campaign) })}
      </p>
    );
  }
  return null;
}
