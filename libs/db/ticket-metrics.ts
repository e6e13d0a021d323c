import { DEFAULT_REPEAT_CONTACT_DAYS, type ReportMetric } from '../domain/reporting/index.js';
import type { KpiSet, PilotTicketMetrics } from '../domain/rollout/index.js';
import { helpdeskReport, type HelpdeskReportResult } from './reporting/helpdesk-report.js';
import type { SqlRows } from './reporting/ticket-report-facts.js';

// Rollout measurements: the reporting metrics (libs/domain/reporting) over the tickets a rollout looks at, plus the few
// figures only rollouts use (tickets per agent per day, article linking). A figure with nothing to measure (no answered
// survey, no solved ticket, no search) is null: "not measurable yet".

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

const rows = (db: Queryable): SqlRows => (sql, parameters) => db.query(sql, parameters);

/** The selection's tickets as a report reads them: from its range (all time without one), through the same filters. */
function reportOf(db: Queryable, selection: TicketSelection, metrics: ReportMetric[]) {
  return helpdeskReport(rows(db), {
    start: selection.from ?? '-infinity',
    end: selection.to ?? 'infinity',
    timeZone: 'UTC',
    groupBy: 'none',
    metrics,
    repeatContactDays: DEFAULT_REPEAT_CONTACT_DAYS,
    filter: {
      importRunId: selection.importRunId,
      organizationIds: selection.organizationIds,
      categories: selection.categories,
      channels: selection.channels,
      agentIds: selection.agentIds,
    },
  });
}

/** Reads figures by metric from a report's totals. */
function figures(report: HelpdeskReportResult) {
  const of = (metric: ReportMetric) => report.totals.find((figure) => figure.metric === metric)!;
  return { value: (metric: ReportMetric) => of(metric).value, mean: (metric: ReportMetric) => of(metric).mean };
}

/** Tickets assigned to someone, per agent who had any, per day of the selection's span. */
async function ticketsPerAgentPerDay(db: Queryable, selection: TicketSelection): Promise<number | null> {
  const { where, parameters } = selectionFilter(selection);
  const [row] = await db.query<Array<{ agents: string; assigned: string; first_at: Date | null; last_at: Date | null }>>(
    `SELECT count(DISTINCT t.assignee_id) AS agents, count(t.assignee_id) AS assigned, min(t.created_at) AS first_at, max(t.created_at) AS last_at
     FROM tickets t WHERE ${where}`,
    parameters,
  );
  const spanStart = selection.from ? Date.parse(selection.from) : row.first_at?.getTime();
  const spanEnd = selection.to ? Date.parse(selection.to) : row.last_at?.getTime();
  const days = spanStart !== undefined && spanEnd !== undefined ? Math.max(1, Math.ceil((spanEnd - spanStart) / 86_400_000)) : 1;
  const agents = Number(row.agents);
  return agents > 0 ? Number(row.assigned) / agents / days : null;
}

const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** Solved tickets of the selection with at least one knowledge article linked, over solved tickets. */
async function articleLinkingRateOf(db: Queryable, selection: TicketSelection): Promise<number | null> {
  const { where, parameters } = selectionFilter(selection);
  const [row] = await db.query<Array<{ solved: string; linked: string }>>(
    `SELECT count(*) AS solved,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM knowledge_article_links l WHERE l.ticket_id = t.id)) AS linked
     FROM tickets t JOIN ticket_report_facts f ON f.ticket_id = t.id WHERE f.solved_at IS NOT NULL AND ${where}`,
    parameters,
  );
  return share(Number(row.linked), Number(row.solved));
}

/** The post-go-live KPIs of a selection (the baseline, when the selection is a migration's history): the report's definitions. */
export async function measureTicketKpis(db: Queryable, selection: TicketSelection): Promise<KpiSet & { tickets: number }> {
  const report = figures(
    await reportOf(db, selection, [
      'TICKETS_CREATED',
      'FIRST_REPLY_TIME',
      'RESOLUTION_TIME',
      'CSAT',
      'SELF_SERVICE_RATE',
      'FIRST_CONTACT_RESOLUTION',
      'ESCALATION_RATE',
      'REOPEN_RATE',
    ]),
  );
  return {
    tickets: report.value('TICKETS_CREATED') ?? 0,
    firstResponseMinutes: report.mean('FIRST_REPLY_TIME'),
    resolutionMinutes: report.mean('RESOLUTION_TIME'),
    csat: report.value('CSAT'),
    ticketsPerAgentPerDay: await ticketsPerAgentPerDay(db, selection),
    selfServiceRate: report.value('SELF_SERVICE_RATE'),
    firstContactResolution: report.value('FIRST_CONTACT_RESOLUTION'),
    escalationRate: report.value('ESCALATION_RATE'),
    reopenRate: report.value('REOPEN_RATE'),
  };
}

/** What a pilot is judged on, from the tickets in its scope and window. */
export async function measurePilotTickets(db: Queryable, selection: TicketSelection): Promise<PilotTicketMetrics> {
  const report = figures(await reportOf(db, selection, ['TICKETS_CREATED', 'ROUTING_ACCURACY', 'FIRST_REPLY_TIME', 'CSAT']));
  return {
    tickets: report.value('TICKETS_CREATED') ?? 0,
    routingAccuracy: report.value('ROUTING_ACCURACY'),
    firstResponseMinutes: report.mean('FIRST_REPLY_TIME'),
    csat: report.value('CSAT'),
    articleLinkingRate: await articleLinkingRateOf(db, selection),
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
