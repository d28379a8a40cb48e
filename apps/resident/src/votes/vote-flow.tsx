import { inLanguage } from '@tally/domain/localized-text';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResidentPoll, VoteOutput } from '../api/me-types';
import { useAction } from '../api/use-action';
import type { ScreenProps } from '../routed-screen';
import { NamedText } from '../ui/named-text';
import { ActionProblem } from '../ui/status';
import { useLanguage } from '../ui/use-language';
import { PollHeading } from './poll-heading';
import { myVoteText, optionText } from './vote-words';

/**
 * Voting in one poll: the options as big radio choices, a confirm that says what follows
 * (secret, changeable or final), then the answer. The write keeps its idempotency key until the
 * service answers, so a retry after no answer never votes twice.
 */
export function VoteFlow({
  api,
  session,
  poll,
  onBack,
  onDone,
}: ScreenProps & { poll: ResidentPoll; onBack: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [choice, setChoice] = useState<string | null>(poll.myOptionId);
  const [confirming, setConfirming] = useState(false);
  const [missing, setMissing] = useState(false);
  const action = useAction<VoteOutput>();

  if (action.state.status === 'done') {
    const answer = action.state.result;
    return (
      <section className="stack" aria-live="polite">
        <PollHeading poll={poll} />
        <h1>{answer.changed ? t('votes.changed') : t('votes.counted')}</h1>
        <p className="notice notice-success" data-testid="vote-answer">
          ✓ {myVoteText(t, poll, answer.optionId, language)}
        </p>
        <button type="button" className="button button-primary button-wide" onClick={onDone}>
          {t('common.done')}
        </button>
      </section>
    );
  }

  const back = () => {
    action.reset();
    if (confirming) setConfirming(false);
    else onBack();
  };
  const actingFor = session.asProxy ? session.actingFor?.displayName : null;

  return (
    <section className="stack">
      <button
        type="button"
        className="button button-quiet"
        style={{ alignSelf: 'flex-start' }}
        onClick={back}
      >
        ‹ {t('common.back')}
      </button>
      <PollHeading poll={poll} />
      {confirming ? (
        <>
          <h1>{t('votes.confirmTitle')}</h1>
          <p className="big-choice">
            {t('votes.confirmText', { option: optionText(poll, choice, language) })}
          </p>
          {actingFor && (
            <p>
              <NamedText text={t('votes.confirmFor', { name: actingFor })} names={[actingFor]} />
            </p>
          )}
          <p className="notice notice-info">
            {poll.secret
              ? t('votes.confirmSecret')
              : poll.changeable
                ? t('votes.confirmChangeable')
                : t('votes.confirmFinal')}
          </p>
          <ActionProblem state={action.state} />
          <button
            type="button"
            className="button button-primary button-wide"
            disabled={action.sending || choice === null}
            onClick={() =>
              choice &&
              action.run((idempotencyKey) =>
                api.vote.mutate({ idempotencyKey, pollId: poll.id, optionId: choice }),
              )
            }
          >
            {action.sending ? t('common.sending') : t('votes.cast')}
          </button>
        </>
      ) : (
        <>
          <fieldset className="radio-choices">
            <legend>
              <h1>{t('votes.choose')}</h1>
            </legend>
            {poll.options.map((option) => (
              <label key={option.id} className="radio-choice">
                <input
                  type="radio"
                  name={`poll-${poll.id}`}
                  value={option.id}
                  checked={choice === option.id}
                  onChange={() => {
                    setChoice(option.id);
                    setMissing(false);
                  }}
                />
                <span>{inLanguage(option.text, language)}</span>
              </label>
            ))}
          </fieldset>
          {missing && (
            <p className="notice notice-error" role="alert">
              {t('votes.needChoice')}
            </p>
          )}
          <button
            type="button"
            className="button button-primary button-wide"
            onClick={() => (choice ? setConfirming(true) : setMissing(true))}
          >
            {t('votes.continue')}
          </button>
        </>
      )}
    </section>
  );
}
