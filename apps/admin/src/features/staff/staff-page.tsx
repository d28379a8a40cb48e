import type { StaffMember } from '@tally/domain/staff';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { useLocalizedName } from '../../i18n/localized-name';
import { useUser } from '../../session/session-context';
import { Badge } from '../../ui/badge';
import { type DataColumn, DataTable } from '../../ui/data-table';
import { PageHeader } from '../../ui/page-header';
import { Empty, ErrorNotice, Loading } from '../../ui/states';
import { ConfirmStaffDialog } from './confirm-staff-dialog';
import { CreateStaffDialog } from './create-staff-dialog';
import { EditStaffDialog } from './edit-staff-dialog';
import { ResetPasswordDialog } from './reset-password-dialog';
import { StaffSessionsDialog } from './staff-sessions-dialog';

type Open = { dialog: 'edit' | 'reset' | 'sessions' | 'confirm'; member: StaffMember };

export function StaffPage() {
  const inLanguage = useLocalizedName();
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const user = useUser();
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<Open | null>(null);
  const staff = useApiQuery('staff.list', undefined, () => api.staff.list.query());
  const organizations = useApiQuery('organizations.list', undefined, () =>
    api.organizations.list.query(),
  );
  const organizationName = new Map(
    (organizations.data ?? []).map((o) => [o.id, inLanguage(o.name)]),
  );
  const close = () => setOpen(null);
  const leads = (member: StaffMember) =>
    member.organizationIds.length === 0
      ? '—'
      : member.organizationIds.map((id) => organizationName.get(id) ?? id).join(', ');
  const columns: DataColumn<StaffMember>[] = [
    {
      id: 'username',
      header: t('signIn.username'),
      sortValue: (member) => member.username,
      cell: (member) => (
        <>
          <span className="mono">{member.username}</span>
          <div className="muted nowrap">
            {t('staff.since')} {format.date(member.createdAt)}
          </div>
        </>
      ),
    },
    {
      id: 'displayName',
      header: t('staff.displayName'),
      sortValue: (member) => member.displayName,
      cell: (member) => member.displayName,
    },
    {
      id: 'role',
      header: t('staff.role'),
      sortValue: (member) => t(`roles.${member.role}`),
      cell: (member) => t(`roles.${member.role}`),
    },
    { id: 'leads', header: t('staff.leads'), sortValue: leads, cell: leads },
    {
      id: 'status',
      header: t('staff.status'),
      sortValue: (member) => (member.active ? t('staff.active') : t('staff.inactive')),
      cell: (member) => (
        <div className="row">
          {member.active ? (
            <Badge tone="success">{t('staff.active')}</Badge>
          ) : (
            <Badge>{t('staff.inactive')}</Badge>
          )}
          {member.awaitingConfirmation ? (
            <span title={t('staff.awaitingExplain')}>
              <Badge tone="warning">{t('staff.awaitingConfirmation')}</Badge>
            </span>
          ) : null}
          {member.mustChangePassword ? <Badge tone="info">{t('staff.mustChange')}</Badge> : null}
        </div>
      ),
    },
    {
      id: 'actions',
      header: t('staff.actions'),
      cell: (member) => (
        <div className="row">
          {member.mayConfirm ? (
            <button
              type="button"
              className="button button-small button-primary"
              onClick={() => setOpen({ dialog: 'confirm', member })}
            >
              {t('staff.confirm')}
            </button>
          ) : null}
          <button
            type="button"
            className="button button-small"
            onClick={() => setOpen({ dialog: 'edit', member })}
          >
            {t('staff.edit')}
          </button>
          {member.id !== user.id ? (
            <button
              type="button"
              className="button button-small"
              onClick={() => setOpen({ dialog: 'reset', member })}
            >
              {t('staff.resetPassword')}
            </button>
          ) : null}
          <button
            type="button"
            className="button button-small"
            onClick={() => setOpen({ dialog: 'sessions', member })}
          >
            {t('staff.sessions')}
          </button>
        </div>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('staff.title')}
        description={t('staff.description')}
        actions={
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
            {t('staff.create')}
          </button>
        }
      />
      <ErrorNotice error={staff.error} />
      {staff.isPending ? (
        <Loading />
      ) : (staff.data ?? []).length === 0 ? (
        <Empty>{t('staff.none')}</Empty>
      ) : (
        <DataTable
          rows={staff.data ?? []}
          columns={columns}
          rowKey={(member) => member.id}
          search
        />
      )}
      <CreateStaffDialog
        open={creating}
        organizations={organizations.data ?? []}
        onClose={() => setCreating(false)}
      />
      <EditStaffDialog
        member={open?.dialog === 'edit' ? open.member : null}
        organizations={organizations.data ?? []}
        onClose={close}
      />
      {open?.dialog === 'reset' ? (
        <ResetPasswordDialog member={open.member} onClose={close} />
      ) : null}
      {open?.dialog === 'confirm' ? (
        <ConfirmStaffDialog member={open.member} onClose={close} />
      ) : null}
      {open?.dialog === 'sessions' ? (
        <StaffSessionsDialog member={open.member} onClose={close} />
      ) : null}
    </>
  );
}
