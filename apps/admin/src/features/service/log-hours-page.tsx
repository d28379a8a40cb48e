import type { LocalizedText } from '@tally/domain/localized-text';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearch } from 'wouter';
import { useApi } from '../../api/api-context';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { useLocalizedName } from '../../i18n/localized-name';
import { Field } from '../../ui/field';
import { PageHeader } from '../../ui/page-header';
import { ErrorNotice, Loading } from '../../ui/states';
import { ActivityFields, DurationFields } from './activity-fields';
import { durationMinutes } from './activity-form';
import {
  isInFuture,
  type LogHoursErrors,
  type LogHoursValues,
  lastFullHour,
  toLogServiceInput,
  validateLogHours,
} from './log-hours-form';
import { MemberPicker } from './member-picker';
import { useAllMembers } from './use-all-members';

function emptyValues(organizationId: string): LogHoursValues {
  return {
    organizationId,
    title: '',
    category: '',
    place: '',
    ...lastFullHour(),
    hours: '2',
    minutes: '0',
    note: '',
    residentIds: [],
  };
}

/** One activity, many members: a whole sign-in sheet becomes pending records in one call. */
export function LogHoursPage() {
  const { t } = useTranslation();
  const api = useApi();
  const search = new URLSearchParams(useSearch());
  const organizations = useApiQuery('organizations.list', undefined, () =>
    api.organizations.list.query(),
  );
  const list = organizations.data ?? [];
  const wanted = search.get('organization') ?? '';
  const initialOrganization =
    list.find((organization) => organization.id === wanted)?.id ??
    (list.length === 1 ? (list[0]?.id ?? '') : '');

  return (
    <>
      <PageHeader title={t('logHours.title')} description={t('logHours.description')} />
      <ErrorNotice error={organizations.error} />
      {organizations.isPending ? (
        <Loading />
      ) : (
        <LogHoursForm
          key={initialOrganization}
          organizations={list}
          initialOrganization={initialOrganization}
        />
      )}
    </>
  );
}

type Logged = { count: number; title: string; organizationId: string };

function LogHoursForm({
  organizations,
  initialOrganization,
}: {
  organizations: { id: string; name: LocalizedText }[];
  initialOrganization: string;
}) {
  const inLanguage = useLocalizedName();
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const [values, setValues] = useState(() => emptyValues(initialOrganization));
  const [errors, setErrors] = useState<LogHoursErrors>({});
  const [logged, setLogged] = useState<Logged | null>(null);
  const members = useAllMembers(values.organizationId);
  const log = useApiMutation(api.service.log.mutate, {
    invalidates: ['service.list'],
    onSuccess: (result) => {
      setLogged({
        count: result.records.length,
        title: values.title.trim(),
        organizationId: values.organizationId,
      });
      setValues(emptyValues(values.organizationId));
      setErrors({});
    },
  });
  const set = <K extends keyof LogHoursValues>(field: K, value: LogHoursValues[K]) =>
    setValues((current) => ({ ...current, [field]: value }));
  const error = (field: keyof LogHoursErrors) =>
    errors[field] ? t(`logHours.errors.${errors[field]}`) : undefined;
  const minutes = durationMinutes(values);

  if (logged) {
    return (
      <section className="card stack" aria-live="polite">
        <h2>{t('logHours.loggedTitle')}</h2>
        <p className="notice notice-success">
          {t('logHours.logged', { count: logged.count, title: logged.title })}
        </p>
        <div className="row">
          <button type="button" className="button button-primary" onClick={() => setLogged(null)}>
            {t('logHours.logAnother')}
          </button>
          <Link href={`/records?organization=${logged.organizationId}`} className="button">
            {t('logHours.seeRecords')}
          </Link>
        </div>
      </section>
    );
  }

  return (
    <form
      className="stack"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const found = validateLogHours(values);
        setErrors(found);
        if (Object.keys(found).length > 0) return;
        log.mutate(toLogServiceInput(values));
      }}
    >
      <section className="card stack">
        <h2>{t('logHours.activity')}</h2>
        <div className="form-grid">
          <Field label={t('logHours.organization')} error={error('organizationId')}>
            {(control) => (
              <select
                {...control}
                className="select"
                value={values.organizationId}
                onChange={(event) => {
                  set('organizationId', event.target.value);
                  set('residentIds', []);
                }}
              >
                <option value="">{t('logHours.chooseOrganization')}</option>
                {organizations.map((organization) => (
                  <option key={organization.id} value={organization.id}>
                    {inLanguage(organization.name)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <ActivityFields values={values} set={set} error={error} />
          <DurationFields
            legend={t('logHours.duration')}
            values={values}
            set={set}
            error={error('duration')}
            hint={
              minutes > 0 ? t('logHours.durationTotal', { hours: format.hours(minutes) }) : null
            }
          />
          <Field label={t('logHours.note')} hint={t('logHours.noteHint')}>
            {(control) => (
              <input
                {...control}
                className="input"
                maxLength={1000}
                value={values.note}
                onChange={(event) => set('note', event.target.value)}
              />
            )}
          </Field>
        </div>
        {isInFuture(values) ? (
          <p className="notice notice-warning">{t('logHours.futureWarning')}</p>
        ) : null}
      </section>
      <section className="card stack">
        {values.organizationId === '' ? (
          <p className="muted">{t('logHours.pickOrganizationFirst')}</p>
        ) : members.isPending ? (
          <Loading />
        ) : (
          <MemberPicker
            members={members.data ?? []}
            selected={values.residentIds}
            onChange={(ids) => set('residentIds', ids)}
            error={error('residentIds')}
          />
        )}
        <ErrorNotice error={members.error} />
      </section>
      <ErrorNotice error={log.error} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={log.isPending}>
          {log.isPending
            ? t('common.saving')
            : t('logHours.submit', { count: values.residentIds.length })}
        </button>
      </div>
    </form>
  );
}
