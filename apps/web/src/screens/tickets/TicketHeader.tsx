import { PRIORITY_LABELS, STATUS_LABELS, priorityBadge, statusBadge } from './ticket-labels';
import type { TicketDetail } from './ticket-query';

/** Number, subject, requester, status, priority, group and assignee (the workflow's live values when it answers). */
export function TicketHeader({ ticket, groupName, myId }: { ticket: TicketDetail; groupName(id: string | null | undefined): string; myId: string | undefined }) {
  const status = ticket.live?.status ?? ticket.status;
  const priority = ticket.live?.priority ?? ticket.priority;
  const groupId = ticket.live?.groupId ?? ticket.groupId;
  const assignee = !ticket.assigneeId
    ? 'Unassigned (in the queue)'
    : `${ticket.assigneeName ?? 'Another agent'}${ticket.assigneeId === myId ? ' (you)' : ''}`;
  return (
    <header className="card ticket-header">
      <h1 id="ticket-title">
        <span className="muted">#{ticket.number}</span> {ticket.subject}
      </h1>
      <dl className="ticket-facts">
        <div>
          <dt>Requester</dt>
          <dd className="wrap-anywhere">{ticket.requesterEmail}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <span className={statusBadge(status)}>{STATUS_LABELS[status]}</span>
          </dd>
        </div>
        <div>
          <dt>Priority</dt>
          <dd>
            <span className={priorityBadge(priority)}>{PRIORITY_LABELS[priority]}</span>
          </dd>
        </div>
        <div>
          <dt>Group</dt>
          <dd>{groupName(groupId)}</dd>
        </div>
        <div>
          <dt>Assignee</dt>
          <dd className="wrap-anywhere">{assignee}</dd>
        </div>
      </dl>
    </header>
  );
}
