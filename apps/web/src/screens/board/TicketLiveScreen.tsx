import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { readClock, remainingNow } from '../../lib/durations';
import { enumLabel } from '../../lib/enum-label';
import { formatWhen } from '../../lib/format-when';
import { useNow } from '../../lib/use-now';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { BOARD_PATH } from './board-paths';
import { useGroupNames } from './BoardFilters';
import { LiveEventList } from './LiveEventList';
import { useRefetchOn } from './use-refetch-on';
import { useSlaEvents } from './use-sla-events';

const BoardTicketLiveQuery = graphql(`
  query BoardTicketLive($id: ID!) {
    ticket(id: $id) {
      id
      number
      subject
      slaPolicyName
      live {
        status
        priority
        groupId
        lastAgentReplyAt
        lifecycleVersion
      }
      sla {
        escalationLevel
        awaitingAcknowledgement
        metrics {
          metric
          state
          targetMinutes
          remainingSeconds
          deadline
          breached
        }
      }
    }
  }
`);

const TONE_BADGES = { ok: 'badge-ok', warn: 'badge-warn', danger: 'badge-danger', neutral: '' } as const;

/** A ticket's live workflow state and SLA clocks, read from its workflow and read again when its SLA events arrive. */
export function TicketLiveScreen() {
  const { ticketId = '' } = useParams();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: BoardTicketLiveQuery, variables: { id: ticketId } });
  // When this reading arrived: the running clocks count down from it until the next one.
  const fetchedAt = useMemo(() => Date.now(), [data]);
  const now = useNow();
  const { events: allEvents } = useSlaEvents({});
  const events = useMemo(() => allEvents.filter((event) => event.ticketId === ticketId), [allEvents, ticketId]);
  useRefetchOn(events[0], reexecute);
  const groupName = useGroupNames();

  if (error) return <section className="page"><h1>Ticket</h1><ErrorNotice error={error} /></section>;
  if (!data) return <section className="page">{fetching && <Loading what="Loading the ticket" />}</section>;
  const { ticket } = data;
  const { live, sla } = ticket;
  return (
    <section className="page stack board" aria-labelledby="board-ticket-title">
      <p>
        <Link to={BOARD_PATH}>← Back to the board</Link>
      </p>
      <div className="page-header">
        <h1 id="board-ticket-title">
          #{ticket.number} {ticket.subject}
        </h1>
        <button type="button" className="secondary" onClick={() => reexecute({ requestPolicy: 'network-only' })} disabled={fetching}>
          Refresh
        </button>
      </div>
      <div className="grid">
        <section className="card" aria-labelledby="board-workflow-title">
          <h2 id="board-workflow-title">Workflow state</h2>
          {live ? (
            <dl className="board-facts">
              <dt>Status</dt>
              <dd>{enumLabel(live.status)}</dd>
              <dt>Priority</dt>
              <dd>{enumLabel(live.priority)}</dd>
              <dt>Group</dt>
              <dd>{groupName(live.groupId)}</dd>
              <dt>Last agent reply</dt>
              <dd>{live.lastAgentReplyAt ? formatWhen(live.lastAgentReplyAt) : 'none yet'}</dd>
              <dt>Lifecycle version</dt>
              <dd>{live.lifecycleVersion}</dd>
            </dl>
          ) : (
            <p className="muted">The workflow has finished (the ticket is closed); the stored facts are final.</p>
          )}
        </section>
        <section className="card" aria-labelledby="board-clocks-title">
          <h2 id="board-clocks-title">SLA clocks</h2>
          <p className="muted">
            {ticket.slaPolicyName ? `Policy: ${ticket.slaPolicyName}` : 'No SLA policy applies.'}
            {sla.escalationLevel > 0 && ` · escalation level ${sla.escalationLevel}${sla.awaitingAcknowledgement ? ', awaiting acknowledgement' : ''}`}
          </p>
          {sla.metrics.length > 0 && (
            <table aria-label="SLA clocks">
              <thead>
                <tr>
                  <th scope="col">Metric</th>
                  <th scope="col">Target</th>
                  <th scope="col">Clock</th>
                </tr>
              </thead>
              <tbody>
                {sla.metrics.map((clock) => {
                  const reading = readClock({ ...clock, remainingSeconds: remainingNow(clock.remainingSeconds, clock.state, fetchedAt, now) });
                  return (
                    <tr key={clock.metric}>
                      <td>{enumLabel(clock.metric)}</td>
                      <td>{clock.targetMinutes} min</td>
                      <td>
                        <span className={`badge ${TONE_BADGES[reading.tone]}`}>{reading.text}</span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </section>
      </div>
      <section className="card" aria-labelledby="board-ticket-events-title">
        <h2 id="board-ticket-events-title">Live events of this ticket</h2>
        <LiveEventList events={events} ticketNumber={() => ticket.number} />
      </section>
    </section>
  );
}
