import type { ReactNode } from 'react';

/**
 * The outcome of the last action, announced politely: the status region stays on the page (a region inserted along
 * with its text is often not read), and shows the message when there is one.
 */
export function StatusNotice({ message }: { message?: ReactNode }) {
  return (
    <div role="status" aria-live="polite">
      {message && <p className="notice notice-ok">{message}</p>}
    </div>
  );
}
