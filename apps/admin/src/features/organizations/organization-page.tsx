import type { Resident } from '@tally/domain/residents';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { useApi } from '../../api/api-context';
import { useApiMutation, useApiQuery, usePagedQuery } from '../../api/queries';
import { useBuildingLabel, useFormat } from '../../i18n/format';
import { useLocalizedName } from '../../i18n/localized-name';
import { mayManage } from '../../session/permissions';
import { useUser } from '../../session/session-context';
import { Dialog } from '../../ui/dialog';
import { NamesDialog } from '../../ui/names-dialog';
import { PageHeader } from '../../ui/page-header';
import { Empty, ErrorNotice, Loading, LoadMore } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { AddMemberDialog } from './add-member-dialog';
import { LeadersDialog } from './leaders-dialog';
import { PendingInvitations } from './pending-invitations';

export function OrganizationPage() {
  const inLanguage = useLocalizedName();
  const { id = '' } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const api = useApi();
  const user = useUser();
  const format = useFormat();
  const buildingLabel = useBuildingLabel();
  const toast = useToast();
  const [adding, setAdding] = useState(false);
  const [editingLeaders, setEditingLeaders] = useState(false);
  const [renaming, setRenaming] = useState(false);
  const [removing, setRemoving] = useState<Resident | null>(null);

  const organizations = useApiQuery('organizations.list', undefined, () =>
    api.organizations.list.query(),
  );
  const organization = organizations.data?.find((candidate) => candidate.id === id);
  const members = usePagedQuery(
    'organizations.members',
    { organizationId: id, limit: 100 },
    api.organizations.members.query,
  );
  const remove = useApiMutation(api.organizations.removeMember.mutate, {
    invalidates: ['organizations.members', 'organizations.list', 'residents.list'],
    onSuccess: () => {
      toast(t('organizations.memberRemoved', { name: removing?.name }));
      setRemoving(null);
    },
  });
  const rename = useApiMutation(api.organizations.update.mutate, {
    invalidates: ['organizations.list'],
    onSuccess: (renamed) => {
      toast(t('organizations.renamed', { name: inLanguage(renamed.name) }));
      setRenaming(false);
    },
  });
  const mayChangeMembers =
    user.role === 'office' || (user.role === 'leader' && user.organizationIds.includes(id));

  if (organizations.isPending) return <Loading />;
  if (!organization) {
    return (
      <>
        <ErrorNotice error={organizations.error} />
        <Empty>{t('organizations.notFound')}</Empty>
      </>
    );
  }

  return (
    <>
      <PageHeader
        breadcrumb={<Link href="/organizations">← {t('nav.organizations')}</Link>}
        title={inLanguage(organization.name)}
        description={inLanguage(organization.description) || undefined}
        actions={
          <>
            {mayChangeMembers ? (
              <>
                <Link href={`/log-hours?organization=${id}`} className="button button-primary">
                  {t('nav.logHours')}
                </Link>
                <button type="button" className="button" onClick={() => setAdding(true)}>
                  {user.role === 'office'
                    ? t('organizations.addMember')
                    : t('invitations.inviteTitle')}
                </button>
              </>
            ) : null}
            {mayManage(user.role) ? (
              <>
                <button type="button" className="button" onClick={() => setRenaming(true)}>
                  {t('common.edit')}
                </button>
                <button type="button" className="button" onClick={() => setEditingLeaders(true)}>
                  {t('organizations.editLeaders')}
                </button>
              </>
            ) : null}
          </>
        }
      />
      <section className="card">
        <dl className="details">
          <dt>{t('organizations.leaders')}</dt>
          <dd>
            {organization.leaders.length === 0
              ? t('organizations.noLeaders')
              : organization.leaders.map((leader) => leader.displayName).join(', ')}
          </dd>
          <dt>{t('organizations.members')}</dt>
          <dd>{format.number(organization.memberCount)}</dd>
          <dt>{t('organizations.since')}</dt>
          <dd>{format.date(organization.createdAt)}</dd>
        </dl>
      </section>
      <section className="stack-small" aria-labelledby="invitations-title">
        <h2 id="invitations-title">{t('invitations.title')}</h2>
        <p className="muted">
          {user.role === 'office' ? t('invitations.officeHint') : t('invitations.leaderHint')}
        </p>
        <PendingInvitations organizationId={id} titleId="invitations-title" />
      </section>
      <section className="stack-small" aria-labelledby="members-title">
        <h2 id="members-title">{t('organizations.members')}</h2>
        <ErrorNotice error={members.error} />
        {members.isPending ? (
          <Loading />
        ) : members.items.length === 0 ? (
          <Empty>{t('organizations.noMembers')}</Empty>
        ) : (
          <div className="table-wrap">
            <table className="table" aria-labelledby="members-title">
              <thead>
                <tr>
                  <th scope="col">{t('residents.name')}</th>
                  <th scope="col">{t('residents.card')}</th>
                  <th scope="col">{t('residents.building')}</th>
                  <th scope="col" className="number">
                    {t('residents.points')}
                  </th>
                  <th scope="col" className="number">
                    {t('residents.hours')}
                  </th>
                  {mayChangeMembers ? <th scope="col">{t('common.actions')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {members.items.map((member) => (
                  <tr key={member.id}>
                    <td>
                      {user.role === 'leader' ? (
                        member.name
                      ) : (
                        <Link href={`/residents/${member.id}`}>{member.name}</Link>
                      )}
                      {member.displayName !== member.name ? (
                        <div className="muted">{member.displayName}</div>
                      ) : null}
                    </td>
                    <td className="mono">{member.cardNumber}</td>
                    <td>{member.building ? buildingLabel(member.building) : '—'}</td>
                    <td className="number">{format.number(member.points)}</td>
                    <td className="number">{format.hours(member.minutes)}</td>
                    {mayChangeMembers ? (
                      <td>
                        <button
                          type="button"
                          className="button button-small"
                          onClick={() => setRemoving(member)}
                        >
                          {t('organizations.removeMember')}
                        </button>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
            <LoadMore
              hasMore={members.hasNextPage}
              loading={members.isFetchingNextPage}
              onLoad={() => void members.fetchNextPage()}
            />
          </div>
        )}
      </section>
      <AddMemberDialog
        open={adding}
        organizationId={id}
        memberIds={members.items.map((member) => member.id)}
        onClose={() => setAdding(false)}
      />
      {renaming ? (
        <NamesDialog
          title={t('organizations.editTitle', { name: inLanguage(organization.name) })}
          current={organization}
          maxLength={100}
          descriptionMaxLength={1000}
          pending={rename.isPending}
          error={rename.error}
          onSave={(names) => rename.mutate({ id, ...names })}
          onClose={() => setRenaming(false)}
        />
      ) : null}
      {mayManage(user.role) ? (
        <LeadersDialog
          open={editingLeaders}
          organization={organization}
          onClose={() => setEditingLeaders(false)}
        />
      ) : null}
      <Dialog
        open={removing !== null}
        onClose={() => setRemoving(null)}
        title={t('organizations.removeMember')}
        footer={
          <>
            <button type="button" className="button" onClick={() => setRemoving(null)}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="button button-danger"
              disabled={remove.isPending}
              onClick={() =>
                removing && remove.mutate({ organizationId: id, residentId: removing.id })
              }
            >
              {t('organizations.removeMember')}
            </button>
          </>
        }
      >
        <p>
          {t('organizations.removeConfirm', {
            name: removing?.name,
            organization: inLanguage(organization.name),
          })}
        </p>
        <ErrorNotice error={remove.error} />
      </Dialog>
    </>
  );
}
