import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation, usePlainMutation } from '../../api/queries';
import { useUser } from '../../session/session-context';
import { Dialog } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { ErrorNotice } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { ResidentSearch } from '../residents/resident-search';

/**
 * The office searches the whole community. A leader sees only their own members, so they add
 * someone new by the number on the resident's card (the service finds exactly that card).
 */
export function AddMemberDialog({
  open,
  organizationId,
  memberIds,
  onClose,
}: {
  open: boolean;
  organizationId: string;
  memberIds: string[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const user = useUser();
  const toast = useToast();
  const add = useApiMutation(api.organizations.addMember.mutate, {
    invalidates: ['organizations.members', 'organizations.list', 'residents.list'],
  });
  const addResident = (resident: { id: string; name?: string; displayName: string }) =>
    add.mutate(
      { organizationId, residentId: resident.id },
      {
        onSuccess: (result) =>
          toast(
            result.added
              ? t('organizations.memberAdded', { name: resident.name ?? resident.displayName })
              : t('organizations.alreadyMember', { name: resident.name ?? resident.displayName }),
          ),
      },
    );

  return (
    <Dialog open={open} onClose={onClose} title={t('organizations.addMember')}>
      {user.role === 'office' ? (
        <ResidentSearch
          label={t('residents.search')}
          actionLabel={t('organizations.add')}
          disabledIds={memberIds}
          onPick={addResident}
        />
      ) : (
        <CardLookup onFound={addResident} adding={add.isPending} />
      )}
      <ErrorNotice error={add.error} />
    </Dialog>
  );
}

function CardLookup({
  onFound,
  adding,
}: {
  onFound: (resident: { id: string; displayName: string }) => void;
  adding: boolean;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [cardNumber, setCardNumber] = useState('');
  const find = usePlainMutation(api.residents.findByCard.query);
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
      {find.data ? (
        <ul className="pick-list">
          <li>
            <span>
              <strong>{find.data.displayName}</strong>{' '}
              <span className="muted mono">{find.data.cardNumber}</span>
            </span>
            <button
              type="button"
              className="button button-primary button-small"
              disabled={adding}
              onClick={() => find.data && onFound(find.data)}
            >
              {t('organizations.add')}
            </button>
          </li>
        </ul>
      ) : null}
    </form>
  );
}
