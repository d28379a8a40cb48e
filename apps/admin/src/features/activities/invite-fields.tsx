import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/queries';
import { currentLanguage } from '../../i18n/i18n';
import { todayLocal } from '../../ui/dates';
import { GroupFields } from '../../ui/group-fields';
import { useCampaignLabels } from '../rules/campaign-labels';
import { campaignState } from '../rules/rule-form';
import type { ActivityFormValues } from './activity-form';

type InviteValues = Pick<ActivityFormValues, 'inviteGroup' | 'ageBands' | 'buildings' | 'campaign'>;

/**
 * Who the activity is for: everyone, or a group by age band and building; or the group of the
 * earning campaign, when one is running or about to (its residents are told of the bonus).
 */
export function InviteFields({
  value,
  onChange,
  error,
}: {
  value: InviteValues;
  onChange: (next: Partial<InviteValues>) => void;
  error: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const _language = currentLanguage(i18n);
  const api = useApi();
  const rule = useApiQuery('rules.get', undefined, () => api.rules.get.query());
  const campaign = rule.data?.campaign;
  const offersCampaign =
    (campaign !== undefined && campaignState(campaign, todayLocal()) !== 'ended') || value.campaign;
  const campaignLabels = useCampaignLabels();

  return (
    <fieldset className="plain-fieldset stack-small">
      <legend className="field-label">{t('activities.form.invite')}</legend>
      <div className="segmented">
        <label>
          <input
            type="radio"
            name="activity-invite"
            checked={!value.inviteGroup}
            onChange={() => onChange({ inviteGroup: false })}
          />
          {t('activities.form.inviteEveryone')}
        </label>
        <label>
          <input
            type="radio"
            name="activity-invite"
            checked={value.inviteGroup}
            onChange={() => onChange({ inviteGroup: true })}
          />
          {t('activities.form.inviteGroup')}
        </label>
      </div>
      {value.inviteGroup ? (
        <div className="stack-small invite-group">
          <GroupFields
            value={value}
            onChange={onChange}
            labels={{
              ageBands: t('activities.form.ageBands'),
              buildings: t('activities.form.buildings'),
              buildingsHint: t('activities.form.buildingsHint'),
            }}
          />
          {offersCampaign ? (
            <label className="check-label">
              <input
                type="checkbox"
                className="checkbox"
                checked={value.campaign}
                onChange={(event) => onChange({ campaign: event.target.checked })}
              />
              <span>
                {t('activities.form.campaign')}
                {campaign ? (
                  <span className="muted"> {campaignLabels.summary(campaign)}</span>
                ) : null}
              </span>
            </label>
          ) : null}
          {error ? <p className="field-error">{error}</p> : null}
        </div>
      ) : null}
    </fieldset>
  );
}
