import { Link } from 'react-router';
import type { SlaMetric, TicketPriority } from '../../gql/schema-types';
import { formatDuration } from '../../lib/durations';
import { enumLabel } from '../../lib/enum-label';
import { useNow } from '../../lib/use-now';
import { boardTicketPath } from './board-paths';

export interface AtRiskEntry {
  metric: SlaMetric;
  deadline: string;
  breached: boolean;
  secondsToDeadline: number;
  ticket: { id: string; number: string; subject: string; priority: TicketPriority; groupId?: string | null };
}

/**
 * The tickets whose next deadline is near or past, soonest first. Each countdown runs from the deadline itself, so a
 * ticket turns overdue on screen at its deadline, before the next refetch confirms it.
 */
export function AtRiskTable({ entries, groupName }: { entries: readonly AtRiskEntry[]; groupName(groupId: string | null | undefined): string }) {
  const now = useNow();
  if (entries.length === 0) return <p className="muted">No ticket is near its deadline. Breaches appear here the moment they happen.</p>;
  return (
    <table className="board-at-risk" aria-label="Tickets at risk, soonest deadline first">
      <thead>
        <tr>
          <th scope="col">Ticket</th>
          <th scope="col">Priority</th>
          <th scope="col">Group</th>
          <th scope="col">Clock</th>
          <th scope="col">Deadline</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => {
          const seconds = Math.floor((Date.parse(entry.deadline) - now) / 1000);
          const overdue = entry.breached || seconds < 0;
          return (
            <tr key={entry.ticket.id} className={overdue ? 'board-row-breached' : undefined}>
              <td>
                <Link to={boardTicketPath(entry.ticket.id)}>#{entry.ticket.number}</Link> {entry.ticket.subject}
              </td>
              <td>{enumLabel(entry.ticket.priority)}</td>
              <td>{groupName(entry.ticket.groupId)}</td>
              <td>
                {enumLabel(entry.metric)}{' '}
                <span className={`badge ${overdue ? 'badge-danger' : 'badge-warn'}`}>{overdue ? 'Breached' : 'At risk'}</span>
              </td>
              <td>
                <time dateTime={entry.deadline}>{overdue ? `overdue by ${formatDuration(seconds)}` : `${formatDuration(seconds)} left`}</time>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
