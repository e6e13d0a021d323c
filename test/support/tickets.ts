import { WorkflowNotFoundError, type Client, type WorkflowExecutionInfo } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { waitFor } from '../../libs/devstack/wait-for.js';
import { ticketWorkflowId } from '../../workflows/ticket/ticket.contract.js';
import { onlyError } from './graphql-responses.js';

export { onlyError };

/** What the e2e specs ask of a ticket over GraphQL. */
export const TICKET_FIELDS = 'id number subject description requesterEmail channel priority status createdAt';

export const CREATE_TICKET = `mutation($input: CreateTicketInput!) { createTicket(input: $input) { ${TICKET_FIELDS} } }`;

/** A valid createTicket input (GraphQL enum names), changed by `overrides`. */
export function newTicket(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    subject: 'Cannot sign in',
    description: 'The login page says my password is wrong after the reset.',
    requesterEmail: 'customer@example.com',
    channel: 'EMAIL',
    priority: 'HIGH',
    ...overrides,
  };
}

/** The timeline events of these types, in order: a test about one concern ignores the events of others (e.g. SLA). */
export function eventsOfType<T extends { type: string }>(timeline: T[], ...types: string[]): T[] {
  return timeline.filter((event) => types.includes(event.type));
}

/** How many `created` events the ticket's timeline has: exactly one for a ticket created once. */
export async function createdEventCount(dataSource: DataSource, ticketId: string): Promise<number> {
  const [{ count }] = await dataSource.query<Array<{ count: string }>>(
    "SELECT count(*) AS count FROM ticket_events WHERE ticket_id = $1 AND type = 'created'",
    [ticketId],
  );
  return Number(count);
}

export async function ticketRowCount(dataSource: DataSource, where = 'true', params: unknown[] = []): Promise<number> {
  const [{ count }] = await dataSource.query<Array<{ count: string }>>(`SELECT count(*) AS count FROM tickets WHERE ${where}`, params);
  return Number(count);
}

/** Every run (open or closed) Temporal's visibility lists for the query. */
export async function listWorkflows(temporal: Client, query: string): Promise<WorkflowExecutionInfo[]> {
  const runs: WorkflowExecutionInfo[] = [];
  for await (const run of temporal.workflow.list({ query })) runs.push(run);
  return runs;
}

/**
 * The runs of a ticket's workflow, once visibility (eventually consistent) lists at least `atLeast` of them; the caller
 * asserts the exact number.
 */
export function ticketWorkflowRuns(temporal: Client, ticketId: string, atLeast = 1): Promise<WorkflowExecutionInfo[]> {
  return waitFor(
    `visibility of ${ticketWorkflowId(ticketId)}`,
    async () => {
      const runs = await listWorkflows(temporal, `WorkflowId = "${ticketWorkflowId(ticketId)}"`);
      if (runs.length < atLeast) throw new Error(`${runs.length} run(s) listed`);
      return runs;
    },
    10_000,
    50,
  );
}

/** Strongly consistent (no visibility involved): the workflow id was never used. */
export async function expectNoTicketWorkflow(temporal: Client, ticketId: string): Promise<void> {
  await expect(temporal.workflow.getHandle(ticketWorkflowId(ticketId)).describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);
}

/**
 * Gives an agent `count` open tickets straight in the database (an agent's load is counted from the tickets assigned
 * to them), for tests about choosing agents by load. The rows have no workflow: they are load, not tickets to work.
 */
export async function giveOpenTickets(dataSource: DataSource, agentId: string, count: number): Promise<void> {
  await dataSource.query(
    `INSERT INTO tickets (id, subject, description, requester_email, channel, priority, status, assignee_id)
     SELECT gen_random_uuid(), 'load', 'load', 'load@example.com', 'email', 'normal', 'open', $1 FROM generate_series(1, $2)`,
    [agentId, count],
  );
}
