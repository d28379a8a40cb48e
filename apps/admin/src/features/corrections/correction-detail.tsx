import type { CorrectionRequest } from '@tally/domain/corrections';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/queries';
import { useCategoryLabel } from '../../i18n/category-label';
import { useFormat } from '../../i18n/format';
import { useLocalizedName } from '../../i18n/localized-name';
import { mayManage } from '../../session/permissions';
import { useUser } from '../../session/session-context';
import { PageHeader } from '../../ui/page-header';
import { ErrorNotice, Loading } from '../../ui/states';
import { CorrectionKindBadge, CorrectionStatusBadge } from './correction-labels';
import { CorrectionOutcome } from './correction-outcome';
import { RecentService } from './recent-service';
import { ResolvePanel } from './resolve-panel';

/** One request: what the resident asked, the record concerned, and the office's answer. */
export function CorrectionDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const user = useUser();
  const query = useApiQuery('corrections.get', { id }, api.corrections.get.query);
  const request = query.data;

  if (query.isPending) return <Loading />;
  if (!request) {
    return (
      <>
        <PageHeader
          breadcrumb={<Link href="/corrections">← {t('corrections.back')}</Link>}
          title={t('corrections.title')}
        />
        <ErrorNotice error={query.error} />
      </>
    );
  }
  const office = mayManage(user.role);

  return (
    <>
      <PageHeader
        breadcrumb={<Link href="/corrections">← {t('corrections.back')}</Link>}
        title={t('corrections.detailTitle', {
          kind: t(`corrections.kind.${request.kind}`),
          name: request.resident.name,
        })}
      />
      <div className="correction-columns">
        <div className="stack">
          <RequestCard request={request} />
          {request.record ? (
            <DisputedRecordCard request={request} />
          ) : (
            <MissingRecordCard request={request} />
          )}
        </div>
        <div className="stack">
          {request.resolution ? (
            <CorrectionOutcome request={request} />
          ) : office ? (
            <ResolvePanel request={request} onClosed={() => void query.refetch()} />
          ) : (
            <section className="card">
              <h2>{t('corrections.answerTitle')}</h2>
              <p className="muted">{t('corrections.readOnly')}</p>
            </section>
          )}
        </div>
      </div>
      {request.kind === 'missing_record' ? (
        <RecentService residentId={request.resident.id} />
      ) : null}
    </>
  );
}

function RequestCard({ request }: { request: CorrectionRequest }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="card" aria-labelledby="request-title">
      <h2 id="request-title">{t('corrections.requestTitle')}</h2>
      <dl className="details">
        <dt>{t('corrections.resident')}</dt>
        <dd>
          <strong>{request.resident.name}</strong>
          <span className="muted">
            {' '}
            · {t('corrections.card', { card: request.resident.cardNumber })}
          </span>
          <div>
            <Link href={`/residents/${request.resident.id}`}>{t('corrections.openResident')}</Link>
          </div>
        </dd>
        <dt>{t('corrections.request')}</dt>
        <dd className="row">
          <CorrectionKindBadge kind={request.kind} />
          <CorrectionStatusBadge status={request.status} />
        </dd>
        {request.proposedMinutes !== null ? (
          <>
            <dt>{t(`corrections.proposed.${request.kind}`)}</dt>
            <dd>{t('common.hours', { value: format.hours(request.proposedMinutes) })}</dd>
          </>
        ) : null}
        <dt>{t('corrections.reason')}</dt>
        {request.reason ? (
          <dd className="correction-quote">“{request.reason}”</dd>
        ) : (
          <dd className="muted">{t('corrections.noReason')}</dd>
        )}
        <dt>{t('corrections.raisedAt')}</dt>
        <dd>{format.dateTime(request.requestedAt)}</dd>
      </dl>
    </section>
  );
}

function DisputedRecordCard({ request }: { request: CorrectionRequest }) {
  const inLanguage = useLocalizedName();
  const { t } = useTranslation();
  const format = useFormat();
  const categoryLabel = useCategoryLabel();
  const record = request.record;
  if (!record) return null;
  return (
    <section className="card" aria-labelledby="record-title">
      <h2 id="record-title">{t('corrections.recordTitle')}</h2>
      <dl className="details">
        <dt>{t('corrections.activity')}</dt>
        <dd>
          {record.activity.title}
          <div className="muted">{categoryLabel(record.activity.category)}</div>
        </dd>
        <dt>{t('corrections.organization')}</dt>
        <dd>{inLanguage(record.organization.name)}</dd>
        <dt>{t('corrections.when')}</dt>
        <dd>{format.dateTime(record.startedAt)}</dd>
        <dt>{t('corrections.length')}</dt>
        <dd>
          {t('common.hours', { value: format.hours(record.minutes) })}
          {request.proposedMinutes !== null ? (
            <span className="correction-arrow">
              {' → '}
              {t('common.hours', { value: format.hours(request.proposedMinutes) })}
            </span>
          ) : null}
        </dd>
        <dt>{t('corrections.points')}</dt>
        <dd>{record.points === null ? '—' : format.number(record.points)}</dd>
      </dl>
    </section>
  );
}

function MissingRecordCard({ request }: { request: CorrectionRequest }) {
  const { t } = useTranslation();
  const format = useFormat();
  const localized = useLocalizedName();
  const open = request.status === 'open';
  const missing = request.missing;
  return (
    <section className="card" aria-labelledby="record-title">
      <h2 id="record-title">{t('corrections.recordMissingTitle')}</h2>
      {missing ? (
        <dl className="details">
          <dt>{t('corrections.activity')}</dt>
          <dd>{missing.activityTitle ?? t('corrections.activityNotNamed')}</dd>
          <dt>{t('corrections.organization')}</dt>
          <dd>{missing.organization ? localized(missing.organization.name) : '—'}</dd>
          <dt>{t('corrections.serviceDay')}</dt>
          <dd>{missing.serviceDate ? format.date(`${missing.serviceDate}T12:00:00Z`) : '—'}</dd>
        </dl>
      ) : null}
      <p className="muted">
        {open ? t('corrections.recordMissingText') : t('corrections.recordMissingAnswered')}
      </p>
    </section>
  );
}
