import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { ticketWorkflowId } from '../../workflows/ticket/ticket.contract.js';
import { runBounded } from './run-bounded.js';

/** What the soak's clients were told (acknowledged) and what they sent without an answer (unacknowledged). */
export interface SoakLedger {
  /** createTicket: the unique subject → the id the API answered. */
  createdTickets: Map<string, string>;
  /** createTicket subjects that never got an id (gave up after retries): each may exist at most once. */
  unacknowledgedCreates: Set<string>;
  /** Subjects of the mails the SMTP listener accepted (250): each must be exactly one email ticket. */
  acceptedMails: Set<string>;
  /** replyToTicket: the unique body → the message id the API answered. */
  replies: Map<string, string>;
  unacknowledgedReplies: Set<string>;
  /** Tickets changeTicketStatus(SOLVED) answered for, untouched afterwards. */
  solvedTicketIds: Set<string>;
}

export interface Reconciliation {
  problems: string[];
  tickets: { total: number; created: number; createdWithoutAnswer: number; fromMail: number };
  replies: { total: number; acknowledged: number; withoutAnswer: number };
  solved: number;
  /** Ticket workflows by status (RUNNING, COMPLETED, …). */
  workflows: Map<string, number>;
}

/** Every acknowledged write exists exactly once (with its workflow), nothing else was written, and the counts add up. */
export async function reconcile(dataSource: DataSource, temporal: Client, ledger: SoakLedger): Promise<Reconciliation> {
  const problems: string[] = [];
  const ticketRows = await dataSource.query<Array<{ subject: string; ids: string[]; channels: string[] }>>(
    `SELECT subject, array_agg(id::text) AS ids, array_agg(channel) AS channels FROM tickets GROUP BY subject`,
  );
  const ticketsBySubject = new Map(ticketRows.map((row) => [row.subject, row]));
  const allTicketIds = ticketRows.flatMap((row) => row.ids);

  for (const [subject, id] of ledger.createdTickets) {
    const ids = ticketsBySubject.get(subject)?.ids ?? [];
    if (ids.length !== 1 || ids[0] !== id) problems.push(`created ticket "${subject}" (${id}): found ${JSON.stringify(ids)}`);
  }
  let createdWithoutAnswer = 0;
  for (const subject of ledger.unacknowledgedCreates) {
    const count = ticketsBySubject.get(subject)?.ids.length ?? 0;
    if (count > 1) problems.push(`unanswered create "${subject}" landed ${count} times`);
    createdWithoutAnswer += count;
  }
  for (const subject of ledger.acceptedMails) {
    const row = ticketsBySubject.get(subject);
    if (row?.ids.length !== 1 || row.channels[0] !== 'email') problems.push(`accepted mail "${subject}": found ${JSON.stringify(row ?? null)}`);
  }
  const known = new Set([...ledger.createdTickets.keys(), ...ledger.unacknowledgedCreates, ...ledger.acceptedMails]);
  const strangers = ticketRows.filter((row) => !known.has(row.subject));
  if (strangers.length > 0) problems.push(`tickets nobody asked for: ${strangers.map((row) => row.subject).join(', ')}`);
  const expectedTickets = ledger.createdTickets.size + createdWithoutAnswer + ledger.acceptedMails.size;
  if (allTicketIds.length !== expectedTickets) problems.push(`${allTicketIds.length} tickets, expected ${expectedTickets}`);

  const messageRows = await dataSource.query<Array<{ body: string; ids: string[] }>>(
    `SELECT body, array_agg(id::text) AS ids FROM ticket_messages WHERE author_type = 'agent' GROUP BY body`,
  );
  const messagesByBody = new Map(messageRows.map((row) => [row.body, row.ids]));
  for (const [body, id] of ledger.replies) {
    const ids = messagesByBody.get(body) ?? [];
    if (ids.length !== 1 || ids[0] !== id) problems.push(`reply "${body}" (${id}): found ${JSON.stringify(ids)}`);
  }
  let repliesWithoutAnswer = 0;
  for (const body of ledger.unacknowledgedReplies) {
    const count = messagesByBody.get(body)?.length ?? 0;
    if (count > 1) problems.push(`unanswered reply "${body}" stored ${count} times`);
    repliesWithoutAnswer += count;
  }
  const agentMessages = messageRows.reduce((sum, row) => sum + row.ids.length, 0);
  if (agentMessages !== ledger.replies.size + repliesWithoutAnswer) {
    problems.push(`${agentMessages} agent messages, expected ${ledger.replies.size + repliesWithoutAnswer}`);
  }

  const notSolved = await dataSource.query<Array<{ id: string; status: string }>>(
    `SELECT id::text, status FROM tickets WHERE id = ANY($1::uuid[]) AND status NOT IN ('solved', 'closed')`,
    [[...ledger.solvedTicketIds]],
  );
  for (const { id, status } of notSolved) problems.push(`ticket ${id} acknowledged as solved is ${status}`);

  const workflows = await workflowStatuses(temporal, allTicketIds, problems);
  return {
    problems,
    tickets: { total: allTicketIds.length, created: ledger.createdTickets.size, createdWithoutAnswer, fromMail: ledger.acceptedMails.size },
    replies: { total: agentMessages, acknowledged: ledger.replies.size, withoutAnswer: repliesWithoutAnswer },
    solved: ledger.solvedTicketIds.size,
    workflows,
  };
}

/** Each ticket's workflow must exist and be running (an open or solved ticket) or completed (a closed one). */
async function workflowStatuses(temporal: Client, ticketIds: string[], problems: string[]): Promise<Map<string, number>> {
  const statuses = new Map<string, number>();
  await runBounded(ticketIds.length, 20, async (index) => {
    const status = await temporal.workflow
      .getHandle(ticketWorkflowId(ticketIds[index]))
      .describe()
      .then((description) => description.status.name as string)
      .catch((error: Error) => `MISSING (${error.name})`);
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    if (status !== 'RUNNING' && status !== 'COMPLETED') problems.push(`ticket ${ticketIds[index]}: workflow ${status}`);
  });
  return statuses;
}
