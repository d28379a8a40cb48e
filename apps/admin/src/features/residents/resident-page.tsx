import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { useLocalizedName } from '../../i18n/localized-name';
import { mayManage } from '../../session/permissions';
import { useUser } from '../../session/session-context';
import { Badge } from '../../ui/badge';
import { PageHeader } from '../../ui/page-header';
import { ErrorNotice, Loading } from '../../ui/states';
import { IssueCertificateDialog } from '../certificates/issue-certificate-dialog';
import { MovedNotice } from '../moves/moved-notice';
import { ProposeMoveDialog } from '../moves/propose-move-dialog';
import { useResidentMove } from '../moves/use-resident-move';
import { PhoneAppSection } from './phone-app-section';
import { CardLockDialog, EditResidentDialog, ResetPinDialog } from './resident-dialogs';
import { ResidentEntries } from './resident-entries';

type OpenDialog = 'edit' | 'pin' | 'lock' | 'certificate' | 'move' | null;

/** A resident's balance, traced down to every ledger entry; the office's card actions. */
export function ResidentPage() {
  const inLanguage = useLocalizedName();
  const { id = '' } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const api = useApi();
  const user = useUser();
  const format = useFormat();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const resident = useApiQuery('residents.get', { id }, api.residents.get.query);
  const move = useResidentMove(id);
  const data = resident.data;

  if (resident.isPending) return <Loading />;
  if (!data) return <ErrorNotice error={resident.error} />;
  // A resident who moved away is kept here for reading: their card no longer works.
  const movedAway = move?.status === 'done' || move?.status === 'sending';
  const office = mayManage(user.role) && !movedAway;

  return (
    <>
      <PageHeader
        breadcrumb={<Link href="/residents">← {t('nav.residents')}</Link>}
        title={data.name}
        description={
          <>
            <span className="mono">{data.cardNumber}</span>
            {data.building ? ` · ${data.building}` : ''}{' '}
            {data.cardLocked ? <Badge tone="danger">{t('residents.locked')}</Badge> : null}
          </>
        }
        actions={
          office ? (
            <>
              <button type="button" className="button" onClick={() => setDialog('edit')}>
                {t('common.edit')}
              </button>
              <button type="button" className="button" onClick={() => setDialog('pin')}>
                {t('residents.resetPin')}
              </button>
              <button type="button" className="button" onClick={() => setDialog('lock')}>
                {data.cardLocked ? t('residents.unlockCard') : t('residents.lockCard')}
              </button>
              <button type="button" className="button" onClick={() => setDialog('certificate')}>
                {t('certificates.issue')}
              </button>
              {move ? null : (
                <button type="button" className="button" onClick={() => setDialog('move')}>
                  {t('moves.moveAction')}
                </button>
              )}
              <Link href={`/residents/${id}/card`} className="button button-primary">
                {t('residents.printCard')}
              </Link>
            </>
          ) : null
        }
      />
      {move ? <MovedNotice move={move} /> : null}
      <div className="stat-grid">
        <section className="card stat" aria-label={t('residents.points')}>
          <span className="stat-label">{t('residents.points')}</span>
          <span className="stat-value" data-testid="resident-points">
            {format.number(data.points)}
          </span>
        </section>
        <section className="card stat" aria-label={t('residents.hours')}>
          <span className="stat-label">{t('residents.hoursServed')}</span>
          <span className="stat-value">{format.hours(data.minutes)}</span>
        </section>
      </div>
      <section className="card">
        <h2>{t('common.details')}</h2>
        <dl className="details">
          <dt>{t('residents.displayName')}</dt>
          <dd>{data.displayName}</dd>
          <dt>{t('residents.publicName')}</dt>
          <dd>{data.showName ? t('residents.publicYes') : t('residents.publicNo')}</dd>
          <dt>{t('residents.birthYear')}</dt>
          <dd>{data.birthYear ?? '—'}</dd>
          <dt>{t('nav.organizations')}</dt>
          <dd>
            {data.organizations.length === 0
              ? '—'
              : data.organizations.map((organization, index) => (
                  <span key={organization.id}>
                    {index > 0 ? ', ' : ''}
                    <Link href={`/organizations/${organization.id}`}>
                      {inLanguage(organization.name)}
                    </Link>
                  </span>
                ))}
          </dd>
          <dt>{t('residents.since')}</dt>
          <dd>{format.date(data.createdAt)}</dd>
        </dl>
      </section>
      {office ? <PhoneAppSection resident={data} /> : null}
      <ResidentEntries residentId={id} points={data.points} minutes={data.minutes} />
      {office ? (
        <>
          <EditResidentDialog
            open={dialog === 'edit'}
            resident={data}
            onClose={() => setDialog(null)}
          />
          <ResetPinDialog open={dialog === 'pin'} resident={data} onClose={() => setDialog(null)} />
          <CardLockDialog
            open={dialog === 'lock'}
            resident={data}
            onClose={() => setDialog(null)}
          />
          <IssueCertificateDialog
            open={dialog === 'certificate'}
            resident={data}
            onClose={() => setDialog(null)}
          />
          <ProposeMoveDialog
            open={dialog === 'move'}
            resident={data}
            onClose={() => setDialog(null)}
          />
        </>
      ) : null}
    </>
  );
}
