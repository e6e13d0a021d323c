import type { CombinedError } from 'urql';
import { ErrorNotice } from '../ui/ErrorNotice';

/**
 * The end of a portal request form: what went wrong (a pointer to the fields when the API named them, its message
 * otherwise) and the send button, busy while the request is on its way.
 */
export function SendRequestFooter({ error, fieldProblems, sending }: { error?: CombinedError; fieldProblems: boolean; sending: boolean }) {
  return (
    <>
      {error &&
        (fieldProblems ? (
          <p className="notice notice-error" role="alert">
            Please correct the fields marked above.
          </p>
        ) : (
          <ErrorNotice error={error} />
        ))}
      <button type="submit" className="portal-primary" disabled={sending}>
        {sending ? 'Sending…' : 'Send request'}
      </button>
    </>
  );
}
