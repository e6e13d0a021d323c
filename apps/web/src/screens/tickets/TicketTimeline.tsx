import { formatWhen } from '../../lib/format-when';
import { badgeClass } from './ticket-labels';
import type { TicketDetail } from './ticket-query';
import { describeEvent, type TimelineNames } from './timeline-text';

/** What the workflow (and people) did to the ticket and why, newest first. */
export function TicketTimeline({ events, names }: { events: TicketDetail['timeline']; names: TimelineNames }) {
  const newestFirst = [...events].sort((a, b) => b.sequence - a.sequence);
  return (
    <section className="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline</h2>
      <ol className="timeline" aria-label="Timeline events, newest first" tabIndex={0}>
        {newestFirst.map((event) => {
          const text = describeEvent(event, names);
          return (
            <li key={event.sequence} className={`timeline-entry timeline-${text.tone}`}>
              <p className="timeline-title">
                <span className={badgeClass(text.tone)} aria-hidden="true">
                  •
                </span>{' '}
                {text.title}
              </p>
              {text.detail && <p className="timeline-detail">{text.detail}</p>}
              <p className="muted timeline-meta">
                {formatWhen(event.occurredAt)} · by {event.actorName ?? names.person(event.actor)}
              </p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
