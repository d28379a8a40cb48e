import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/queries';
import { Dialog } from '../../ui/dialog';
import { ResidentSearch } from '../residents/resident-search';

/** Narrows a list to one resident, chosen by search; shows who is chosen, with a way out. */
export function ResidentFilter({
  residentId,
  onChange,
}: {
  residentId: string;
  onChange: (residentId: string) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [picking, setPicking] = useState(false);
  const resident = useApiQuery('residents.get', { id: residentId }, api.residents.get.query, {
    enabled: residentId !== '',
  });
  return (
    <div className="field">
      <span className="field-label">{t('service.resident')}</span>
      {residentId ? (
        <div className="row">
          <span className="badge badge-info">
            {resident.data ? `${resident.data.name} · ${resident.data.cardNumber}` : '…'}
          </span>
          <button type="button" className="button button-small" onClick={() => onChange('')}>
            {t('ledger.anyResident')}
          </button>
        </div>
      ) : (
        <button type="button" className="button" onClick={() => setPicking(true)}>
          {t('ledger.chooseResident')}
        </button>
      )}
      <Dialog open={picking} onClose={() => setPicking(false)} title={t('ledger.chooseResident')}>
        <ResidentSearch
          label={t('residents.search')}
          actionLabel={t('ledger.choose')}
          onPick={(picked) => {
            onChange(picked.id);
            setPicking(false);
          }}
        />
      </Dialog>
    </div>
  );
}
