import { inLanguage } from '@tally/domain/localized-text';
import { useTranslation } from 'react-i18next';
import type { ResidentPoll, Voted } from '../api/kiosk-client';
import { CheckIcon } from '../ui/icons';
import { useLanguage } from '../ui/use-language';

/**
 * The vote is in. An open ballot says what was chosen; a secret ballot's answer does not carry
 * the choice (`optionId` is null), and the screen never repeats it either.
 */
export function VotedScreen({
  poll,
  optionId,
  result,
  onDone,
}: {
  poll: ResidentPoll;
  optionId: string;
  result: Voted;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (poll.secret) return <Thanks poll={poll} words={t('polls.votedSecretText')} onDone={onDone} />;
  const option = poll.options.find((candidate) => candidate.id === (result.optionId ?? optionId));
  const chosen = option ? inLanguage(option.text, language) : '';
  const words = result.changed
    ? t('polls.changedText', { option: chosen })
    : t('polls.votedOpenText', { option: chosen });
  return <Thanks poll={poll} words={words} onDone={onDone} />;
}

function Thanks({
  poll,
  words,
  onDone,
}: {
  poll: ResidentPoll;
  words: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section className="matter-done" aria-labelledby="voted-title">
      <h1 id="voted-title">
        <CheckIcon className="icon icon-success" />
        {t('polls.votedTitle')}
      </h1>
      <p className="confirm-vote-question">{inLanguage(poll.question, language)}</p>
      <p className="matter-done-text">{words}</p>
      {!poll.secret && poll.changeable && <p className="lead">{t('polls.changeable')}</p>}
      <div className="actions">
        <button type="button" className="button button-primary button-huge" onClick={onDone}>
          {t('polls.backToVotes')}
        </button>
      </div>
    </section>
  );
}
