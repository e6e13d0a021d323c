import { parseArgs } from 'node:util';
import type { DataSource } from 'typeorm';
import { newTicketFrom } from '../apps/api/tickets/new-ticket.js';
import { TicketWorkflowsClient } from '../apps/api/tickets/ticket-workflows.client.js';
import { readConfig } from '../libs/config/app-config.js';
import type { RoutableTicket } from '../libs/domain/routing/index.js';
import { startBenchStack } from './support/bench-stack.js';
import { machineLoad } from './support/machine.js';
import { scenarioTickets } from './support/routing-corpus.js';
import { insertRoutingSetup } from './support/routing-fixtures.js';
import { seededRandom } from './support/seeded-random.js';
import { runBounded } from './support/run-bounded.js';
import { formatTable, seconds, summarize } from './support/stats.js';
import { measureUpdateRoundTrips, startUpdateRoundTripWorker } from './support/update-round-trip.js';

// Issue 4: how long from a ticket's creation until an agent has it, on the real stack? Tickets without a group are
// created as the API's createTicket does (update-with-start `openTicket`); the workflow routes them (routeTicket
// activity: active rules and calendars from PostgreSQL) and assigns them (assignAgent: the group's members locked, the
// least loaded chosen) before the update returns. Side by side with bare update-with-start round trips of a trivial
// workflow on the same server, measured in this run.
// Usage: node dist/bench/assignment-latency.js [--tickets 500] [--concurrency 10] [--rules 50] [--agents 10] [--groups 5]
//                                            [--seed 4]

const { values } = parseArgs({
  options: {
    tickets: { type: 'string', default: '500' },
    concurrency: { type: 'string', default: '10' },
    rules: { type: 'string', default: '50' },
    agents: { type: 'string', default: '10' },
    groups: { type: 'string', default: '5' },
    seed: { type: 'string', default: '4' },
  },
});
const tickets = Number(values.tickets);
const concurrency = Number(values.concurrency);
const setup = { groups: Number(values.groups), agents: Number(values.agents), rules: Number(values.rules), capacity: Math.min(tickets, 1000) };

console.log(
  `assignment-latency: ${tickets} tickets, creation concurrency ${concurrency}; ${setup.rules} rules, ${setup.groups} groups` +
    ` + fallback, ${setup.agents} agents online (capacity ${setup.capacity}, 3 groups each)\nmachine at start: ${machineLoad()}`,
);
const bench = await startBenchStack();
try {
  const random = seededRandom(Number(values.seed));
  const callerId = await insertRoutingSetup(bench.dataSource, setup, random);
  // A policy as a help desk has one; choosing it is part of opening a ticket.
  await bench.insertSlaPolicy({ resolutionMinutes: 24 * 60, warningThresholds: [] });
  await startUpdateRoundTripWorker(bench);
  const api = new TicketWorkflowsClient(bench.client, { ...readConfig({}), taskQueue: bench.worker.options.taskQueue });
  const scenarios = scenarioTickets(tickets, random);

  const creationStarted = performance.now();
  const openLatencies = await runBounded(tickets, concurrency, (index) => api.open(newTicketFrom(createInput(scenarios[index]), callerId, new Date())));
  const creationMs = performance.now() - creationStarted;
  bench.assertWorkersRunning();
  const machineAfterTickets = machineLoad();
  const outcomes = await assignmentOutcomes(bench.dataSource);
  if (outcomes.length !== tickets) throw new Error(`only ${outcomes.length} of ${tickets} tickets have routed and assigned/queued events`);
  const baseline = await measureUpdateRoundTrips(bench, tickets, concurrency);

  const assigned = outcomes.filter((outcome) => outcome.assigned);
  const perAgent = summarize([...countBy(assigned.map((outcome) => outcome.agentId)).values()]);
  console.log(
    `created ${tickets} tickets in ${seconds(creationMs)} s: ${Math.round((tickets / creationMs) * 1000)} tickets/s;` +
      ` ${assigned.length} assigned, ${outcomes.length - assigned.length} queued, ${outcomes.filter((o) => o.fallback).length} routed to the fallback queue;` +
      ` tickets per agent median ${perAgent.p50}, max ${perAgent.max}` +
      `\nmachine after the tickets: ${machineAfterTickets}; after the baseline: ${machineLoad()}\n`,
  );
  const row = (label: string, sample: number[]) => {
    const { count, p50, p99, max } = summarize(sample);
    return [label, count, Math.round(p50), Math.round(p99), Math.round(max)];
  };
  console.log(
    formatTable(
      [`${tickets} tickets, ${concurrency} at a time`, 'n', 'p50 ms', 'p99 ms', 'max ms'],
      [
        row('baseline: trivial workflow update-with-start returned', baseline),
        row('ticket: createTicket update-with-start returned', openLatencies),
        row('ticket: routed occurred_at − created_at', outcomes.map((outcome) => outcome.routedMs)),
        row('ticket: assigned occurred_at − created_at', assigned.map((outcome) => outcome.settledMs)),
      ],
    ),
  );
} finally {
  await bench.stop();
}

/** The ticket as createTicket receives it: no group, so the rules route it. */
function createInput(ticket: RoutableTicket) {
  const { channel, requesterEmail, organizationId, customerTier, priority, subject, description } = ticket;
  const fields = Object.entries(ticket.fields).map(([name, value]) => ({ name, value }));
  return { channel, requesterEmail, organizationId, customerTier, priority, subject, description, fields };
}

interface AssignmentOutcome {
  assigned: boolean;
  agentId: string | null;
  fallback: boolean;
  /** routed event's occurred_at − tickets.created_at (the instant the API accepted the ticket). */
  routedMs: number;
  /** assigned (or queued) event's occurred_at − tickets.created_at. */
  settledMs: number;
}

async function assignmentOutcomes(dataSource: DataSource): Promise<AssignmentOutcome[]> {
  const rows = await dataSource.query<
    Array<{ created_at: Date; routed_at: Date; fallback: boolean; settled_at: Date; type: string; agent_id: string | null }>
  >(
    `SELECT t.created_at, r.occurred_at AS routed_at, (r.data->>'fallback')::boolean AS fallback,
            s.occurred_at AS settled_at, s.type, s.data->>'agentId' AS agent_id
     FROM tickets t
     JOIN ticket_events r ON r.ticket_id = t.id AND r.type = 'routed'
     JOIN ticket_events s ON s.ticket_id = t.id AND s.type IN ('assigned', 'queued')`,
  );
  return rows.map((row) => ({
    assigned: row.type === 'assigned',
    agentId: row.agent_id,
    fallback: row.fallback,
    routedMs: row.routed_at.getTime() - row.created_at.getTime(),
    settledMs: row.settled_at.getTime() - row.created_at.getTime(),
  }));
}

function countBy<T>(items: T[]): Map<T, number> {
  const counts = new Map<T, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}
