import { useState } from 'react';
import { useMutation, type CombinedError } from 'urql';
import { graphql } from '../../gql';
import type { TicketPriority, TicketStatus } from '../../gql/schema-types';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { StatusNotice } from '../../ui/StatusNotice';
import { PRIORITIES, STATUSES } from './inbox-params';
import { PRIORITY_LABELS, STATUS_LABELS } from './ticket-labels';
import type { TicketDetail } from './ticket-query';

const ChangeStatusMutation = graphql(`
  mutation TicketsChangeStatus($input: ChangeTicketStatusInput!) {
    changeTicketStatus(input: $input) {
      id
      status
    }
  }
`);

const ChangePriorityMutation = graphql(`
  mutation TicketsChangePriority($input: ReclassifyTicketInput!) {
    reclassifyTicket(input: $input) {
      id
      priority
    }
  }
`);

const AssignMutation = graphql(`
  mutation TicketsAssign($input: AssignTicketInput!) {
    assignTicket(input: $input) {
      ticket {
        id
        assigneeId
      }
      warnings {
        message
      }
    }
  }
`);

/** Status and priority changes and taking the ticket, through the ticket's workflow (refusals say why). */
export function TicketControls({ ticket, myId, onChanged }: { ticket: TicketDetail; myId: string | undefined; onChanged(): void }) {
  const currentStatus = ticket.live?.status ?? ticket.status;
  const currentPriority = ticket.live?.priority ?? ticket.priority;
  // A choice not yet applied; null shows the ticket's current value (which the workflow may change meanwhile).
  const [statusChoice, setStatus] = useState<TicketStatus | null>(null);
  const [priorityChoice, setPriority] = useState<TicketPriority | null>(null);
  const status = statusChoice ?? currentStatus;
  const priority = priorityChoice ?? currentPriority;
  const [outcome, setOutcome] = useState<{ done?: string; error?: CombinedError } | null>(null);
  const [statusResult, changeStatus] = useMutation(ChangeStatusMutation);
  const [priorityResult, changePriority] = useMutation(ChangePriorityMutation);
  const [assignResult, assign] = useMutation(AssignMutation);

  /** The last action's outcome is what the person reads (an older refusal does not linger). */
  const after = (message: string) => (result: { error?: CombinedError }) => {
    setOutcome(result.error ? { error: result.error } : { done: message });
    if (result.error) return;
    setStatus(null);
    setPriority(null);
    onChanged();
  };

  return (
    <section className="card" aria-labelledby="controls-title">
      <h2 id="controls-title">Work the ticket</h2>
      <form
        className="row align-end"
        onSubmit={(event) => {
          event.preventDefault();
          setOutcome(null);
          void changeStatus({ input: { ticketId: ticket.id, status } }).then(after(`Status changed to ${STATUS_LABELS[status]}.`));
        }}
      >
        <label>
          Status
          <select value={status} onChange={(event) => setStatus(event.target.value as TicketStatus)}>
            {STATUSES.map((option) => (
              <option key={option} value={option}>
                {STATUS_LABELS[option]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={statusResult.fetching || status === currentStatus}>
          Change status
        </button>
      </form>
      <form
        className="row align-end"
        onSubmit={(event) => {
          event.preventDefault();
          setOutcome(null);
          void changePriority({ input: { ticketId: ticket.id, priority } }).then(after(`Priority changed to ${PRIORITY_LABELS[priority]}.`));
        }}
      >
        <label>
          Priority
          <select value={priority} onChange={(event) => setPriority(event.target.value as TicketPriority)}>
            {PRIORITIES.map((option) => (
              <option key={option} value={option}>
                {PRIORITY_LABELS[option]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={priorityResult.fetching || priority === currentPriority}>
          Change priority
        </button>
      </form>
      {myId && ticket.assigneeId !== myId && (
        <button
          type="button"
          className="secondary"
          disabled={assignResult.fetching}
          onClick={() => {
            setOutcome(null);
            void assign({ input: { ticketId: ticket.id, agentId: myId } }).then(after('The ticket is assigned to you.'));
          }}
        >
          Assign to me
        </button>
      )}
      {outcome?.error && <ErrorNotice error={outcome.error} />}
      {outcome?.done && assignResult.data?.assignTicket.warnings.map((warning) => (
        <p key={warning.message} className="notice notice-error" role="alert">
          {warning.message}
        </p>
      ))}
      <StatusNotice message={outcome?.done} />
    </section>
  );
}
