import { type TopicStatus, type TopicSummary, topicStatuses } from '@tally/domain/deliberation';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import { useApi } from '../../api/api-context';
import { useApiQuery, usePagedQuery } from '../../api/queries';
import { useBuildingLabel, useFormat } from '../../i18n/format';
import { mayManage, readsOnly } from '../../session/permissions';
import { useUser } from '../../session/session-context';
import { Badge } from '../../ui/badge';
import { type DataColumn, DataTable } from '../../ui/data-table';
import { PageHeader } from '../../ui/page-header';
import { Empty, ErrorNotice, Loading } from '../../ui/states';
import { RaiseTopicDialog } from './raise-topic-dialog';
import {
  ActorName,
  OverdueBadge,
  TopicStatusBadge,
  TopicTitle,
  useTopicTitle,
} from './topic-labels';
import './topics.css';

/** A tab of the list: every topic, one stage, or the decided ones past their "by when". */
export type TopicTab = 'all' | TopicStatus | 'overdue';
const tabs: TopicTab[] = ['all', ...topicStatuses, 'overdue'];

function tabOf(search: string): TopicTab {
  const stage = new URLSearchParams(search).get('stage');
  return tabs.find((tab) => tab === stage) ?? 'all';
}

/** The community's topics by stage, the overdue ones counted for the office to see. */
export function TopicsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const user = useUser();
  const [, navigate] = useLocation();
  const tab = tabOf(useSearch());
  const [raising, setRaising] = useState(false);
  const topics = usePagedQuery(
    'topics.list',
    {
      ...(tab === 'overdue' ? { overdue: true } : tab === 'all' ? {} : { status: tab }),
      limit: 50,
    },
    api.topics.list.query,
  );
  // The same question as the menu's count asks, so both answer from one cache entry.
  const overdue = useApiQuery('topics.list', { overdue: true, limit: 100 }, api.topics.list.query, {
    staleTime: 30_000,
  });
  const overdueCount = overdue.data?.items.length ?? 0;
  const columns = useTopicColumns();
  const office = mayManage(user.role);
  // The office and leaders raise topics (for themselves or a resident); auditors and the street read.
  const mayRaise = !readsOnly(user.role);

  return (
    <>
      <PageHeader
        title={t('topics.title')}
        description={t(office ? 'topics.description' : 'topics.descriptionReader')}
        actions={
          mayRaise ? (
            <button
              type="button"
              className="button button-primary"
              onClick={() => setRaising(true)}
            >
              {t('topics.raise')}
            </button>
          ) : null
        }
      />
      <nav className="topic-tabs" aria-label={t('topics.stagesLabel')}>
        {tabs.map((each) => (
          <Link
            key={each}
            href={each === 'all' ? '/topics' : `/topics?stage=${each}`}
            className={each === tab ? 'topic-tab topic-tab-on' : 'topic-tab'}
            aria-current={each === tab ? 'page' : undefined}
          >
            {each === 'all'
              ? t('topics.all')
              : each === 'overdue'
                ? t('topics.overdue')
                : t(`topics.status.${each}`)}
            {each === 'overdue' && overdueCount > 0 ? (
              <Badge tone="danger">
                <span data-testid="overdue-count">{overdueCount}</span>
              </Badge>
            ) : null}
          </Link>
        ))}
      </nav>
      {tab === 'overdue' ? <p className="muted">{t('topics.overdueHint')}</p> : null}
      <ErrorNotice error={topics.error} />
      {topics.isPending ? (
        <Loading />
      ) : topics.items.length === 0 ? (
        topics.error ? null : (
          <Empty>{tab === 'overdue' ? t('topics.noneOverdue') : t('topics.none')}</Empty>
        )
      ) : (
        <DataTable
          rows={topics.items}
          columns={columns}
          rowKey={(topic) => topic.id}
          className="topics-table"
          caption={t('topics.title')}
          search
          more={{
            hasMore: topics.hasNextPage,
            loading: topics.isFetchingNextPage,
            onLoad: () => void topics.fetchNextPage(),
          }}
        />
      )}
      {raising ? (
        <RaiseTopicDialog
          onClose={() => setRaising(false)}
          onRaised={(id) => navigate(`/topics/${id}`)}
        />
      ) : null}
    </>
  );
}

function useTopicColumns(): DataColumn<TopicSummary>[] {
  const { t } = useTranslation();
  const format = useFormat();
  const title = useTopicTitle();
  // A place chosen at the kiosk is a building ("3"): said as one ("Bldg 3", "3号楼").
  const placeLabel = useBuildingLabel();
  return [
    {
      id: 'topic',
      className: 'long-text',
      header: t('topics.columns.topic'),
      sortValue: (topic) => title(topic),
      cell: (topic) => (
        <>
          <Link href={`/topics/${topic.id}`}>
            <strong>
              <TopicTitle topic={topic} />
            </strong>
          </Link>
          {topic.openPoll ? (
            <div>
              <Badge tone="info">{t('topics.pollOpen')}</Badge>
            </div>
          ) : null}
        </>
      ),
    },
    {
      id: 'place',
      header: t('topics.columns.place'),
      sortValue: (topic) => placeLabel(topic.place),
      cell: (topic) => <span translate="no">{placeLabel(topic.place)}</span>,
    },
    {
      id: 'stage',
      header: t('topics.columns.stage'),
      sortValue: (topic) => t(`topics.status.${topic.status}`),
      cell: (topic) => (
        <span className="row topic-stage">
          <TopicStatusBadge status={topic.status} />
          {topic.overdue ? <OverdueBadge /> : null}
        </span>
      ),
    },
    {
      id: 'supporters',
      className: 'number',
      header: t('topics.columns.supporters'),
      sortValue: (topic) => topic.supporters,
      cell: (topic) => format.number(topic.supporters),
    },
    {
      id: 'raisedBy',
      header: t('topics.columns.raisedBy'),
      sortValue: (topic) => topic.raisedBy.name,
      cell: (topic) => <ActorName actor={topic.raisedBy} />,
    },
    {
      id: 'raisedAt',
      className: 'nowrap',
      header: t('topics.columns.raisedAt'),
      sortValue: (topic) => Date.parse(topic.raisedAt),
      cell: (topic) => format.date(topic.raisedAt),
    },
  ];
}
