import { inLanguage } from '@tally/domain/localized-text';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi, ResidentPoll, Voted, VoteRequest } from '../api/kiosk-client';
import { useConfirmedWrite } from '../api/use-confirmed-write';
import { useHoldIdle } from '../session/idle-hold';
import { BackIcon } from '../ui/icons';
import { useLanguage } from '../ui/use-language';
import { WriteStatus } from '../ui/write-status';

/** Refusals after which choosing again cannot help: the resident goes back to the votes. */
const settled = new Set(['ALREADY_VOTED', 'POLL_CLOSED', 'NOT_ELIGIBLE']);

/**
 * "You are voting for X. Confirm?" A vote is sent once under one idempotency key, made at the
 * confirming tap; a retry after a lost answer re-sends the same key, so it counts once.
 */
export function ConfirmVoteScreen({
  api,
  poll,
  optionId,
  onBack,
  onDone,
}: {
  api: KioskApi;
  poll: ResidentPoll;
  optionId: string;
  onBack: () => void;
  onDone: (result: Voted) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const send = useCallback(
    (input: VoteRequest, signal: AbortSignal) => api.vote.mutate(input, { signal }),
    [api],
  );
  const { state, confirm, locked } = useConfirmedWrite<Omit<VoteRequest, 'idempotencyKey'>, Voted>(
    send,
    { onDone },
  );
  useHoldIdle(state.status === 'sending');
  const option = poll.options.find((candidate) => candidate.id === optionId);
  const chosen = option ? inLanguage(option.text, language) : '';
  const refusedForGood = state.status === 'refused' && settled.has(state.failure.code ?? '');

  return (
    <section className="confirm-vote" aria-labelledby="confirm-vote-title">
      <h1 id="confirm-vote-title">{t('polls.confirmTitle')}</h1>
      <div className="summary">
        <p className="confirm-vote-question">{inLanguage(poll.question, language)}</p>
        <p className="summary-take">{t('polls.confirmText', { option: chosen })}</p>
        <p>{poll.secret ? t('polls.secret') : t('polls.open')}</p>
      </div>
      <WriteStatus state={state} />
      <div className="actions">
        <button
          type="button"
          className={`button ${refusedForGood ? 'button-primary button-huge' : 'button-secondary button-large'}`}
          onClick={onBack}
          disabled={locked}
        >
          <BackIcon />
          {refusedForGood ? t('polls.backToVotes') : t('polls.back')}
        </button>
        {!refusedForGood && (
          <button
            type="button"
            className="button button-primary button-huge"
            disabled={state.status === 'sending'}
            onClick={() => confirm({ pollId: poll.id, optionId })}
          >
            {state.status === 'unreachable' ? t('common.tryAgain') : t('polls.confirm')}
          </button>
        )}
      </div>
    </section>
  );
}
