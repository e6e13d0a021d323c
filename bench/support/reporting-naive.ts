import type { SqlRows } from '../../libs/db/reporting/ticket-report-facts.js';
import type { ReportMetric } from '../../libs/domain/reporting/index.js';

// The reporting benchmark's baseline: the dashboard's ten figures computed the way one would without a read model,
// as plain GROUP BY SQL over the raw tables (tickets, ticket_events, ticket_messages, ticket_surveys). The rules are
// those of libs/domain/reporting/ticket-facts.ts and report-metrics.ts, written in SQL:
// - solved: the ticket is solved or closed now and was not merged into another, and its last status change into
//   solved/closed from another status is when (the row's solved_at/closed_at for a ticket without status changes);
// - first reply: the first public agent message (else the first reply an import recorded on the ticket row);
//   one-touch: exactly one public agent message and solved;
//   first-contact resolution: one-touch and never reopened; reopened: a `reopened` event;
// - escalated: an escalation step event that is not a repeat;
// - SLA clocks, per ticket and metric: started, then met if it stopped before any breach, breached if it breached
//   before stopping or is still running (the corpus starts each clock once: first_reply and resolution);
// - CSAT: answered surveys scoring 4 or 5, over answered surveys.
// Two statements, run side by side like the report's own: the tickets created in range (nine figures), and the
// tickets solved in range. The second has no way to find its tickets but to read every solved ticket's status changes.

export type NaiveGrouping = 'day' | 'group';

export interface NaiveFigure {
  value: number | null;
  sampleSize: number;
}

/** Figures per group key; the key `null` holds the totals. */
export type NaiveDashboard = Map<string | null, Partial<Record<ReportMetric, NaiveFigure>>>;

const DONE = `('solved','closed')`;
const ESCALATION_STEPS = `('escalation_notified','escalation_reassigned','escalation_priority_raised')`;

function keySql(groupBy: NaiveGrouping, alias: string, instant: string): string {
  return groupBy === 'day' ? `to_char(date_trunc('day', ${alias}.${instant} AT TIME ZONE $3::text), 'YYYY-MM-DD')` : `coalesce(${alias}.group_id, '(none)')`;
}

/** Minutes between two timestamps, as the facts compute them in JS: whole milliseconds / 60,000 in float8. */
const minutes = (from: string, to: string) => `(round(extract(epoch FROM ${to} - ${from}) * 1000)::float8 / 60000)`;

export function naiveCreatedSql(groupBy: NaiveGrouping): string {
  const key = keySql(groupBy, 'p', 'created_at');
  return `
    WITH scope AS (
      SELECT id, created_at, status, group_id, solved_at, closed_at, first_reply_at FROM tickets WHERE created_at >= $1 AND created_at < $2
    ),
    timeline AS (
      SELECT e.ticket_id,
             count(*) FILTER (WHERE e.type = 'status_changed') AS status_changes,
             bool_or(e.type = 'merged') AS merged,
             max(e.occurred_at) FILTER (WHERE e.type = 'status_changed' AND e.data->>'to' IN ${DONE} AND e.data->>'from' NOT IN ${DONE}) AS last_done_at,
             count(*) FILTER (WHERE e.type = 'reopened') AS reopens,
             count(*) FILTER (WHERE e.type IN ${ESCALATION_STEPS} AND e.data->'repeat' IS DISTINCT FROM 'true'::jsonb) AS escalations
      FROM ticket_events e JOIN scope ON scope.id = e.ticket_id
      GROUP BY e.ticket_id
    ),
    clocks AS (
      SELECT e.ticket_id,
             min(e.sequence) FILTER (WHERE e.type = 'sla_stopped') AS stopped_seq,
             min(e.sequence) FILTER (WHERE e.type = 'sla_breached') AS breached_seq
      FROM ticket_events e JOIN scope ON scope.id = e.ticket_id
      WHERE e.type IN ('sla_started','sla_stopped','sla_breached') AND e.data->>'metric' IN ('first_reply','next_reply','resolution')
      GROUP BY e.ticket_id, e.data->>'metric'
      HAVING bool_or(e.type = 'sla_started')
    ),
    sla AS (
      SELECT ticket_id,
             count(*) FILTER (WHERE stopped_seq IS NOT NULL AND (breached_seq IS NULL OR breached_seq > stopped_seq)) AS met,
             count(*) FILTER (WHERE breached_seq IS NOT NULL AND (stopped_seq IS NULL OR breached_seq < stopped_seq)) AS breached
      FROM clocks GROUP BY ticket_id
    ),
    replies AS (
      SELECT m.ticket_id,
             min(m.created_at) FILTER (WHERE m.author_type = 'agent' AND m.is_public) AS first_reply_at,
             count(*) FILTER (WHERE m.author_type = 'agent' AND m.is_public) AS public_replies
      FROM ticket_messages m JOIN scope ON scope.id = m.ticket_id
      GROUP BY m.ticket_id
    ),
    per_ticket AS (
      SELECT scope.id, scope.created_at, scope.group_id, coalesce(r.first_reply_at, scope.first_reply_at) AS first_reply_at,
             coalesce(r.public_replies, 0) AS public_replies, coalesce(tl.reopens, 0) AS reopens,
             coalesce(tl.escalations, 0) AS escalations, coalesce(sla.met, 0) AS sla_met, coalesce(sla.breached, 0) AS sla_breached,
             CASE WHEN scope.status IN ${DONE} AND NOT coalesce(tl.merged, false) THEN
               CASE WHEN coalesce(tl.status_changes, 0) > 0 THEN tl.last_done_at ELSE coalesce(scope.solved_at, scope.closed_at) END
             END AS solved_at
      FROM scope
      LEFT JOIN timeline tl ON tl.ticket_id = scope.id
      LEFT JOIN sla ON sla.ticket_id = scope.id
      LEFT JOIN replies r ON r.ticket_id = scope.id
    )
    SELECT ${key} AS group_key, grouping(${key}) AS is_total,
           count(*) AS created,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY ${minutes('p.created_at', 'p.first_reply_at')}) AS first_reply_median,
           count(p.first_reply_at) AS first_reply_n,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY ${minutes('p.created_at', 'p.solved_at')}) AS resolution_median,
           count(p.solved_at) AS solved_n,
           count(*) FILTER (WHERE p.solved_at IS NOT NULL AND p.public_replies = 1 AND p.reopens = 0) AS first_contact_resolved,
           count(*) FILTER (WHERE p.solved_at IS NOT NULL AND p.reopens > 0) AS reopened,
           count(*) FILTER (WHERE p.solved_at IS NOT NULL AND p.public_replies = 1) AS one_touch,
           count(*) FILTER (WHERE p.escalations > 0) AS escalated,
           sum(p.sla_met) AS sla_met, sum(p.sla_met + p.sla_breached) AS sla_clocks,
           count(*) FILTER (WHERE s.score >= 4) AS satisfied, count(s.score) AS answered
    FROM per_ticket p LEFT JOIN ticket_surveys s ON s.ticket_id = p.id AND s.answered_at IS NOT NULL
    GROUP BY GROUPING SETS ((${key}), ())`;
}

export function naiveSolvedSql(groupBy: NaiveGrouping): string {
  const key = keySql(groupBy, 'done', 'solved_at');
  return `
    WITH done AS (
      SELECT t.id, t.group_id,
             CASE WHEN count(e.id) FILTER (WHERE e.type = 'status_changed') > 0
                  THEN max(e.occurred_at) FILTER (WHERE e.type = 'status_changed' AND e.data->>'to' IN ${DONE} AND e.data->>'from' NOT IN ${DONE})
                  ELSE coalesce(t.solved_at, t.closed_at) END AS solved_at
      FROM tickets t LEFT JOIN ticket_events e ON e.ticket_id = t.id AND e.type IN ('status_changed', 'merged')
      WHERE t.status IN ${DONE}
      GROUP BY t.id
      HAVING NOT bool_or(e.type IS NOT DISTINCT FROM 'merged')
    )
    SELECT ${key} AS group_key, grouping(${key}) AS is_total, count(*) AS solved
    FROM done WHERE solved_at >= $1 AND solved_at < $2
    GROUP BY GROUPING SETS ((${key}), ())`;
}

type Row = Record<string, string | number | null>;

/** Runs both statements side by side and reads the ten figures per group and in total. */
export async function naiveDashboard(
  sql: SqlRows,
  range: { start: string; end: string; timeZone: string },
  groupBy: NaiveGrouping,
): Promise<NaiveDashboard> {
  const parameters = groupBy === 'day' ? [range.start, range.end, range.timeZone] : [range.start, range.end];
  const [created, solved] = await Promise.all([sql<Row>(naiveCreatedSql(groupBy), parameters), sql<Row>(naiveSolvedSql(groupBy), parameters)]);
  const result: NaiveDashboard = new Map();
  const target = (row: Row) => {
    const key = Number(row.is_total) === 1 ? null : String(row.group_key);
    let figures = result.get(key);
    if (!figures) result.set(key, (figures = {}));
    return figures;
  };
  const count = (value: unknown): NaiveFigure => ({ value: Number(value ?? 0), sampleSize: Number(value ?? 0) });
  const share = (numerator: unknown, denominator: unknown): NaiveFigure => {
    const n = Number(denominator ?? 0);
    return { value: n > 0 ? Number(numerator) / n : null, sampleSize: n };
  };
  const median = (value: unknown, n: unknown): NaiveFigure => ({ value: value === null ? null : Number(value), sampleSize: Number(n) });
  for (const row of created) {
    Object.assign(target(row), {
      TICKETS_CREATED: count(row.created),
      FIRST_REPLY_TIME: median(row.first_reply_median, row.first_reply_n),
      RESOLUTION_TIME: median(row.resolution_median, row.solved_n),
      FIRST_CONTACT_RESOLUTION: share(row.first_contact_resolved, row.solved_n),
      REOPEN_RATE: share(row.reopened, row.solved_n),
      ESCALATION_RATE: share(row.escalated, row.created),
      SLA_COMPLIANCE: share(row.sla_met, row.sla_clocks),
      CSAT: share(row.satisfied, row.answered),
      ONE_TOUCH_RATE: share(row.one_touch, row.solved_n),
    });
  }
  for (const row of solved) target(row).TICKETS_SOLVED = count(row.solved);
  return result;
}
