import type { CombinedError } from 'urql';
import { errorMessages } from '../api/errors';

/** A failed request's messages, announced to screen readers. */
export function ErrorNotice({ error }: { error: CombinedError }) {
  return (
    <div className="notice notice-error" role="alert">
      {errorMessages(error).map((message, index) => (
        <p key={index}>{message}</p>
      ))}
    </div>
  );
}
