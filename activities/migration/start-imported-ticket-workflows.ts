import { Context } from '@temporalio/activity';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import type { TicketStatus } from '../../libs/domain/tickets/ticket-status.js';
import { TICKET_PRIORITY_ATTRIBUTE, TICKET_STATUS_ATTRIBUTE } from '../../libs/temporal/search-attributes.js';
import { TICKET_WORKFLOW_TYPE, ticketWorkflowId, type NewTicket, type TicketWorkflowInput } from '../../workflows/ticket/ticket.contract.js';

const PAGE = 500;
/** Workflow starts in flight at once: enough to keep the server busy, few enough not to crowd out live tickets. */
const PARALLEL_STARTS = 16;
const OPEN_STATUSES: TicketStatus[] = ['new', 'open', 'pending', 'on_hold'];

interface OpenTicketRow {
  id: string;
  subject: string;
  description: string;
  requester_email: string;
  channel: NewTicket['channel'];
  priority: NewTicket['priority'];
  type: NewTicket['type'];
  status: TicketStatus;
  organization_id: string | null;
  tags: string[];
  fields: Record<string, string>;
  problem_id: string | null;
  created_at: Date;
  source_key: string;
  source_id: string;
}

/**
 * Starts the lifecycle workflow of every open ticket a run imported, from its original creation time (its SLA clocks
 * count from then) and its old status, with bounded parallelism. Tickets a workflow has already written
 * (lifecycle_version > 0) are done; a start that finds the workflow running is too — so a retry starts each once.
 * Closed tickets never get one.
 */
export async function startImportedTicketWorkflows(dataSource: DataSource, runId: string): Promise<number> {
  const context = Context.current();
  let started = 0;
  for (let after = '00000000-0000-0000-0000-000000000000'; ; ) {
    const rows = await dataSource.query<OpenTicketRow[]>(
      `SELECT t.id, t.subject, t.description, t.requester_email, t.channel, t.priority, t.type, t.status, t.organization_id, t.tags,
              t.fields, t.problem_id, t.created_at, m.source_key, m.source_id
         FROM tickets t JOIN migration_id_map m ON m.record_type = 'ticket' AND m.target_id = t.id::text
        WHERE t.import_run_id = $1 AND t.status = ANY($2) AND t.lifecycle_version = 0 AND t.id > $3
        ORDER BY t.id LIMIT $4`,
      [runId, OPEN_STATUSES, after, PAGE],
    );
    if (rows.length === 0) return started;
    let next = 0;
    const lane = async () => {
      while (next < rows.length) {
        const row = rows[next++];
        const input: TicketWorkflowInput = { ticket: newTicketOf(row, runId), importedStatus: row.status };
        try {
          await context.client.workflow.start(TICKET_WORKFLOW_TYPE, {
            workflowId: ticketWorkflowId(row.id),
            taskQueue: context.info.taskQueue,
            args: [input],
            typedSearchAttributes: [
              { key: TICKET_STATUS_ATTRIBUTE, value: row.status }, // as its row and its workflow say from the start
              { key: TICKET_PRIORITY_ATTRIBUTE, value: row.priority },
            ],
          });
          started += 1;
        } catch (error) {
          if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_STARTS }, lane));
    context.heartbeat(started);
    after = rows[rows.length - 1].id;
  }
}

/** How far the run's open tickets are: how many there are, and how many workflows have written their first state. */
export async function importedTicketWorkflowStarts(dataSource: DataSource, runId: string): Promise<{ expected: number; started: number }> {
  const [row] = await dataSource.query<Array<{ expected: string; started: string }>>(
    `SELECT count(*) FILTER (WHERE status = ANY($2) OR lifecycle_version > 0) AS expected, count(*) FILTER (WHERE lifecycle_version > 0) AS started
       FROM tickets WHERE import_run_id = $1`,
    [runId, OPEN_STATUSES],
  );
  return { expected: Number(row.expected), started: Number(row.started) };
}

function newTicketOf(row: OpenTicketRow, runId: string): NewTicket {
  return {
    id: row.id,
    subject: row.subject,
    description: row.description,
    requesterEmail: row.requester_email,
    channel: row.channel,
    priority: row.priority,
    type: row.type,
    groupId: null,
    organizationId: row.organization_id,
    customerTier: null,
    tags: row.tags,
    createdBy: null,
    idempotencyKey: null,
    followUpOf: null,
    fields: row.fields,
    createdAt: row.created_at.toISOString(),
    imported: { runId, sourceSystem: row.source_key, sourceId: row.source_id },
    ...(row.problem_id ? { importedProblemId: row.problem_id } : {}),
  };
}
