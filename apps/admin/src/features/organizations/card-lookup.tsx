import type { ResidentCard } from '@tally/domain/residents';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { usePlainMutation } from '../../api/queries';
import { Badge } from '../../ui/badge';
import { Field } from '../../ui/field';
import { ErrorNotice } from '../../ui/states';

/**
 * A leader finds the holder of a card in their hand: the service answers with the card and,
 * until the resident joins, a masked name. Someone already a member, or already invited,
 * cannot be invited again.
 */
export function CardLookup({
  organizationId,
  onInvite,
  inviting,
}: {
  organizationId: string;
  /** Invites the holder, then calls `afterwards` (to read where they stand now). */
  onInvite: (resident: ResidentCard, afterwards: () => void) => void;
  inviting: boolean;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [cardNumber, setCardNumber] = useState('');
  const find = usePlainMutation(api.residents.findByCard.query);
  const found = find.data;
  const standing = found?.memberships.find((m) => m.organizationId === organizationId)?.status;
  return (
    <form
      className="stack-small"
      onSubmit={(event) => {
        event.preventDefault();
        if (cardNumber.trim()) find.mutate({ cardNumber: cardNumber.trim() });
      }}
    >
      <Field label={t('residents.card')} hint={t('organizations.cardHint')}>
        {(control) => (
          <div className="row">
            <input
              {...control}
              className="input mono"
              style={{ maxWidth: 200 }}
              autoComplete="off"
              value={cardNumber}
              onChange={(event) => setCardNumber(event.target.value)}
            />
            <button type="submit" className="button" disabled={find.isPending}>
              {t('organizations.findCard')}
            </button>
          </div>
        )}
      </Field>
      <ErrorNotice error={find.error} />
      {found ? (
        <ul className="pick-list">
          <li>
            <span>
              <strong>{found.displayName}</strong>{' '}
              <span className="muted mono">{found.cardNumber}</span>
              {found.nameMasked ? (
                <span className="muted"> · {t('invitations.maskedName')}</span>
              ) : null}
            </span>
            {standing ? (
              <Badge tone={standing === 'member' ? 'success' : 'info'}>
                {standing === 'member' ? t('invitations.isMember') : t('invitations.isInvited')}
              </Badge>
            ) : (
              <button
                type="button"
                className="button button-primary button-small"
                disabled={inviting}
                onClick={() => onInvite(found, () => find.mutate({ cardNumber: found.cardNumber }))}
              >
                {t('invitations.invite')}
              </button>
            )}
          </li>
        </ul>
      ) : null}
    </form>
  );
}
