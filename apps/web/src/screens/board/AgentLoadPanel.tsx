import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { AgentAvailability } from '../../gql/schema-types';
import { enumLabel } from '../../lib/enum-label';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { agentLoads, loadTone } from './agent-load';
import { useRefetchOn } from './use-refetch-on';

const BoardAgentsQuery = graphql(`
  query BoardAgents($filter: ReportTicketFilterInput) {
    agents {
      userId
      displayName
      availability
      capacity
      groups {
        id
        name
      }
    }
    ticketBacklog(groupBy: AGENT, filter: $filter) {
      open
      groups {
        key
        count
      }
    }
  }
`);

const BoardSetAgentAvailabilityMutation = graphql(`
  mutation BoardSetAgentAvailability($userId: ID!, $availability: AgentAvailability!) {
    setAgentAvailability(userId: $userId, availability: $availability) {
      userId
      availability
    }
  }
`);

const AVAILABILITIES: readonly AgentAvailability[] = ['ONLINE', 'AWAY', 'OFFLINE'];
const AVAILABILITY_BADGES: Record<AgentAvailability, string> = { ONLINE: 'badge-ok', AWAY: 'badge-warn', OFFLINE: '' };
const LOAD_BADGES = { ok: 'badge-ok', warn: 'badge-warn', danger: 'badge-danger' } as const;

/** Agents with their availability (a supervisor may change it) and open tickets against capacity. */
export function AgentLoadPanel({ groupId, refreshSignal }: { groupId: string; refreshSignal: unknown }) {
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: BoardAgentsQuery,
    variables: { filter: groupId ? { groupIds: [groupId] } : null },
  });
  // Escalations reassign and load moves: read again on each live event.
  useRefetchOn(refreshSignal, reexecute);
  const [availabilityChange, setAvailability] = useMutation(BoardSetAgentAvailabilityMutation);

  if (error) return <ErrorNotice error={error} />;
  if (!data) return fetching ? <Loading what="Loading agents" /> : null;
  const { loads, unassigned } = agentLoads(data.agents, data.ticketBacklog.groups);
  return (
    <div className="stack">
      {availabilityChange.error && <ErrorNotice error={availabilityChange.error} />}
      <p>
        <strong>{data.ticketBacklog.open}</strong> open tickets, <strong>{unassigned}</strong> waiting unassigned.
      </p>
      {loads.length === 0 ? (
        <p className="muted">No agent has a routing profile yet.</p>
      ) : (
        <table aria-label="Agents">
          <thead>
            <tr>
              <th scope="col">Agent</th>
              <th scope="col">Availability</th>
              <th scope="col">Open tickets</th>
            </tr>
          </thead>
          <tbody>
            {loads.map(({ agent, open, share }) => (
              <tr key={agent.userId}>
                <td>
                  {agent.displayName}
                  {agent.groups.length > 0 && <div className="muted">{agent.groups.map((group) => group.name).join(', ')}</div>}
                </td>
                <td>
                  <div className="row">
                    <span className={`badge ${AVAILABILITY_BADGES[agent.availability]}`}>{enumLabel(agent.availability)}</span>
                    <select
                      aria-label={`Availability of ${agent.displayName}`}
                      value={agent.availability}
                      disabled={availabilityChange.fetching}
                      onChange={(event) => setAvailability({ userId: agent.userId, availability: event.target.value as AgentAvailability })}
                    >
                      {AVAILABILITIES.map((availability) => (
                        <option key={availability} value={availability}>
                          {enumLabel(availability)}
                        </option>
                      ))}
                    </select>
                  </div>
                </td>
                <td>
                  <span className={`badge ${LOAD_BADGES[loadTone(share)]}`}>
                    {open} of {agent.capacity}
                  </span>
                  <div className="progress board-load" aria-hidden="true">
                    <span style={{ width: `${Math.min(share, 1) * 100}%` }} />
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
