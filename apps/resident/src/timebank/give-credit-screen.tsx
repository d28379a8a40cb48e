import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreditRecipient, GiveCreditOutput } from '../api/me-types';
import { useAction } from '../api/use-action';
import { useLoad } from '../api/use-load';
import type { ScreenProps } from '../routed-screen';
import { pathOf } from '../router/routes';
import { NamedText } from '../ui/named-text';
import { ScreenTitle } from '../ui/screen-title';
import { ActionProblem, Failure, Loading } from '../ui/status';
import { durationText, giftChoices, stepGift } from './timebank-words';

/** Whom a gift goes to: a family member from the balance's list, or the care pool. */
type Recipient = { pool: true } | ({ pool: false } & CreditRecipient);

/**
 * Giving time credit to a family member or to the care pool: whom and how much by taps, then a
 * confirm. Only the resident themself may give; acting for someone, the page says so instead.
 */
export function GiveCreditScreen({ api, session }: ScreenProps) {
  const { t } = useTranslation();
  const balance = useLoad('timebank.balance', () => api.timebank.balance.query());
  const [to, setTo] = useState<Recipient>({ pool: true });
  const [minutes, setMinutes] = useState(30);
  const [confirming, setConfirming] = useState(false);
  const action = useAction<GiveCreditOutput>();
  const credit = balance.data;
  const title = (
    <ScreenTitle title={t('timebank.give')} back={pathOf({ name: 'timeBank' })}>
      <p className="muted">{t('timebank.giveIntro')}</p>
    </ScreenTitle>
  );

  if (session.asProxy) {
    const name = session.actingFor?.displayName ?? '';
    return (
      <section className="stack">
        {title}
        <p className="notice notice-info" data-testid="proxy-cannot-give">
          <NamedText text={t('timebank.proxyCannotGive', { name })} names={[name]} />
        </p>
      </section>
    );
  }

  if (action.state.status === 'done')
    return (
      <section className="stack" aria-live="polite">
        <h1>{t('timebank.gaveTitle')}</h1>
        <p data-testid="credit-after">
          {t('timebank.gaveText', { time: durationText(t, action.state.result.creditAfter) })}
        </p>
        <button
          type="button"
          className="button button-primary button-wide"
          onClick={() => {
            action.reset();
            setConfirming(false);
            balance.reload();
          }}
        >
          {t('common.done')}
        </button>
      </section>
    );

  if (!credit)
    return (
      <section className="stack">
        {title}
        {balance.loading && <Loading />}
        {balance.error != null && <Failure error={balance.error} onRetry={balance.reload} />}
      </section>
    );

  const toName = to.pool ? t('timebank.toPool') : to.name;
  if (confirming)
    return (
      <section className="stack">
        <h1>{t('timebank.giveConfirmTitle')}</h1>
        <p>
          <NamedText
            text={t('timebank.giveConfirmText', { time: durationText(t, minutes), to: toName })}
            names={to.pool ? [] : [to.name]}
          />
        </p>
        <p>{t('timebank.giveAfter', { time: durationText(t, credit.balance - minutes) })}</p>
        <ActionProblem state={action.state} />
        <button
          type="button"
          className="button button-primary button-wide"
          disabled={action.sending}
          onClick={() =>
            action.run((idempotencyKey) =>
              api.timebank.give.mutate({
                idempotencyKey,
                minutes,
                ...(to.pool ? { toPool: true } : { toResidentId: to.residentId }),
              }),
            )
          }
        >
          {action.sending
            ? t('common.sending')
            : t('timebank.giveYes', { time: durationText(t, minutes) })}
        </button>
        <button
          type="button"
          className="button button-quiet button-wide"
          onClick={() => {
            action.reset();
            setConfirming(false);
          }}
        >
          {t('common.back')}
        </button>
      </section>
    );

  return (
    <section className="stack">
      {title}
      <p className="field-label" data-testid="give-balance">
        {t('timebank.youHave', { time: durationText(t, credit.balance) })}
      </p>
      {credit.balance < 1 ? (
        <p className="muted">{t('timebank.nothingToGive')}</p>
      ) : (
        <>
          <fieldset className="radio-choices">
            <legend className="field-label">{t('timebank.giveTo')}</legend>
            <label className="radio-choice">
              <input
                type="radio"
                name="give-to"
                checked={to.pool}
                onChange={() => setTo({ pool: true })}
              />
              {t('timebank.toPool')}
            </label>
            {credit.recipients.map((recipient) => (
              <label key={recipient.residentId} className="radio-choice">
                <input
                  type="radio"
                  name="give-to"
                  checked={!to.pool && to.residentId === recipient.residentId}
                  onChange={() => setTo({ pool: false, ...recipient })}
                />
                <span translate="no">{recipient.name}</span>
              </label>
            ))}
          </fieldset>
          {credit.recipients.length === 0 && <p className="muted">{t('timebank.noFamily')}</p>}
          <fieldset className="stack bare">
            <legend className="field-label">{t('timebank.giveAmount')}</legend>
            <div className="actions">
              {giftChoices(credit.balance).map((choice) => (
                <button
                  key={choice}
                  type="button"
                  className="button button-secondary"
                  aria-pressed={minutes === choice}
                  onClick={() => setMinutes(choice)}
                >
                  {durationText(t, choice)}
                </button>
              ))}
            </div>
            <div className="stepper">
              <button
                type="button"
                className="button button-secondary"
                aria-label={t('timebank.giveLess')}
                onClick={() => setMinutes(stepGift(minutes, -1, credit.balance))}
              >
                −
              </button>
              <output className="stepper-value" aria-live="polite">
                {durationText(t, minutes)}
              </output>
              <button
                type="button"
                className="button button-secondary"
                aria-label={t('timebank.giveMore')}
                onClick={() => setMinutes(stepGift(minutes, 1, credit.balance))}
              >
                +
              </button>
            </div>
          </fieldset>
          <button
            type="button"
            className="button button-primary button-wide"
            disabled={minutes < 1 || minutes > credit.balance}
            onClick={() => setConfirming(true)}
          >
            {t('timebank.giveContinue')}
          </button>
        </>
      )}
    </section>
  );
}
