import type { PollResults, PollState } from '@tally/domain/deliberation';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { useLocalizedName } from '../../i18n/localized-name';
import { Badge, type Tone } from '../../ui/badge';
import { ConfirmActions, Dialog } from '../../ui/dialog';
import { ErrorNotice, Loading } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { type GroupDimension, useGroupLabels } from '../reports/group-labels';
import { cellText, shareText } from '../reports/report-cells';
import { useEligibilityWords } from './topic-labels';
import { TOPIC_QUERIES, usePollResults } from './use-topic';

const stateTones: Record<PollState, Tone> = {
  scheduled: 'neutral',
  open: 'info',
  closed: 'success',
};

export function PollStateBadge({ state }: { state: PollState }) {
  const { t } = useTranslation();
  return <Badge tone={stateTones[state]}>{t(`topics.results.state.${state}`)}</Badge>;
}

/**
 * One poll: its question, who may vote and when, and how many have voted; the counts per option
 * and turnout by group only once it has closed. The office may close it early.
 */
export function PollCard({ pollId, office }: { pollId: string; office: boolean }) {
  const { t } = useTranslation();
  const inLanguage = useLocalizedName();
  const format = useFormat();
  const eligibility = useEligibilityWords();
  const results = usePollResults(pollId);
  const [closing, setClosing] = useState(false);
  if (results.isPending) return <Loading />;
  if (!results.data) return <ErrorNotice error={results.error} />;
  const { poll, counts, turnout, eligible, voters } = results.data;
  const headingId = `poll-${poll.id}`;

  return (
    <section className="card stack poll-card" aria-labelledby={headingId}>
      <div className="row-between">
        <h3 id={headingId} translate="no">
          {inLanguage(poll.question)}
        </h3>
        <PollStateBadge state={poll.state} />
      </div>
      <p className="muted">
        {t('topics.results.when', {
          opens: format.dateTime(poll.opensAt),
          closes: format.dateTime(poll.closesAt),
        })}
        {t('topics.separator')}
        {poll.secret ? t('topics.results.secret') : t('topics.results.open')}
        {!poll.secret && poll.changeable
          ? `${t('topics.separator')}${t('topics.results.changeable')}`
          : ''}
        {t('topics.separator')}
        {t('topics.results.who')}
        {t('topics.colon')}
        {eligibility(poll.eligibility)}
      </p>
      <p data-testid="poll-turnout">
        {counts
          ? t('topics.results.turnout', {
              voters: format.number(voters),
              eligible: format.number(eligible),
            })
          : t('topics.results.votersSoFar', { count: voters, formatted: format.number(voters) })}
      </p>
      {counts && turnout ? (
        <>
          <OptionCounts results={results.data} counts={counts} />
          <div className="poll-turnout">
            <TurnoutTable
              title={t('topics.results.byAgeBand')}
              dimension="age_band"
              rows={turnout.byAgeBand}
            />
            <TurnoutTable
              title={t('topics.results.byBuilding')}
              dimension="building"
              rows={turnout.byBuilding}
            />
          </div>
          <p className="field-hint">{t('topics.results.suppressed')}</p>
        </>
      ) : (
        <p className="notice" data-testid="poll-after-close">
          {t('topics.results.afterClose')}
        </p>
      )}
      {office && poll.state !== 'closed' ? (
        <div>
          <button type="button" className="button" onClick={() => setClosing(true)}>
            {t('topics.results.close')}
          </button>
        </div>
      ) : null}
      {closing ? <ClosePollDialog pollId={poll.id} onClose={() => setClosing(false)} /> : null}
    </section>
  );
}

type Counts = NonNullable<PollResults['counts']>;

/** Votes per option as bars with their numbers, in the order the options were given. */
function OptionCounts({ results, counts }: { results: PollResults; counts: Counts }) {
  const { t } = useTranslation();
  const inLanguage = useLocalizedName();
  const format = useFormat();
  const votes = new Map(counts.map((count) => [count.optionId, count.votes]));
  const most = Math.max(1, ...counts.map((count) => count.votes));
  return (
    <figure className="stack-small poll-counts">
      <figcaption className="field-label">{t('topics.results.counts')}</figcaption>
      <ul className="hbars plain-list" aria-label={t('topics.results.counts')}>
        {results.poll.options.map((option) => {
          const count = votes.get(option.id) ?? 0;
          return (
            <li key={option.id} className="hbar">
              <span translate="no">{inLanguage(option.text)}</span>
              <span className="hbar-track" aria-hidden="true">
                <span className="hbar-fill" style={{ width: `${(count / most) * 100}%` }} />
              </span>
              <span className="number" data-testid="option-votes">
                {t('topics.results.votes', { count, formatted: format.number(count) })}
              </span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}

/** Turnout of one grouping: eligible, voted and the rate, "<5" cells shown as the service gave them. */
function TurnoutTable({
  title,
  dimension,
  rows,
}: {
  title: string;
  dimension: GroupDimension;
  rows: NonNullable<PollResults['turnout']>['byAgeBand'];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const groups = useGroupLabels();
  return (
    // Focusable, so a table wider than the card can be scrolled from the keyboard too.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus
    <section className="table-wrap" tabIndex={0} aria-label={title}>
      <table className="table">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('topics.results.group')}</th>
            <th scope="col" className="number">
              {t('topics.results.eligible')}
            </th>
            <th scope="col" className="number">
              {t('topics.results.voters')}
            </th>
            <th scope="col" className="number">
              {t('topics.results.rate')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.group}>
              <th scope="row">{groups.name(dimension, row.group)}</th>
              <td className="number">{cellText(row.eligible, format.number)}</td>
              <td className="number">{cellText(row.voters, format.number)}</td>
              <td className="number">{shareText(row.rate, format.percent)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ClosePollDialog({ pollId, onClose }: { pollId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const close = useApiMutation(api.polls.close.mutate, {
    invalidates: TOPIC_QUERIES,
    onSuccess: () => {
      toast(t('topics.results.closed'));
      onClose();
    },
  });
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('topics.results.closeTitle')}
      footer={
        <ConfirmActions
          onCancel={onClose}
          onConfirm={() => close.mutate({ id: pollId })}
          pending={close.isPending}
          label={t('topics.results.close')}
          danger
        />
      }
    >
      <p>{t('topics.results.closeBody')}</p>
      <ErrorNotice error={close.error} />
    </Dialog>
  );
}
