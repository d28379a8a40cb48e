import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/queries';
import { useCategoryLabel } from '../../i18n/category-label';
import { useFormat } from '../../i18n/format';
import { startOfMonth } from '../../ui/dates';
import { PageHeader } from '../../ui/page-header';
import { Progress } from '../../ui/progress';
import { ErrorNotice, Loading } from '../../ui/states';
import { LOW_STOCK } from '../rewards/rewards-page';
import { useMonthService } from './month-service';

/**
 * The office's picture of the month. Derived from the list procedures for now: a dedicated
 * `insights.dashboard` would answer the same in one indexed query (see the README).
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const categoryLabel = useCategoryLabel();
  const monthStart = startOfMonth();
  const month = useMonthService(monthStart);
  const pending = useApiQuery(
    'service.list',
    { status: 'pending', limit: 100 },
    api.service.list.query,
  );
  const rewards = useApiQuery('rewards.list', undefined, () => api.rewards.list.query());
  const goals = useApiQuery('goals.list', { status: 'open' }, api.goals.list.query);
  const lowStock = (rewards.data ?? []).filter(
    (reward) => reward.active && reward.stock <= LOW_STOCK,
  );
  const waiting = pending.data?.items.length ?? 0;
  const figures = month.data;
  const busiestDay = Math.max(1, ...(figures?.byDay ?? [1]));
  const biggestCategory = Math.max(1, ...(figures?.byCategory.map((c) => c.minutes) ?? [1]));

  return (
    <>
      <PageHeader
        title={t('dashboard.title')}
        description={t('dashboard.month', {
          month: new Intl.DateTimeFormat(format.locale, { month: 'long', year: 'numeric' }).format(
            monthStart,
          ),
        })}
      />
      <ErrorNotice error={month.error ?? pending.error ?? rewards.error ?? goals.error} />
      <div className="stat-grid">
        <section className="card stat">
          <span className="stat-label">{t('dashboard.hours')}</span>
          <span className="stat-value">{figures ? format.hours(figures.minutes) : '…'}</span>
          <span className="muted">
            {figures ? t('dashboard.records', { count: figures.records }) : ''}
          </span>
        </section>
        <section className="card stat">
          <span className="stat-label">{t('dashboard.participants')}</span>
          <span className="stat-value">{figures ? format.number(figures.participants) : '…'}</span>
        </section>
        <section className="card stat">
          <span className="stat-label">{t('dashboard.waiting')}</span>
          <span className="stat-value">
            {pending.data ? `${format.number(waiting)}${pending.data.nextCursor ? '+' : ''}` : '…'}
          </span>
          <Link href="/approvals" className="stat-link">
            {t('dashboard.review')}
          </Link>
        </section>
        <section className="card stat">
          <span className="stat-label">{t('dashboard.lowStock')}</span>
          <span className="stat-value">{rewards.data ? format.number(lowStock.length) : '…'}</span>
          <Link href="/rewards" className="stat-link">
            {t('dashboard.catalog')}
          </Link>
        </section>
      </div>
      {figures?.truncated ? <p className="notice">{t('dashboard.truncated')}</p> : null}
      <div className="grid-2">
        <section className="card" aria-labelledby="by-day">
          <h2 id="by-day">{t('dashboard.byDay')}</h2>
          {!figures ? (
            <Loading />
          ) : (
            <figure className="chart" aria-label={t('dashboard.byDayLabel')}>
              <div className="bars">
                {figures.byDay.map((minutes, index) => (
                  <div
                    key={index}
                    className="bars-bar"
                    style={{ height: `${(minutes / busiestDay) * 100}%` }}
                    title={`${index + 1}: ${format.hours(minutes)} h`}
                  />
                ))}
              </div>
              <figcaption className="bars-axis">
                <span>1</span>
                <span>{Math.ceil(figures.byDay.length / 2)}</span>
                <span>{figures.byDay.length}</span>
              </figcaption>
            </figure>
          )}
        </section>
        <section className="card" aria-labelledby="by-category">
          <h2 id="by-category">{t('dashboard.byCategory')}</h2>
          {!figures ? (
            <Loading />
          ) : figures.byCategory.length === 0 ? (
            <p className="muted">{t('dashboard.noService')}</p>
          ) : (
            <ul className="hbars plain-list">
              {figures.byCategory.map(({ category, minutes }) => (
                <li key={category} className="hbar">
                  <span>{categoryLabel(category)}</span>
                  <span className="hbar-track" aria-hidden="true">
                    <span
                      className="hbar-fill"
                      style={{ width: `${(minutes / biggestCategory) * 100}%`, display: 'block' }}
                    />
                  </span>
                  <span className="number">
                    {t('common.hours', { value: format.hours(minutes) })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card stack-small" aria-labelledby="low-stock">
          <h2 id="low-stock">{t('dashboard.lowStockTitle')}</h2>
          {lowStock.length === 0 ? (
            <p className="muted">{t('dashboard.stockFine')}</p>
          ) : (
            <ul className="plain-list stack-small">
              {lowStock.map((reward) => (
                <li key={reward.id} className="row-between">
                  <span>{reward.name}</span>
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
                  <span>{goal.title}</span>
                  <span className="muted">
                    {format.number(goal.raisedPoints)} / {format.number(goal.targetPoints)}
                  </span>
                </div>
                <Progress label={goal.title} value={goal.raisedPoints / goal.targetPoints} />
              </div>
            ))
          )}
        </section>
      </div>
    </>
  );
}
