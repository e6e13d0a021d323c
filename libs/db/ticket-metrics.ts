import type { KpiSet, PilotTicketMetrics } from '../domain/rollout/index.js';

// Rollout measurements over the tickets in PostgreSQL, their surveys, article links and knowledge searches. A figure
// with nothing to measure (no answered survey, no solved ticket, no search) is null: "not measurable yet".

interface Queryable {
  query<T = unknown>(sql: string, parameters?: unknown[]): Promise<T>;
}

/** Which tickets to measure: created in [from, to), or brought in by one migration run; optionally narrowed to a pilot's scope. */
export interface TicketSelection {
  from?: string;
  to?: string;
  importRunId?: string;
  organizationIds?: string[];
  categories?: string[];
  channels?: string[];
  agentIds?: string[];
}

/** The WHERE clause (over alias t) and its parameters for a selection. */
function selectionFilter(selection: TicketSelection): { where: string; parameters: unknown[] } {
  const clauses: string[] = [];
  const parameters: unknown[] = [];
  const add = (clause: (n: string) => string, value: unknown) => {
    parameters.push(value);
    clauses.push(clause(`$${parameters.length}`));
  };
  if (selection.from) add((p) => `t.created_at >= ${p}`, selection.from);
  if (selection.to) add((p) => `t.created_at < ${p}`, selection.to);
  if (selection.importRunId) add((p) => `t.import_run_id = ${p}`, selection.importRunId);
  if (selection.organizationIds?.length) add((p) => `t.organization_id = ANY(${p})`, selection.organizationIds);
  if (selection.categories?.length) add((p) => `t.fields->>'category' = ANY(${p})`, selection.categories);
  if (selection.channels?.length) add((p) => `t.channel = ANY(${p})`, selection.channels);
  if (selection.agentIds?.length) add((p) => `t.assignee_id = ANY(${p}::uuid[])`, selection.agentIds);
  return { where: clauses.length ? clauses.join(' AND ') : 'true', parameters };
}

/** Ticket counts and times for the selection: the common ground of KPIs and pilot metrics. */
async function ticketFigures(db: Queryable, selection: TicketSelection) {
  const { where, parameters } = selectionFilter(selection);
  const [row] = await db.query<
    Array<{
      tickets: string;
      routed: string;
      misrouted: string;
      first_response_minutes: number | null;
      resolution_minutes: number | null;
      solved: string;
      first_contact_resolved: string;
      escalated: string;
      reopened: string;
      agents: string;
      assigned: string;
      first_at: Date | null;
      last_at: Date | null;
    }>
  >(
    `WITH t AS (SELECT t.* FROM tickets t WHERE ${where}),
     replies AS (
       SELECT m.ticket_id, min(m.created_at) AS first_reply_at, count(*) AS public_replies
       FROM ticket_messages m JOIN t ON t.id = m.ticket_id
       WHERE m.author_type = 'agent' AND m.is_public GROUP BY m.ticket_id),
     flags AS (
       SELECT e.ticket_id, bool_or(e.type LIKE 'escalation\\_%') AS escalated, bool_or(e.type = 'reopened') AS reopened
       FROM ticket_events e JOIN t ON t.id = e.ticket_id GROUP BY e.ticket_id)
     SELECT count(*) AS tickets,
            count(*) FILTER (WHERE t.routed_group_id IS NOT NULL) AS routed,
            count(*) FILTER (WHERE t.routed_group_id IS NOT NULL AND t.misrouted) AS misrouted,
            avg(extract(epoch FROM r.first_reply_at - t.created_at) / 60)::float8 AS first_response_minutes,
            avg(extract(epoch FROM t.solved_at - t.created_at) / 60)::float8 AS resolution_minutes,
            count(*) FILTER (WHERE t.solved_at IS NOT NULL) AS solved,
            count(*) FILTER (WHERE t.solved_at IS NOT NULL AND r.public_replies = 1 AND NOT coalesce(f.reopened, false)) AS first_contact_resolved,
            count(*) FILTER (WHERE coalesce(f.escalated, false)) AS escalated,
            count(*) FILTER (WHERE coalesce(f.reopened, false)) AS reopened,
            count(DISTINCT t.assignee_id) AS agents,
            count(*) FILTER (WHERE t.assignee_id IS NOT NULL) AS assigned,
            min(t.created_at) AS first_at, max(t.created_at) AS last_at
     FROM t LEFT JOIN replies r ON r.ticket_id = t.id LEFT JOIN flags f ON f.ticket_id = t.id`,
    parameters,
  );
  return { row, where, parameters };
}

const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** CSAT of the selection's tickets: answered surveys scoring 4 or 5 over answered surveys. */
async function csatOf(db: Queryable, where: string, parameters: unknown[]): Promise<number | null> {
  const [row] = await db.query<Array<{ answered: string; satisfied: string }>>(
    `SELECT count(*) AS answered, count(*) FILTER (WHERE s.score >= 4) AS satisfied
     FROM ticket_surveys s JOIN tickets t ON t.id = s.ticket_id
     WHERE s.answered_at IS NOT NULL AND s.score IS NOT NULL AND ${where}`,
    parameters,
  );
  return share(Number(row.satisfied), Number(row.answered));
}

/** Solved tickets of the selection with at least one knowledge article linked, over solved tickets. */
async function articleLinkingRateOf(db: Queryable, where: string, parameters: unknown[]): Promise<number | null> {
  const [row] = await db.query<Array<{ solved: string; linked: string }>>(
    `SELECT count(*) AS solved,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM knowledge_article_links l WHERE l.ticket_id = t.id)) AS linked
     FROM tickets t WHERE t.solved_at IS NOT NULL AND ${where}`,
    parameters,
  );
  return share(Number(row.linked), Number(row.solved));
}

/** Knowledge searches in the window that ended in a click on an article, over all searches. */
async function selfServiceRateOf(db: Queryable, from: string | undefined, to: string | undefined): Promise<number | null> {
  const [row] = await db.query<Array<{ searches: string; clicked: string }>>(
    `SELECT count(*) AS searches, count(*) FILTER (WHERE clicked_at IS NOT NULL) AS clicked
     FROM knowledge_searches WHERE ($1::timestamptz IS NULL OR searched_at >= $1) AND ($2::timestamptz IS NULL OR searched_at < $2)`,
    [from ?? null, to ?? null],
  );
  return share(Number(row.clicked), Number(row.searches));
}

/** The post-go-live KPIs of a selection (the baseline, when the selection is a migration's history). */
export async function measureTicketKpis(db: Queryable, selection: TicketSelection): Promise<KpiSet & { tickets: number }> {
  const { row, where, parameters } = await ticketFigures(db, selection);
  const tickets = Number(row.tickets);
  const solved = Number(row.solved);
  const spanStart = selection.from ? Date.parse(selection.from) : row.first_at?.getTime();
  const spanEnd = selection.to ? Date.parse(selection.to) : row.last_at?.getTime();
  const days = spanStart !== undefined && spanEnd !== undefined ? Math.max(1, Math.ceil((spanEnd - spanStart) / 86_400_000)) : 1;
  const agents = Number(row.agents);
  return {
    tickets,
    firstResponseMinutes: row.first_response_minutes,
    resolutionMinutes: row.resolution_minutes,
    csat: await csatOf(db, where, parameters),
    ticketsPerAgentPerDay: agents > 0 ? Number(row.assigned) / agents / days : null,
    selfServiceRate: await selfServiceRateOf(db, selection.from, selection.to),
    firstContactResolution: share(Number(row.first_contact_resolved), solved),
    escalationRate: share(Number(row.escalated), tickets),
    reopenRate: share(Number(row.reopened), solved),
  };
}

/** What a pilot is judged on, from the tickets in its scope and window. */
export async function measurePilotTickets(db: Queryable, selection: TicketSelection): Promise<PilotTicketMetrics> {
  const { row, where, parameters } = await ticketFigures(db, selection);
  const routed = Number(row.routed);
  return {
    tickets: Number(row.tickets),
    routingAccuracy: routed > 0 ? (routed - Number(row.misrouted)) / routed : null,
    firstResponseMinutes: row.first_response_minutes,
    csat: await csatOf(db, where, parameters),
    articleLinkingRate: await articleLinkingRateOf(db, where, parameters),
  };
}

export interface TicketVolumes {
  tickets: number;
  byChannel: Record<string, number>;
  /** By the "category" form field ("(none)" without one). */
  byCategory: Record<string, number>;
  /** Busiest first: weekday names (UTC) and hours of the day (0–23, UTC), three of each. */
  peakDays: string[];
  peakHours: number[];
}

const PEAKS = 3;

/** How much arrives where and when: the volume part of a baseline. */
export async function ticketVolumes(db: Queryable, selection: TicketSelection): Promise<TicketVolumes> {
  const { where, parameters } = selectionFilter(selection);
  const counts = async (key: string, order = 'n DESC, k') =>
    db.query<Array<{ k: string | number; n: string }>>(`SELECT ${key} AS k, count(*) AS n FROM tickets t WHERE ${where} GROUP BY 1 ORDER BY ${order}`, parameters);
  const byChannel = await counts('t.channel', 'k');
  const byCategory = await counts(`coalesce(t.fields->>'category', '(none)')`, 'k');
  const days = await counts(`trim(to_char(t.created_at AT TIME ZONE 'UTC', 'Day'))`);
  const hours = await counts(`extract(hour FROM t.created_at AT TIME ZONE 'UTC')::int`);
  const asRecord = (rows: Array<{ k: string | number; n: string }>) => Object.fromEntries(rows.map((row) => [row.k, Number(row.n)]));
  return {
    tickets: byChannel.reduce((total, row) => total + Number(row.n), 0),
    byChannel: asRecord(byChannel),
    byCategory: asRecord(byCategory),
    peakDays: days.slice(0, PEAKS).map((row) => String(row.k)),
    peakHours: hours.slice(0, PEAKS).map((row) => Number(row.k)),
  };
}
