import { useCallback } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useSession } from '../../auth/session';
import { graphql } from '../../gql';
import { formatWhen } from '../../lib/format-when';
import { usePolling } from '../../lib/use-polling';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { ApprovalDecision } from './ApprovalDecision';
import { approvalStateBadge, approvalStateLabel, approverText, escalatedToText, mayDecide, personText } from './approval-view';
import { fulfilmentSteps } from './fulfilment-steps';
import { STATUS_LABELS, statusBadge } from './ticket-labels';

const ServiceRequestQuery = graphql(`
  query TicketsServiceRequest($ticketId: ID!) {
    ticket(id: $ticketId) {
      id
      type
      status
      service {
        id
        name
      }
      requestItem {
        id
        name
        fulfilmentTasks {
          title
        }
      }
      requestValues {
        name
        label
        value
      }
      approval {
        state
        approverUserId
        approverRole
        requestedAt
        escalatedAt
        escalatedTo
        decidedAt
        decidedBy
        reason
      }
      fulfilmentTasks {
        id
        number
        subject
        status
        assigneeId
        assigneeName
      }
      parentRequest {
        id
        number
        subject
      }
    }
  }
`);

/** Tasks start moments after an approval, or after the task before them is done: look again this often. */
const REFRESH_MS = 5_000;

/**
 * A service request: what was asked (service, item, the form's values), its approval (decided here by whoever may), and
 * its fulfilment tasks in order. A task links back to the request it fulfils. Nothing for other tickets.
 */
export function ServiceRequestPanel({ ticketId, onChanged }: { ticketId: string; onChanged(): void }) {
  const { user } = useSession();
  const [{ data, error }, refetch] = useQuery({ query: ServiceRequestQuery, variables: { ticketId } });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  const ticket = data?.ticket;
  const inProgress = ticket?.type === 'SERVICE_REQUEST' && ticket.status !== 'SOLVED' && ticket.status !== 'CLOSED';
  usePolling(inProgress ? reload : noop, REFRESH_MS);

  // Nothing while loading: most tickets are not service requests, and the panel would only flash.
  if (!ticket) return error ? <ErrorNotice error={error} /> : null;
  if (ticket.type === 'TASK' && ticket.parentRequest) {
    return (
      <section className="card" aria-labelledby="request-title">
        <h2 id="request-title">Fulfils</h2>
        <p>
          <Link to={`/app/tickets/${ticket.parentRequest.id}`}>
            #{ticket.parentRequest.number} {ticket.parentRequest.subject}
          </Link>
        </p>
      </section>
    );
  }
  if (ticket.type !== 'SERVICE_REQUEST') return null;

  const me = user?.id;
  const { approval } = ticket;
  const decided = () => {
    reload();
    onChanged();
  };
  const steps = fulfilmentSteps(ticket.requestItem?.fulfilmentTasks ?? [], ticket.fulfilmentTasks);

  return (
    <section className="card service-request" aria-labelledby="request-title">
      <h2 id="request-title">Service request</h2>
      {error && <ErrorNotice error={error} />}
      <p>
        <strong>{ticket.service?.name ?? 'A service'}</strong> · {ticket.requestItem?.name ?? 'an item no longer in the catalog'}
      </p>
      {ticket.requestValues && ticket.requestValues.length > 0 && (
        <dl className="ticket-fields" aria-label="Submitted values">
          {ticket.requestValues.map((entry) => (
            <div key={entry.name}>
              <dt>{entry.label}</dt>
              <dd className="wrap-anywhere">{entry.value}</dd>
            </div>
          ))}
        </dl>
      )}

      <h3>Approval</h3>
      {!approval ? (
        <p className="muted">This item needs no approval.</p>
      ) : (
        <div aria-label="Approval" role="group">
          <p>
            <span className={approvalStateBadge(approval.state)}>{approvalStateLabel(approval.state)}</span> · approver: {approverText(approval, me)}
          </p>
          {approval.escalatedAt && (
            <p className="muted">
              Escalated {formatWhen(approval.escalatedAt)} to {escalatedToText(approval, me)}.
            </p>
          )}
          {approval.decidedBy && approval.decidedAt && (
            <p>
              Decided by {personText(approval.decidedBy, me)} {formatWhen(approval.decidedAt)}
              {approval.reason && <>: “{approval.reason}”</>}
            </p>
          )}
          {mayDecide(approval, user) && <ApprovalDecision requestId={ticket.id} onDecided={decided} />}
        </div>
      )}

      <h3>Fulfilment tasks</h3>
      {steps.length === 0 ? (
        <p className="muted">This item has no tasks: an agent fulfils it on this ticket.</p>
      ) : (
        <ol className="fulfilment-tasks" aria-label="Fulfilment tasks">
          {steps.map((step, index) =>
            step.kind === 'started' ? (
              <li key={step.task.id}>
                <Link to={`/app/tickets/${step.task.id}`}>
                  #{step.task.number} {step.task.subject}
                </Link>{' '}
                <span className={statusBadge(step.task.status)}>{STATUS_LABELS[step.task.status]}</span>
                <span className="muted">
                  {' '}
                  · {step.task.assigneeId ? (step.task.assigneeId === me ? 'you' : (step.task.assigneeName ?? 'an agent')) : 'unassigned'}
                </span>
              </li>
            ) : (
              <li key={`waiting-${index}`} className="muted">
                {step.title} · not started yet
              </li>
            ),
          )}
        </ol>
      )}
    </section>
  );
}

function noop() {}
