import { useCallback, useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { useSession } from '../../auth/session';
import { usePolling } from '../../lib/use-polling';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { Conversation } from './Conversation';
import { KnowledgePanel } from './KnowledgePanel';
import { ProblemIncidentsPanel } from './ProblemIncidentsPanel';
import { ProblemPanel } from './ProblemPanel';
import { ReplyBox } from './ReplyBox';
import { ServiceRequestPanel } from './ServiceRequestPanel';
import { SlaClocks } from './SlaClocks';
import { TicketQuery } from './ticket-query';
import { TicketControls } from './TicketControls';
import { TicketFieldsEditor } from './TicketFieldsEditor';
import { TicketHeader } from './TicketHeader';
import { TicketTimeline } from './TicketTimeline';
import type { TimelineNames } from './timeline-text';
import { useTicketQueues } from './use-ticket-queues';

/** The server's SLA figures win over the screen's own countdown this often. */
const REFRESH_MS = 30_000;

/** /app/tickets/:ticketId: the ticket, its conversation and reply box, its SLA clocks, timeline and knowledge. */
export function TicketScreen() {
  const { ticketId = '' } = useParams();
  const { user } = useSession();
  const { groupName } = useTicketQueues();
  const [{ data, error, fetching }, refetch] = useQuery({ query: TicketQuery, variables: { id: ticketId }, requestPolicy: 'cache-and-network' });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  usePolling(reload, REFRESH_MS);
  // When these figures arrived: the clocks count down from them.
  const fetchedAt = useMemo(() => Date.now(), [data]);

  const ticket = data?.ticket;
  if (!ticket) {
    return (
      <section className="page" aria-labelledby="ticket-title">
        <p>
          <Link to="/app/tickets">← Tickets</Link>
        </p>
        <h1 id="ticket-title">Ticket</h1>
        {error ? <ErrorNotice error={error} /> : fetching && <Loading what="Loading the ticket" />}
      </section>
    );
  }

  const me = user?.id;
  // The timeline's data names people by id: the signed-in agent and the assignee are the ones the screen knows.
  const names: TimelineNames = {
    group: groupName,
    person: (id) => (id === me ? 'you' : id === 'system' ? 'the help desk' : id === ticket.assigneeId && ticket.assigneeName ? ticket.assigneeName : 'another agent'),
  };

  return (
    <section className="page ticket-view" aria-labelledby="ticket-title">
      <p>
        <Link to="/app/tickets">← Tickets</Link>
      </p>
      <TicketHeader ticket={ticket} groupName={groupName} myId={me} />
      {error && <ErrorNotice error={error} />}
      <div className="ticket-columns">
        <div className="stack">
          <Conversation ticket={ticket} />
          <ReplyBox ticketId={ticket.id} requesterEmail={ticket.requesterEmail} onSent={reload} />
        </div>
        <aside className="stack" aria-label="Ticket details">
          <TicketControls ticket={ticket} myId={me} onChanged={reload} />
          <ServiceRequestPanel ticketId={ticket.id} onChanged={reload} />
          <SlaClocks sla={ticket.sla} fetchedAt={fetchedAt} />
          <KnowledgePanel ticketId={ticket.id} />
          <ProblemPanel ticketId={ticket.id} />
          <ProblemIncidentsPanel ticketId={ticket.id} />
          <TicketFieldsEditor ticketId={ticket.id} fields={ticket.fields} onChanged={reload} />
          <TicketTimeline events={ticket.timeline} names={names} />
        </aside>
      </div>
    </section>
  );
}
