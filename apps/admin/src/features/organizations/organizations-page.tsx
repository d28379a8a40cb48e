import type { Organization } from '@tally/domain/organizations';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { useLocalizedName } from '../../i18n/localized-name';
import { mayManage, mayOpen } from '../../session/permissions';
import { useUser } from '../../session/session-context';
import { type DataColumn, DataTable } from '../../ui/data-table';
import { PageHeader } from '../../ui/page-header';
import { Empty, ErrorNotice, Loading } from '../../ui/states';
import { CreateOrganizationDialog } from './create-organization-dialog';
import { PendingInvitations } from './pending-invitations';

export function OrganizationsPage() {
  const inLanguage = useLocalizedName();
  const { t } = useTranslation();
  const api = useApi();
  const user = useUser();
  const format = useFormat();
  const [creating, setCreating] = useState(false);
  const organizations = useApiQuery('organizations.list', undefined, () =>
    api.organizations.list.query(),
  );
  const list = organizations.data ?? [];

  const leaders = (organization: Organization) =>
    organization.leaders.length === 0
      ? t('organizations.noLeaders')
      : organization.leaders.map((leader) => leader.displayName).join(', ');
  const columns: DataColumn<Organization>[] = [
    {
      id: 'name',
      header: t('organizations.name'),
      sortValue: (organization) => inLanguage(organization.name),
      cell: (organization) => (
        // One line a row: the description is on the organization's page.
        <Link
          href={`/organizations/${organization.id}`}
          title={inLanguage(organization.description) || undefined}
        >
          <strong>{inLanguage(organization.name)}</strong>
        </Link>
      ),
    },
    {
      id: 'leaders',
      header: t('organizations.leaders'),
      sortValue: leaders,
      cell: leaders,
    },
    {
      id: 'members',
      header: t('organizations.members'),
      className: 'number',
      sortValue: (organization) => organization.memberCount,
      cell: (organization) => format.number(organization.memberCount),
    },
    {
      id: 'actions',
      header: t('common.actions'),
      cell: (organization) => (
        <div className="row">
          <Link href={`/organizations/${organization.id}`} className="button button-small">
            {t('organizations.open')}
          </Link>
          {mayOpen(user.role, 'logHours') ? (
            <Link
              href={`/log-hours?organization=${organization.id}`}
              className="button button-small"
            >
              {t('nav.logHours')}
            </Link>
          ) : null}
        </div>
      ),
    },
  ];

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
        <DataTable rows={list} columns={columns} rowKey={(o) => o.id} search />
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
