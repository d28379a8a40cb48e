import {
  type ActivityStatus,
  activityStatuses,
  type StaffActivity,
} from '@tally/domain/activities';
import { categoryIds } from '@tally/domain/categories';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import { useApi } from '../../api/api-context';
import { usePagedQuery } from '../../api/queries';
import { useCategoryLabel } from '../../i18n/category-label';
import { useLocalizedName } from '../../i18n/localized-name';
import { mayRunActivities } from '../../session/permissions';
import { useUser } from '../../session/session-context';
import { type DataColumn, DataTable } from '../../ui/data-table';
import { Field } from '../../ui/field';
import { PageHeader } from '../../ui/page-header';
import { Empty, ErrorNotice, Loading } from '../../ui/states';
import { OrganizationFilter } from '../organizations/organization-filter';
import { ActivityDialog } from './activity-dialog';
import {
  ActivityPhaseBadge,
  activityPhase,
  useActivityWhen,
  usePlacesWords,
} from './activity-labels';
import './activities.css';

type Filters = { status: ActivityStatus | ''; organizationId: string };

/** Every activity the reader may see, latest start first; leaders and the office draft new ones. */
export function ActivitiesPage() {
  const { t } = useTranslation();
  const api = useApi();
  const user = useUser();
  const [, navigate] = useLocation();
  const [filters, setFilters] = useState<Filters>({ status: '', organizationId: '' });
  // "?new=<category>" opens a new activity of that category (a topic's page asks for a meeting).
  const asked = new URLSearchParams(useSearch()).get('new');
  const newCategory = categoryIds.find((category) => category === asked);
  const [creating, setCreating] = useState(newCategory !== undefined);
  const [category, setCategory] = useState(newCategory);
  // The dialog is open: the address forgets the category, so a reload does not open it again.
  useEffect(() => {
    if (newCategory) navigate('/activities', { replace: true });
  }, [newCategory, navigate]);
  const activities = usePagedQuery(
    'activities.list',
    {
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.organizationId ? { organizationId: filters.organizationId } : {}),
      limit: 50,
    },
    api.activities.list.query,
  );
  const columns = useActivityColumns({
    showOrganization: !filters.organizationId && user.organizationIds.length !== 1,
  });
  const runs = mayRunActivities(user.role);

  return (
    <>
      <PageHeader
        title={t('activities.title')}
        description={t(runs ? 'activities.description' : 'activities.descriptionReader')}
        actions={
          runs ? (
            <button
              type="button"
              className="button button-primary"
              onClick={() => setCreating(true)}
            >
              {t('activities.create')}
            </button>
          ) : null
        }
      />
      <search className="filters card">
        <Field label={t('activities.statusLabel')}>
          {(control) => (
            <select
              {...control}
              className="select"
              value={filters.status}
              onChange={(event) =>
                setFilters({ ...filters, status: event.target.value as Filters['status'] })
              }
            >
              <option value="">{t('common.all')}</option>
              {activityStatuses.map((status) => (
                <option key={status} value={status}>
                  {t(`activities.status.${status}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <OrganizationFilter
          label={t('activities.organization')}
          allLabel={t('common.all')}
          organizationId={filters.organizationId}
          onChange={(organizationId) => setFilters({ ...filters, organizationId })}
        />
        {filters.status || filters.organizationId ? (
          <button
            type="button"
            className="button button-ghost"
            onClick={() => setFilters({ status: '', organizationId: '' })}
          >
            {t('common.clearFilters')}
          </button>
        ) : null}
      </search>
      <ErrorNotice error={activities.error} />
      {activities.isPending ? (
        <Loading />
      ) : activities.items.length === 0 ? (
        <Empty>{t('activities.none')}</Empty>
      ) : (
        <DataTable
          rows={activities.items}
          columns={columns}
          rowKey={(activity) => activity.id}
          className="activities-table"
          caption={t('activities.title')}
          search
          more={{
            hasMore: activities.hasNextPage,
            loading: activities.isFetchingNextPage,
            onLoad: () => void activities.fetchNextPage(),
          }}
        />
      )}
      {creating ? (
        <ActivityDialog
          {...(category ? { category } : {})}
          onClose={() => {
            setCreating(false);
            setCategory(undefined);
          }}
          onSaved={(activity) => navigate(`/activities/${activity.id}`)}
        />
      ) : null}
    </>
  );
}

function useActivityColumns({
  showOrganization,
}: {
  showOrganization: boolean;
}): DataColumn<StaffActivity>[] {
  const { t } = useTranslation();
  const inLanguage = useLocalizedName();
  const categoryLabel = useCategoryLabel();
  const when = useActivityWhen();
  const places = usePlacesWords();
  return [
    {
      id: 'title',
      className: 'long-text',
      header: t('activities.activity'),
      sortValue: (activity) => inLanguage(activity.title),
      searchText: (activity) => [
        inLanguage(activity.title),
        categoryLabel(activity.category),
        activity.place,
      ],
      cell: (activity) => (
        <>
          <Link href={`/activities/${activity.id}`} translate="no">
            <strong>{inLanguage(activity.title)}</strong>
          </Link>
          <div className="muted">
            {categoryLabel(activity.category)}
            {t('activities.separator')}
            <span translate="no">{activity.place}</span>
          </div>
        </>
      ),
    },
    ...(showOrganization
      ? [
          {
            id: 'organization',
            header: t('activities.organization'),
            sortValue: (activity: StaffActivity) => inLanguage(activity.organization.name),
            cell: (activity: StaffActivity) => inLanguage(activity.organization.name),
          },
        ]
      : []),
    {
      id: 'when',
      header: t('activities.whenLabel'),
      sortValue: (activity) => Date.parse(activity.startsAt),
      searchText: (activity) => when(activity),
      cell: (activity) => when(activity),
    },
    {
      id: 'places',
      header: t('activities.places'),
      sortValue: (activity) => activity.signedUp,
      cell: (activity) => places(activity),
    },
    {
      id: 'status',
      header: t('activities.statusLabel'),
      sortValue: (activity) => t(`activities.phase.${activityPhase(activity)}`),
      cell: (activity) => <ActivityPhaseBadge activity={activity} />,
    },
  ];
}
