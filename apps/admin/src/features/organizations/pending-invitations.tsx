import type { Invitation } from '@tally/domain/invitations';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { usePagedQuery } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { useLocalizedName } from '../../i18n/localized-name';
import { readsOnly } from '../../session/permissions';
import { useUser } from '../../session/session-context';
import { Empty, ErrorNotice, Loading, LoadMore } from '../../ui/states';
import { type Decision, InvitationDecisionDialog } from './invitation-decision-dialog';

/**
 * Invitations waiting for the resident's answer: one organization's, or (without
 * `organizationId`) every one the reader may see. The office approves or cancels; a leader
 * of the organization withdraws; auditors read. Leaders see names masked until they join.
 */
export function PendingInvitations({
  organizationId,
  titleId,
}: {
  organizationId?: string;
  titleId: string;
}) {
  const inLanguage = useLocalizedName();
  const { t } = useTranslation();
  const api = useApi();
  const user = useUser();
  const format = useFormat();
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const invitations = usePagedQuery(
    'organizations.invitations',
    organizationId ? { organizationId, limit: 50 } : { limit: 50 },
    api.organizations.invitations.query,
  );
  const mayWithdraw = (invitation: Invitation) =>
    user.role === 'office' ||
    (user.role === 'leader' && user.organizationIds.includes(invitation.organization.id));
  const actions = !readsOnly(user.role);
  // The office cancels an invitation; a leader withdraws their own.
  const withdrawLabel =
    user.role === 'office' ? t('invitations.cancel') : t('invitations.withdraw');

  if (invitations.isPending) return <Loading />;
  return (
    <>
      <ErrorNotice error={invitations.error} />
      {invitations.items.length === 0 ? (
        <Empty>{t('invitations.none')}</Empty>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-labelledby={titleId}>
            <caption className="visually-hidden">{t('invitations.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('invitations.resident')}</th>
                {organizationId ? null : <th scope="col">{t('invitations.organization')}</th>}
                <th scope="col">{t('invitations.invitedBy')}</th>
                <th scope="col">{t('invitations.invitedOn')}</th>
                {actions ? <th scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {invitations.items.map((invitation) => {
                const name = invitation.resident.displayName;
                const label = (action: string) =>
                  t('invitations.rowLabel', {
                    action,
                    name,
                    organization: inLanguage(invitation.organization.name),
                  });
                return (
                  <tr key={invitation.id} data-testid="invitation-row">
                    <td>
                      <strong translate="no">{name}</strong>{' '}
                      <span className="muted mono">{invitation.resident.cardNumber}</span>
                      {invitation.resident.nameMasked ? (
                        <div className="muted">{t('invitations.maskedName')}</div>
                      ) : null}
                    </td>
                    {organizationId ? null : <td>{inLanguage(invitation.organization.name)}</td>}
                    <td>{invitation.invitedBy.displayName}</td>
                    <td>{format.date(invitation.invitedAt)}</td>
                    {actions ? (
                      <td>
                        <div className="row">
                          {user.role === 'office' ? (
                            <button
                              type="button"
                              className="button button-small button-primary"
                              aria-label={label(t('invitations.approve'))}
                              onClick={() => setDeciding({ kind: 'approve', invitation })}
                            >
                              {t('invitations.approve')}
                            </button>
                          ) : null}
                          {mayWithdraw(invitation) ? (
                            <button
                              type="button"
                              className="button button-small"
                              aria-label={label(withdrawLabel)}
                              onClick={() => setDeciding({ kind: 'withdraw', invitation })}
                            >
                              {withdrawLabel}
                            </button>
                          ) : null}
                        </div>
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
          <LoadMore
            hasMore={invitations.hasNextPage}
            loading={invitations.isFetchingNextPage}
            onLoad={() => void invitations.fetchNextPage()}
          />
        </div>
      )}
      <InvitationDecisionDialog decision={deciding} onClose={() => setDeciding(null)} />
    </>
  );
}
