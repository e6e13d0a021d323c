import { ALWAYS_OPEN_CALENDAR, type BusinessCalendar } from '../../domain/calendar/index.js';
import { ticketFacts, type TicketFacts } from '../../domain/reporting/index.js';
import type { TicketStatus } from '../../domain/tickets/ticket-status.js';
import type { TicketType } from '../../domain/tickets/ticket-type.js';

/** Runs one SQL statement and returns its rows: a DataSource, an EntityManager in a transaction, or a pg client wrapped. */
export type SqlRows = <T>(sql: string, parameters?: unknown[]) => Promise<T[]>;

interface TicketRow {
  id: string;
  created_at: Date;
  status: TicketStatus;
  solved_at: Date | null;
  closed_at: Date | null;
  channel: string;
  priority: string;
  group_id: string | null;
  assignee_id: string | null;
  organization_id: string | null;
  sla_policy_id: string | null;
  type: TicketType;
  problem_id: string | null;
  tags: string[];
  requester: string;
  imported: boolean;
  routed_group_id: string | null;
  misrouted: boolean;
  first_reply_at: Date | null;
  time_zone: string | null;
  intervals: BusinessCalendar['intervals'] | null;
  holidays: BusinessCalendar['holidays'] | null;
}

interface MessageRow {
  ticket_id: string;
  author_type: 'agent' | 'customer';
  is_public: boolean;
  created_at: Date;
}

interface EventRow {
  ticket_id: string;
  type: string;
  actor: string;
  occurred_at: Date;
  data: Record<string, unknown> | null;
}

/**
 * Recomputes the report facts of these tickets from their rows, messages and timelines, and writes them. Idempotent:
 * it always writes what the tickets' records say now, so callers run it inside the transaction that changed them.
 * With `keepExisting`, a ticket that has facts already keeps them (they were written with its latest change).
 */
export async function refreshTicketReportFacts(sql: SqlRows, ticketIds: readonly string[], { keepExisting = false } = {}): Promise<void> {
  if (ticketIds.length === 0) return;
  const ids = [...new Set(ticketIds)].sort();
  // Two writers of one ticket (its workflow's timeline write, a migration batch adding messages) take turns, so the
  // last to write read what the other committed (in id order: no deadlock between batches; NO KEY UPDATE: no conflict
  // with the key-share locks that inserting messages takes).
  await sql('SELECT id FROM tickets WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE', [ids]);
  const tickets = await sql<TicketRow>(
    `SELECT t.id, t.created_at, t.status, t.solved_at, t.closed_at, t.channel, t.priority, t.group_id, t.assignee_id,
            t.organization_id, t.sla_policy_id, t.type, t.problem_id, t.tags, lower(t.requester_email) AS requester,
            t.import_run_id IS NOT NULL AS imported, t.routed_group_id, t.misrouted, t.first_reply_at, c.time_zone, c.intervals, c.holidays
     FROM tickets t
     LEFT JOIN sla_policies p ON p.id = t.sla_policy_id
     LEFT JOIN business_calendars c ON c.id = p.calendar_id
     WHERE t.id = ANY($1::uuid[])`,
    [ids],
  );
  if (tickets.length === 0) return;
  const messages = groupByTicket(
    await sql<MessageRow>(
      'SELECT ticket_id, author_type, is_public, created_at FROM ticket_messages WHERE ticket_id = ANY($1::uuid[]) ORDER BY created_at',
      [ids],
    ),
  );
  const events = groupByTicket(
    await sql<EventRow>(
      'SELECT ticket_id, type, actor, occurred_at, data FROM ticket_events WHERE ticket_id = ANY($1::uuid[]) ORDER BY ticket_id, sequence',
      [ids],
    ),
  );
  const rows = tickets.map((ticket) => factsRow(ticket, ticketFacts(historyOf(ticket, messages.get(ticket.id) ?? [], events.get(ticket.id) ?? []))));
  await sql(
    `INSERT INTO ticket_report_facts (${FACT_COLUMNS.join(', ')})
     SELECT ${FACT_COLUMNS.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS r(${FACT_COLUMNS.map((column) => `${column} ${COLUMN_TYPES[column]}`).join(', ')})
     ON CONFLICT (ticket_id) DO ${keepExisting ? 'NOTHING' : `UPDATE SET ${FACT_COLUMNS.slice(1).map((column) => `${column} = EXCLUDED.${column}`).join(', ')}, refreshed_at = now()`}`,
    [JSON.stringify(rows)],
  );
}

/**
 * Writes the facts of tickets that have none yet (tickets from before reporting existed), a chunk at a time, until
 * none is left or `keepGoing` says stop. Facts a ticket's own change wrote meanwhile are kept, never overwritten.
 */
export async function backfillTicketReportFacts(
  sql: SqlRows,
  { chunkSize = 500, keepGoing = (): boolean => true }: { chunkSize?: number; keepGoing?: () => boolean } = {},
): Promise<number> {
  let done = 0;
  // Walks the tickets in id order from where the last chunk ended, so each lookup passes over a chunk, not all done.
  let after = '00000000-0000-0000-0000-000000000000';
  while (keepGoing()) {
    const missing = await sql<{ id: string }>(
      `SELECT t.id FROM tickets t
        WHERE t.id > $2 AND NOT EXISTS (SELECT 1 FROM ticket_report_facts f WHERE f.ticket_id = t.id)
        ORDER BY t.id LIMIT $1`,
      [chunkSize, after],
    );
    if (missing.length === 0) break;
    after = missing.at(-1)!.id;
    await refreshTicketReportFacts(sql, missing.map((row) => row.id), { keepExisting: true });
    done += missing.length;
  }
  return done;
}

function groupByTicket<T extends { ticket_id: string }>(rows: T[]): Map<string, T[]> {
  const byTicket = new Map<string, T[]>();
  for (const row of rows) {
    const list = byTicket.get(row.ticket_id);
    if (list) list.push(row);
    else byTicket.set(row.ticket_id, [row]);
  }
  return byTicket;
}

function historyOf(ticket: TicketRow, messages: MessageRow[], events: EventRow[]) {
  const time = (value: Date | null) => (value === null ? null : value.getTime());
  return {
    createdAt: ticket.created_at.getTime(),
    status: ticket.status,
    solvedAt: time(ticket.solved_at),
    closedAt: time(ticket.closed_at),
    routedGroupId: ticket.routed_group_id,
    misrouted: ticket.misrouted,
    recordedFirstReplyAt: time(ticket.first_reply_at),
    messages: messages.map((message) => ({ authorType: message.author_type, isPublic: message.is_public, at: message.created_at.getTime() })),
    events: events.map((event) => ({ type: event.type, actor: event.actor, at: event.occurred_at.getTime(), data: event.data ?? {} })),
    calendar:
      ticket.time_zone !== null
        ? { timeZone: ticket.time_zone, intervals: ticket.intervals ?? [], holidays: ticket.holidays ?? [] }
        : ALWAYS_OPEN_CALENDAR,
  };
}

const COLUMN_TYPES = {
  ticket_id: 'uuid',
  created_at: 'timestamptz',
  solved_at: 'timestamptz',
  done_at: 'timestamptz',
  status: 'text',
  channel: 'text',
  priority: 'text',
  group_id: 'text',
  assignee_id: 'uuid',
  organization_id: 'text',
  sla_policy_id: 'uuid',
  type: 'text',
  problem_id: 'uuid',
  tags: 'text[]',
  requester: 'text',
  imported: 'boolean',
  first_reply_minutes: 'float8',
  first_reply_business_minutes: 'float8',
  resolution_minutes: 'float8',
  resolution_business_minutes: 'float8',
  next_reply_minutes: 'float8[]',
  waiting_on_customer_minutes: 'float8',
  public_agent_replies: 'integer',
  reopens: 'integer',
  one_touch: 'boolean',
  first_contact_resolved: 'boolean',
  escalations: 'integer',
  reassignments: 'integer',
  routed: 'boolean',
  misrouted: 'boolean',
  sla_first_reply_met: 'integer',
  sla_first_reply_breached: 'integer',
  sla_next_reply_met: 'integer',
  sla_next_reply_breached: 'integer',
  sla_resolution_met: 'integer',
  sla_resolution_breached: 'integer',
  sla_breaches: 'integer',
  sla_minutes_past_deadline: 'float8[]',
  sla_warnings_met: 'integer',
} as const;
type FactColumn = keyof typeof COLUMN_TYPES;
const FACT_COLUMNS = Object.keys(COLUMN_TYPES) as FactColumn[];

function factsRow(ticket: TicketRow, facts: TicketFacts): Record<FactColumn, unknown> {
  const { sla } = facts;
  return {
    ticket_id: ticket.id,
    created_at: ticket.created_at.toISOString(),
    solved_at: facts.solvedAt === null ? null : new Date(facts.solvedAt).toISOString(),
    done_at: facts.doneAt === null ? null : new Date(facts.doneAt).toISOString(),
    status: ticket.status,
    channel: ticket.channel,
    priority: ticket.priority,
    group_id: ticket.group_id,
    assignee_id: ticket.assignee_id,
    organization_id: ticket.organization_id,
    sla_policy_id: ticket.sla_policy_id,
    type: ticket.type,
    problem_id: ticket.problem_id,
    tags: ticket.tags ?? [],
    requester: ticket.requester,
    imported: ticket.imported,
    first_reply_minutes: facts.firstReplyMinutes,
    first_reply_business_minutes: facts.firstReplyBusinessMinutes,
    resolution_minutes: facts.resolutionMinutes,
    resolution_business_minutes: facts.resolutionBusinessMinutes,
    next_reply_minutes: facts.nextReplyMinutes,
    waiting_on_customer_minutes: facts.waitingOnCustomerMinutes,
    public_agent_replies: facts.publicAgentReplies,
    reopens: facts.reopens,
    one_touch: facts.oneTouch,
    first_contact_resolved: facts.firstContactResolved,
    escalations: facts.escalations,
    reassignments: facts.reassignments,
    routed: facts.routed,
    misrouted: facts.misrouted,
    sla_first_reply_met: sla.first_reply.met,
    sla_first_reply_breached: sla.first_reply.breached,
    sla_next_reply_met: sla.next_reply.met,
    sla_next_reply_breached: sla.next_reply.breached,
    sla_resolution_met: sla.resolution.met,
    sla_resolution_breached: sla.resolution.breached,
    sla_breaches: sla.first_reply.breached + sla.next_reply.breached + sla.resolution.breached,
    sla_minutes_past_deadline: facts.slaMinutesPastDeadline,
    sla_warnings_met: facts.slaWarningsMet,
  };
}
