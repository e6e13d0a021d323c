import { Link } from 'react-router';
import type { TicketPriority, TicketStatus } from '../../gql/schema-types';
import { useNow } from '../../lib/use-now';
import { deadlineText } from './sla-deadline';
import { PRIORITY_LABELS, STATUS_LABELS, badgeClass, priorityBadge, statusBadge } from './ticket-labels';

export interface InboxRow {
  id: string;
  number: string;
  subject: string;
  requesterEmail: string;
  status: TicketStatus;
  priority: TicketPriority;
  slaDeadline?: string | null;
  slaBreachedAt?: string | null;
}

/** One page of tickets: number, subject, requester, status, priority and the next SLA deadline. */
export function InboxTable({ tickets, busy }: { tickets: InboxRow[]; busy: boolean }) {
  const now = useNow(30_000);
  if (tickets.length === 0) {
    return (
      <p className="card empty-state" role="status">
        No tickets here. Try another view, or clear the filters.
      </p>
    );
  }
  return (
    <div className="table-scroll">
      <table aria-label="Tickets" aria-busy={busy}>
        <thead>
          <tr>
            <th scope="col">Number</th>
            <th scope="col">Subject</th>
            <th scope="col">Requester</th>
            <th scope="col">Status</th>
            <th scope="col">Priority</th>
            <th scope="col">Next SLA deadline</th>
          </tr>
        </thead>
        <tbody>
          {tickets.map((ticket) => {
            const deadline = deadlineText(ticket.slaDeadline, ticket.slaBreachedAt, now);
            return (
              <tr key={ticket.id}>
                <td>#{ticket.number}</td>
                <td>
                  <Link to={`/app/tickets/${ticket.id}`}>{ticket.subject}</Link>
                </td>
                <td className="wrap-anywhere">{ticket.requesterEmail}</td>
                <td>
                  <span className={statusBadge(ticket.status)}>{STATUS_LABELS[ticket.status]}</span>
                </td>
                <td>
                  <span className={priorityBadge(ticket.priority)}>{PRIORITY_LABELS[ticket.priority]}</span>
                </td>
                <td>
                  <span className={badgeClass(deadline.tone)}>{deadline.text}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
