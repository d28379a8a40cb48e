import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { Badge } from '../../ui/badge';
import { PageHeader } from '../../ui/page-header';
import { Empty, ErrorNotice, Loading } from '../../ui/states';
import { CreateStaffDialog } from './create-staff-dialog';

export function StaffPage() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const [creating, setCreating] = useState(false);
  const staff = useApiQuery('staff.list', undefined, () => api.staff.list.query());
  const organizations = useApiQuery('organizations.list', undefined, () =>
    api.organizations.list.query(),
  );
  const organizationName = new Map((organizations.data ?? []).map((o) => [o.id, o.name]));

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
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('signIn.username')}</th>
                <th scope="col">{t('staff.displayName')}</th>
                <th scope="col">{t('staff.role')}</th>
                <th scope="col">{t('staff.leads')}</th>
                <th scope="col">{t('staff.status')}</th>
                <th scope="col">{t('staff.since')}</th>
              </tr>
            </thead>
            <tbody>
              {(staff.data ?? []).map((member) => (
                <tr key={member.id}>
                  <td className="mono">{member.username}</td>
                  <td>{member.displayName}</td>
                  <td>{t(`roles.${member.role}`)}</td>
                  <td>
                    {member.organizationIds.length === 0
                      ? '—'
                      : member.organizationIds
                          .map((id) => organizationName.get(id) ?? id)
                          .join(', ')}
                  </td>
                  <td>
                    {member.active ? (
                      <Badge tone="success">{t('staff.active')}</Badge>
                    ) : (
                      <Badge>{t('staff.inactive')}</Badge>
                    )}
                  </td>
                  <td className="nowrap">{format.date(member.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CreateStaffDialog
        open={creating}
        organizations={organizations.data ?? []}
        onClose={() => setCreating(false)}
      />
    </>
  );
}
