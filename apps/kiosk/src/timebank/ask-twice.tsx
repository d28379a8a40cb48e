import { useState } from 'react';
import type { WriteState } from '../api/use-confirmed-write';
import { WriteStatus } from '../ui/write-status';

/**
 * A step that cannot be taken back (cancel a request, give back a place, say a helper did not
 * come), asked twice: one tap opens the question, a second says yes. The write behind it is sent
 * once under one key; while it is under way neither answer can be tapped again.
 */
export function AskTwice({
  open,
  question,
  hint,
  yes,
  no,
  state,
  onYes,
  tryAgain,
}: {
  open: string;
  question: string;
  hint: string;
  yes: string;
  no: string;
  state: WriteState<unknown>;
  onYes: () => void;
  tryAgain: string;
}) {
  const [asking, setAsking] = useState(false);
  const sending = state.status === 'sending';
  if (!asking)
    return (
      <button
        type="button"
        className="button button-secondary button-large"
        onClick={() => setAsking(true)}
      >
        {open}
      </button>
    );
  return (
    <fieldset className="help-ask">
      <legend className="help-ask-question">
        {question} {hint}
      </legend>
      <div className="actions">
        <button
          type="button"
          className="button button-secondary button-large"
          disabled={sending || state.status === 'unreachable'}
          onClick={() => setAsking(false)}
        >
          {no}
        </button>
        <button
          type="button"
          className="button button-primary button-large"
          disabled={sending}
          onClick={onYes}
        >
          {state.status === 'unreachable' ? tryAgain : yes}
        </button>
      </div>
      {state.status !== 'ready' && state.status !== 'done' && <WriteStatus state={state} />}
    </fieldset>
  );
}
