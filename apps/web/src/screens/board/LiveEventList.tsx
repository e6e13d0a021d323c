import { Link } from 'react-router';
import { boardTicketPath } from './board-paths';
import { readSlaEvent } from './live-event-text';
import type { LiveSlaEvent } from './use-sla-events';

const TONE_BADGES = { warn: 'badge-warn', danger: 'badge-danger', info: 'badge-info', ok: 'badge-ok' } as const;

const timeOfDay = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** The SLA events since the board opened, newest first; a log, so screen readers announce each new one. */
export function LiveEventList({ events, ticketNumber }: { events: readonly LiveSlaEvent[]; ticketNumber(ticketId: string): string | undefined }) {
  return (
    <div role="log" aria-label="Live SLA events" aria-live="polite">
      {events.length === 0 ? (
        <p className="muted">Listening. Warnings, breaches and escalations show up here as they happen.</p>
      ) : (
        <ol className="board-events">
          {events.map((event) => {
            const reading = readSlaEvent(event);
            const number = ticketNumber(event.ticketId);
            return (
              <li key={`${event.ticketId}:${event.sequence}`}>
                <time dateTime={event.occurredAt} className="muted">
                  {timeOfDay.format(Date.parse(event.occurredAt))}
                </time>{' '}
                <span className={`badge ${TONE_BADGES[reading.tone]}`}>{reading.text}</span>{' '}
                <Link to={boardTicketPath(event.ticketId)}>{number ? `#${number}` : 'Open ticket'}</Link>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
