import { LOW_STOCK_AT_MOST } from '@tally/domain/insights';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { useLocalizedName } from '../../i18n/localized-name';
import { PageHeader } from '../../ui/page-header';
import { Progress } from '../../ui/progress';
import { ErrorNotice, Loading } from '../../ui/states';
import { CategoryBars } from './category-bars';
import { DayChart } from './day-chart';

/** The office's picture of the month, from one indexed call (`insights.dashboard`). */
export function DashboardPage() {
  const inLanguage = useLocalizedName();
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const dashboard = useApiQuery('insights.dashboard', undefined, () =>
    api.insights.dashboard.query(),
  );
  const goals = useApiQuery('goals.list', { status: 'open' }, api.goals.list.query);
  const figures = dashboard.data;
  // A figure, or an ellipsis while it loads (the cards keep their place).
  const shown = (value: (f: NonNullable<typeof figures>) => string) =>
    figures ? value(figures) : '…';
  // Early in a month the figures cover the last 30 days, and say so.
  const recent = figures?.period.kind === 'recentDays';
  const days = figures?.period.days;

  return (
    <>
      <PageHeader
        title={t('dashboard.title')}
        description={
          !figures
            ? undefined
            : recent
              ? t('dashboard.recentDays', {
                  days,
                  from: format.calendarDay(figures.period.from),
                  to: format.calendarDay(figures.period.to),
                })
              : t('dashboard.month', { month: format.calendarMonth(figures.month) })
        }
      />
      <ErrorNotice error={dashboard.error ?? goals.error} />
      <div className="stat-grid">
        <section className="card stat">
          <span className="stat-label">
            {recent ? t('dashboard.hoursRecent', { days }) : t('dashboard.hours')}
          </span>
          <span className="stat-value">{shown((f) => format.hours(f.approvedMinutes))}</span>
          <span className="muted">
            {recent ? t('dashboard.hoursHintRecent') : t('dashboard.hoursHint')}
          </span>
        </section>
        <section className="card stat">
          <span className="stat-label">{t('dashboard.participants')}</span>
          <span className="stat-value">{shown((f) => format.number(f.participants))}</span>
          <span className="muted">
            {figures
              ? t('dashboard.newParticipants', {
                  count: figures.newParticipants,
                  formatted: format.number(figures.newParticipants),
                })
              : ''}
          </span>
        </section>
        <section className="card stat">
          <span className="stat-label">{t('dashboard.waiting')}</span>
          <span className="stat-value">{shown((f) => format.number(f.pendingApprovals))}</span>
          <Link href="/approvals" className="stat-link">
            {t('dashboard.review')}
          </Link>
        </section>
        <section className="card stat">
          <span className="stat-label">{t('dashboard.lowStock')}</span>
          <span className="stat-value">
            {shown((f) => format.number(f.lowStockRewards.length))}
          </span>
          <Link href="/rewards" className="stat-link">
            {t('dashboard.catalog')}
          </Link>
        </section>
      </div>
      <section className="card stack-small" aria-labelledby="by-day">
        <div className="row-between">
          <h2 id="by-day">{t('dashboard.byDay')}</h2>
          <span className="muted">{t('dashboard.byDayHint')}</span>
        </div>
        {figures ? <DayChart days={figures.minutesByDay} /> : <Loading />}
      </section>
      <div className="grid-3">
        <section className="card" aria-labelledby="by-category">
          <h2 id="by-category">
            {recent ? t('dashboard.byCategoryRecent', { days }) : t('dashboard.byCategory')}
          </h2>
          {!figures ? (
            <Loading />
          ) : figures.approvedMinutes === 0 ? (
            <p className="muted">
              {recent ? t('dashboard.noServiceRecent', { days }) : t('dashboard.noService')}
            </p>
          ) : (
            <CategoryBars categories={figures.minutesByCategory} />
          )}
        </section>
        <section className="card stack-small" aria-labelledby="low-stock">
          <h2 id="low-stock">{t('dashboard.lowStockTitle')}</h2>
          {!figures ? (
            <Loading />
          ) : figures.lowStockRewards.length === 0 ? (
            <p className="muted">{t('dashboard.stockFine', { count: LOW_STOCK_AT_MOST })}</p>
          ) : (
            <ul className="plain-list stack-small">
              {figures.lowStockRewards.map((reward) => (
                <li key={reward.id} className="low-stock-item">
                  <span>{inLanguage(reward.name)}</span>
                  <span
                    className={reward.stock === 0 ? 'badge badge-danger' : 'badge badge-warning'}
                  >
                    {t('dashboard.left', { count: reward.stock })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card stack-small" aria-labelledby="goals">
          <h2 id="goals">{t('nav.goals')}</h2>
          {(goals.data ?? []).length === 0 ? (
            <p className="muted">{t('goals.none')}</p>
          ) : (
            (goals.data ?? []).map((goal) => (
              <div key={goal.id} className="stack-small">
                <div className="row-between">
                  <span>{inLanguage(goal.title)}</span>
                  <span className="muted nowrap">
                    {format.number(goal.raisedPoints)} / {format.number(goal.targetPoints)}
                  </span>
                </div>
                <Progress
                  label={t('goals.progressLabel', { title: inLanguage(goal.title) })}
                  value={goal.raisedPoints / goal.targetPoints}
                />
              </div>
            ))
          )}
        </section>
      </div>
    </>
  );
}
