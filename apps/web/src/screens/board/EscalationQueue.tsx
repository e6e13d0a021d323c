import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { TicketPriority } from '../../gql/schema-types';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { boardTicketPath } from './board-paths';
import { awaitingAcknowledgement, type EscalationCandidate } from './escalated-tickets';
import { useRefetchOn } from './use-refetch-on';

const BoardBreachedTicketsQuery = graphql(`
  query BoardBreachedTickets($filter: TicketsFilterInput!, $first: Int!) {
    tickets(filter: $filter, first: $first, orderBy: { by: UPDATED_AT, direction: DESC }) {
      edges {
        node {
          id
          number
          subject
          escalationLevel
          sla {
            awaitingAcknowledgement
          }
        }
      }
    }
  }
`);

/** Breached tickets not closed yet, most recently changed (escalated) first: where a breach's escalation still repeats. */
const BREACHED_PAGE = 25;
const NOT_CLOSED = ['NEW', 'OPEN', 'PENDING', 'ON_HOLD', 'SOLVED'] as const;

const BoardAcknowledgeEscalationMutation = graphql(`
  mutation BoardAcknowledgeEscalation($input: AcknowledgeEscalationInput!) {
    acknowledgeEscalation(input: $input) {
      id
      escalationLevel
    }
  }
`);

interface EscalationQueueProps {
  /** The at-risk list's tickets (escalations of running clocks). */
  atRisk: readonly EscalationCandidate[];
  groupId: string;
  priority: TicketPriority | '';
  refreshSignal: unknown;
  onAcknowledged(): void;
}

/** Tickets whose escalation step repeats until someone owns it: acknowledging stops the repeats (with a note). */
export function EscalationQueue({ atRisk, groupId, priority, refreshSignal, onAcknowledged }: EscalationQueueProps) {
  const filter = {
    sla: { breached: true },
    status: [...NOT_CLOSED],
    groupIds: groupId ? [groupId] : null,
    priority: priority ? [priority] : null,
  };
  const [{ data, error }, reexecute] = useQuery({ query: BoardBreachedTicketsQuery, variables: { filter, first: BREACHED_PAGE } });
  useRefetchOn(refreshSignal, reexecute);
  const breached = data?.tickets.edges.map((edge) => edge.node) ?? [];
  const tickets = awaitingAcknowledgement(atRisk, breached);

  if (error) return <ErrorNotice error={error} />;
  if (tickets.length === 0) return <p className="muted">No escalation is waiting for acknowledgement.</p>;
  return (
    <ul className="board-escalations">
      {tickets.map((ticket) => (
        <li key={ticket.id}>
          <AcknowledgeForm
            ticket={ticket}
            onAcknowledged={() => {
              reexecute({ requestPolicy: 'network-only' });
              onAcknowledged();
            }}
          />
        </li>
      ))}
    </ul>
  );
}

function AcknowledgeForm({ ticket, onAcknowledged }: { ticket: EscalationCandidate; onAcknowledged(): void }) {
  const [note, setNote] = useState('');
  const [{ fetching, error }, acknowledge] = useMutation(BoardAcknowledgeEscalationMutation);
  const noteId = `board-ack-note-${ticket.id}`;
  return (
    <form
      className="stack"
      aria-label={`Escalation of ticket ${ticket.number}`}
      onSubmit={async (event) => {
        event.preventDefault();
        const result = await acknowledge({ input: { ticketId: ticket.id, note: note.trim() || null } });
        if (!result.error) onAcknowledged();
      }}
    >
      <div>
        <Link to={boardTicketPath(ticket.id)}>#{ticket.number}</Link> {ticket.subject}{' '}
        <span className="badge badge-danger">Level {ticket.escalationLevel}</span>
      </div>
      <div className="row">
        <label className="board-grow" htmlFor={noteId}>
          Note for the timeline
          <input id={noteId} value={note} onChange={(event) => setNote(event.target.value)} placeholder="What is being done" />
        </label>
        <button type="submit" disabled={fetching}>
          {fetching ? 'Acknowledging…' : 'Acknowledge'}
        </button>
      </div>
      {error && <ErrorNotice error={error} />}
    </form>
  );
}
