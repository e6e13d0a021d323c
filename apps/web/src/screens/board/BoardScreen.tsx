import { useCallback, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { usePolling } from '../../lib/use-polling';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { AgentLoadPanel } from './AgentLoadPanel';
import { AtRiskTable } from './AtRiskTable';
import { BoardFilters, useGroupNames, type BoardFilterValues } from './BoardFilters';
import { EscalationQueue } from './EscalationQueue';
import { KpiCharts } from './KpiCharts';
import { LiveEventList } from './LiveEventList';
import { useRefetchOn } from './use-refetch-on';
import { useSlaEvents } from './use-sla-events';

const BoardAtRiskQuery = graphql(`
  query BoardAtRisk($withinMinutes: Int!, $groupId: String, $priorities: [TicketPriority!], $first: Int!) {
    ticketsAtRisk(withinMinutes: $withinMinutes, groupId: $groupId, priorities: $priorities, first: $first) {
      metric
      deadline
      breached
      secondsToDeadline
      ticket {
        id
        number
        subject
        priority
        groupId
        escalationLevel
        sla {
          awaitingAcknowledgement
        }
      }
    }
  }
`);

/** A page of the at-risk list: enough for a wall screen, within the API's cost limit (each row reads its workflow). */
const AT_RISK_PAGE = 25;
const PERIODIC_REFRESH_MS = 30_000;

/** The supervisor's SLA board: what is about to breach or has, live; who can take it; escalations; the KPIs. */
export function BoardScreen() {
  const [filters, setFilters] = useState<BoardFilterValues>({ groupId: '', priority: '', withinMinutes: 60 });
  const serverFilters = useMemo(
    () => ({ groupId: filters.groupId || null, priorities: filters.priority ? [filters.priority] : null }),
    [filters.groupId, filters.priority],
  );
  const { events, error: liveError } = useSlaEvents(serverFilters);
  const [atRisk, reexecuteAtRisk] = useQuery({
    query: BoardAtRiskQuery,
    variables: { ...serverFilters, withinMinutes: filters.withinMinutes, first: AT_RISK_PAGE },
  });
  // Every warning, breach or escalation changes the list: the newest event is the signal to read it again.
  const latestEvent = events[0];
  useRefetchOn(latestEvent, reexecuteAtRisk);
  const refreshAtRisk = useCallback(() => reexecuteAtRisk({ requestPolicy: 'network-only' }), [reexecuteAtRisk]);
  // No event marks a ticket entering the window (or a new ticket): read the list again now and then as well.
  usePolling(refreshAtRisk, PERIODIC_REFRESH_MS);
  const groupName = useGroupNames();

  const entries = atRisk.data?.ticketsAtRisk ?? [];
  const numbers = new Map(entries.map((entry) => [entry.ticket.id, entry.ticket.number]));

  return (
    <section className="page stack board" aria-labelledby="board-title">
      <div className="page-header">
        <h1 id="board-title">SLA board</h1>
        <BoardFilters value={filters} onChange={setFilters} />
      </div>
      <div className="board-top">
        <section className="card" aria-labelledby="board-at-risk-title">
          <div className="page-header">
            <h2 id="board-at-risk-title">At risk and breached</h2>
            <button type="button" className="secondary" onClick={refreshAtRisk} disabled={atRisk.fetching}>
              Refresh
            </button>
          </div>
          {atRisk.error && <ErrorNotice error={atRisk.error} />}
          {atRisk.data ? <AtRiskTable entries={entries} groupName={groupName} /> : atRisk.fetching && <Loading what="Loading tickets at risk" />}
        </section>
        <section className="card" aria-labelledby="board-events-title">
          <h2 id="board-events-title">Live events</h2>
          {liveError && <ErrorNotice error={liveError} />}
          <LiveEventList events={events} ticketNumber={(ticketId) => numbers.get(ticketId)} />
        </section>
      </div>
      <div className="grid board-people">
        <section className="card" aria-labelledby="board-escalations-title">
          <h2 id="board-escalations-title">Escalations to acknowledge</h2>
          <EscalationQueue
            atRisk={entries.map((entry) => entry.ticket)}
            groupId={filters.groupId}
            priority={filters.priority}
            refreshSignal={latestEvent}
            onAcknowledged={refreshAtRisk}
          />
        </section>
        <section className="card" aria-labelledby="board-agents-title">
          <h2 id="board-agents-title">Agents</h2>
          <AgentLoadPanel groupId={filters.groupId} refreshSignal={latestEvent} />
        </section>
      </div>
      <KpiCharts groupId={filters.groupId} priority={filters.priority} refreshSignal={latestEvent} />
    </section>
  );
}
