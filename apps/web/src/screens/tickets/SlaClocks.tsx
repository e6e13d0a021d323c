import { readClock, remainingNow } from '../../lib/durations';
import { formatWhen } from '../../lib/format-when';
import { useNow } from '../../lib/use-now';
import { badgeClass, METRIC_LABELS } from './ticket-labels';
import type { TicketDetail } from './ticket-query';

/** Each SLA metric's clock, counting down every second from the last figures the workflow gave (fetched at `fetchedAt`). */
export function SlaClocks({ sla, fetchedAt }: { sla: TicketDetail['sla']; fetchedAt: number }) {
  const now = useNow(1000);
  return (
    <section className="card" aria-labelledby="sla-title">
      <h2 id="sla-title">SLA clocks</h2>
      {sla.policy ? (
        <p className="muted">
          Policy <strong>{sla.policy.name}</strong>: {sla.policy.reason}
        </p>
      ) : (
        <p className="muted">No SLA policy applies to this ticket.</p>
      )}
      {sla.escalationLevel > 0 && (
        <p className="notice notice-error">
          Escalation level {sla.escalationLevel}
          {sla.awaitingAcknowledgement ? ' — waiting for someone to acknowledge it.' : '.'}
        </p>
      )}
      {sla.metrics.length > 0 && (
        <ul className="sla-clocks">
          {sla.metrics.map((clock) => {
            const reading = readClock({ ...clock, remainingSeconds: remainingNow(clock.remainingSeconds, clock.state, fetchedAt, now) });
            return (
              <li key={clock.metric}>
                <span className="sla-metric">{METRIC_LABELS[clock.metric]}</span>
                <span className={badgeClass(reading.tone)}>{reading.text}</span>
                <span className="muted sla-note">
                  {clock.businessHours ? 'business hours' : 'around the clock'}
                  {clock.deadline && clock.state === 'RUNNING' ? ` · due ${formatWhen(clock.deadline)}` : ''}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
