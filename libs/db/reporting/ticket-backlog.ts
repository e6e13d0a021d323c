import { BACKLOG_AGE_BUCKETS, type ReportGrouping } from '../../domain/reporting/index.js';
import { groupKeySql, openAtSql, ParameterList, ticketFilterSql, type ReportTicketFilter } from './report-sql.js';
import type { SqlRows } from './ticket-report-facts.js';

export interface TicketBacklog {
  at: string;
  open: number;
  ageBuckets: Array<{ label: string; count: number }>;
  /** Open tickets per agent, group, channel, …; empty without a grouping. */
  groups: Array<{ key: string; count: number }>;
}

/**
 * The tickets created by `at` and not solved, closed or merged by then. A ticket is judged by its last solve: one
 * solved, reopened and still open counts as open since its creation.
 */
export async function ticketBacklog(
  sql: SqlRows,
  request: { at: string; filter: ReportTicketFilter; groupBy: Exclude<ReportGrouping, 'day' | 'week' | 'month'> },
): Promise<TicketBacklog> {
  const parameters = new ParameterList();
  const at = `${parameters.add(request.at)}::timestamptz`;
  const where = [openAtSql(at), ...ticketFilterSql(request.filter, parameters)].join(' AND ');
  const age = `extract(epoch FROM ${at} - f.created_at) * 1000`;
  const buckets = BACKLOG_AGE_BUCKETS.map(
    (bucket, index) => `count(*) FILTER (WHERE ${age} >= ${bucket.fromMs}${bucket.toMs === null ? '' : ` AND ${age} < ${bucket.toMs}`}) AS b${index}`,
  );
  const [totals] = await sql<Record<string, string>>(`SELECT count(*) AS open, ${buckets.join(', ')} FROM ticket_report_facts f WHERE ${where}`, parameters.values);
  const key = groupKeySql(request.groupBy, 'f.created_at', () => 'UTC');
  const groups =
    key === null
      ? []
      : await sql<{ key: string; count: string }>(
          `SELECT ${key.label} AS key, count(*) AS count FROM ticket_report_facts f WHERE ${where} GROUP BY 1 ORDER BY 2 DESC, 1`,
          parameters.values,
        );
  return {
    at: request.at,
    open: Number(totals.open),
    ageBuckets: BACKLOG_AGE_BUCKETS.map((bucket, index) => ({ label: bucket.label, count: Number(totals[`b${index}`]) })),
    groups: groups.map((group) => ({ key: group.key, count: Number(group.count) })),
  };
}
