import type { Organization } from '@tally/domain/organizations';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useLocalizedName } from '../../i18n/localized-name';
import { Dialog } from '../../ui/dialog';
import { Empty, ErrorNotice, Loading } from '../../ui/states';
import { useToast } from '../../ui/toast';

/** The office picks an organization's leaders among staff with the leader role. */
export function LeadersDialog({
  open,
  organization,
  onClose,
}: {
  open: boolean;
  organization: Organization;
  onClose: () => void;
}) {
  const inLanguage = useLocalizedName();
  const { t } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const staff = useApiQuery('staff.list', undefined, () => api.staff.list.query(), {
    enabled: open,
  });
  const [chosen, setChosen] = useState<string[]>([]);
  useEffect(() => {
    if (open) setChosen(organization.leaders.map((leader) => leader.id));
  }, [open, organization]);
  const save = useApiMutation(api.organizations.setLeaders.mutate, {
    invalidates: ['organizations.list', 'staff.list'],
    onSuccess: () => {
      toast(t('organizations.leadersSaved'));
      onClose();
    },
  });
  const leaders = (staff.data ?? []).filter((member) => member.role === 'leader' && member.active);

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t('organizations.editLeaders')}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={save.isPending}
            onClick={() => save.mutate({ organizationId: organization.id, staffIds: chosen })}
          >
            {save.isPending ? t('common.saving') : t('common.save')}
          </button>
        </>
      }
    >
      {staff.isPending ? (
        <Loading />
      ) : leaders.length === 0 ? (
        <Empty>{t('organizations.noLeaderAccounts')}</Empty>
      ) : (
        <fieldset className="stack-small plain-fieldset">
          <legend>{t('organizations.leadersOf', { name: inLanguage(organization.name) })}</legend>
          {leaders.map((leader) => (
            <label key={leader.id} className="check-label">
              <input
                type="checkbox"
                className="checkbox"
                checked={chosen.includes(leader.id)}
                onChange={(event) =>
                  setChosen((current) =>
                    event.target.checked
                      ? [...current, leader.id]
                      : current.filter((id) => id !== leader.id),
                  )
                }
              />
              {leader.displayName} <span className="muted">({leader.username})</span>
            </label>
          ))}
        </fieldset>
      )}
      <ErrorNotice error={staff.error ?? save.error} />
    </Dialog>
  );
}
