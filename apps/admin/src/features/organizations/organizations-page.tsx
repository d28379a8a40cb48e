import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { mayManage } from '../../session/permissions';
import { useUser } from '../../session/session-context';
import { PageHeader } from '../../ui/page-header';
import { Empty, ErrorNotice, Loading } from '../../ui/states';
import { CreateOrganizationDialog } from './create-organization-dialog';
import { PendingInvitations } from './pending-invitations';

export function OrganizationsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const user = useUser();
  const format = useFormat();
  const [creating, setCreating] = useState(false);
  const organizations = useApiQuery('organizations.list', undefined, () =>
    api.organizations.list.query(),
  );
  const list = organizations.data ?? [];

  return (
    <>
      <PageHeader
        title={user.role === 'leader' ? t('organizations.mine') : t('organizations.title')}
        description={
          user.role === 'leader' ? t('organizations.mineHint') : t('organizations.description')
        }
        actions={
          mayManage(user.role) ? (
            <button
              type="button"
              className="button button-primary"
              onClick={() => setCreating(true)}
            >
              {t('organizations.create')}
            </button>
          ) : null
        }
      />
      <ErrorNotice error={organizations.error} />
      {organizations.isPending ? (
        <Loading />
      ) : list.length === 0 ? (
        <Empty>{t('organizations.none')}</Empty>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('organizations.name')}</th>
                <th scope="col">{t('organizations.leaders')}</th>
                <th scope="col" className="number">
                  {t('organizations.members')}
                </th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((organization) => (
                <tr key={organization.id}>
                  <td>
                    <Link href={`/organizations/${organization.id}`}>
                      <strong>{organization.name}</strong>
                    </Link>
                    {organization.description ? (
                      <div className="muted">{organization.description}</div>
                    ) : null}
                  </td>
                  <td>
                    {organization.leaders.length === 0
                      ? t('organizations.noLeaders')
                      : organization.leaders.map((leader) => leader.displayName).join(', ')}
                  </td>
                  <td className="number">{format.number(organization.memberCount)}</td>
                  <td>
                    <div className="row">
                      <Link
                        href={`/organizations/${organization.id}`}
                        className="button button-small"
                      >
                        {t('organizations.open')}
                      </Link>
                      {user.role !== 'auditor' ? (
                        <Link
                          href={`/log-hours?organization=${organization.id}`}
                          className="button button-small"
                        >
                          {t('nav.logHours')}
                        </Link>
                      ) : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section className="stack-small" aria-labelledby="invitation-queue-title">
        <h2 id="invitation-queue-title">{t('invitations.queueTitle')}</h2>
        <p className="muted">
          {user.role === 'leader' ? t('invitations.leaderHint') : t('invitations.officeHint')}
        </p>
        <PendingInvitations titleId="invitation-queue-title" />
      </section>
      <CreateOrganizationDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
