import { SATISFIED_SCORE } from '../../domain/survey/csat.js';
import type { CountFact, DurationFact, MetricAnchor, ReportGrouping, TicketPredicate } from '../../domain/reporting/index.js';

// The SQL for the report definitions' vocabulary, over ticket_report_facts (alias f) joined to the ticket's answered
// survey (alias s) and to its problem's first incident (FIRST_INCIDENT_JOIN). Parameters are numbered by a
// ParameterList so fragments can be combined freely.

export class ParameterList {
  readonly values: unknown[] = [];

  /** Adds a value and returns its placeholder. */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  /** A placeholder added on first use only: PostgreSQL refuses a parameter the statement does not use. */
  lazy(value: unknown): () => string {
    let placeholder: string | null = null;
    return () => (placeholder ??= this.add(value));
  }
}

/** The anchors that select tickets in the range by one of their instants. */
export type TicketAnchor = Extract<MetricAnchor, 'created' | 'solved'>;

/** The instant column each ticket anchor selects and buckets by. */
export const ANCHOR_COLUMN: Record<TicketAnchor, string> = { created: 'f.created_at', solved: 'f.solved_at' };

export function predicateSql(predicate: TicketPredicate, repeatContactDays: () => string): string {
  switch (predicate) {
    case 'all':
      return 'true';
    case 'solved':
      return 'f.solved_at IS NOT NULL';
    case 'reopened':
      return 'f.reopens > 0';
    case 'oneTouch':
      return 'f.one_touch';
    case 'firstContactResolved':
      return 'f.first_contact_resolved';
    case 'escalated':
      return 'f.escalations > 0';
    case 'reassigned':
      return 'f.reassignments > 0';
    case 'routed':
      return 'f.routed';
    case 'misrouted':
      return 'f.misrouted';
    case 'routedCorrectly':
      return 'f.routed AND NOT f.misrouted';
    case 'repeatContact':
      return `EXISTS (SELECT 1 FROM ticket_report_facts later WHERE later.requester = f.requester AND later.ticket_id <> f.ticket_id
                AND later.created_at >= f.created_at AND later.created_at <= f.created_at + make_interval(days => ${repeatContactDays()}::int))`;
    case 'surveyAnswered':
      return 's.score IS NOT NULL';
    case 'surveySatisfied':
      return `s.score >= ${SATISFIED_SCORE}`;
    case 'incident':
      return `f.type = 'incident'`;
    case 'problem':
      return `f.type = 'problem'`;
    case 'linkedIncident':
      return `f.type = 'incident' AND f.problem_id IS NOT NULL`;
    case 'repeatedIncident':
      return `f.type = 'incident' AND f.problem_id IS NOT NULL AND f.ticket_id <> first_incident.ticket_id`;
  }
}

/**
 * Each problem's first incident (earliest created, lowest id on a tie), joined for `repeatedIncident`: read once from the
 * facts' problem index and hashed, rather than one index probe per incident of the range (about 3x faster on 100,000
 * tickets). Only incidents link, so the first ticket linked to a problem is an incident.
 */
export const FIRST_INCIDENT_JOIN = ` LEFT JOIN (SELECT DISTINCT ON (problem_id) problem_id, ticket_id FROM ticket_report_facts
    WHERE problem_id IS NOT NULL ORDER BY problem_id, created_at, ticket_id) first_incident ON first_incident.problem_id = f.problem_id`;

/**
 * Tickets open at an instant (SQL for a timestamptz): created by then and not solved, closed or merged by then. A ticket
 * done at a time nobody recorded (an import) is left out; one solved, reopened and still open is open since creation.
 */
export function openAtSql(at: string): string {
  return `f.created_at <= ${at} AND (f.done_at > ${at} OR (f.done_at IS NULL AND f.status NOT IN ('solved', 'closed')))`;
}

const snake = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

export function countFactColumn(fact: CountFact): string {
  return `f.${snake(fact)}`;
}

/** Facts holding one value per ticket, or a list of them (each next reply, each breached clock). */
export const LIST_FACTS: ReadonlySet<DurationFact> = new Set(['nextReplyMinutes', 'slaMinutesPastDeadline']);

export function durationFactColumn(fact: DurationFact): string {
  return `f.${snake(fact)}`;
}

/** A grouping: the expression rows are grouped by, and the text it is shown as ('(none)' where the dimension is empty). */
export interface GroupKey {
  groupBy: string;
  label: string;
}

const PERIOD_FORMAT = { day: 'YYYY-MM-DD', week: 'YYYY-MM-DD', month: 'YYYY-MM' } as const;

/**
 * The bucket a row falls in; null for an ungrouped report. Periods are grouped by the truncated local time and formatted
 * once per bucket (not once per ticket, and sorted as times rather than text).
 */
export function groupKeySql(groupBy: ReportGrouping, instantColumn: string, timeZone: () => string): GroupKey | null {
  const plain = (expression: string): GroupKey => ({ groupBy: expression, label: expression });
  switch (groupBy) {
    case 'none':
      return null;
    case 'day':
    case 'week':
    case 'month': {
      const period = `date_trunc('${groupBy}', (${instantColumn} AT TIME ZONE ${timeZone()}))`;
      return { groupBy: period, label: `to_char(${period}, '${PERIOD_FORMAT[groupBy]}')` };
    }
    case 'agent':
      return plain(`coalesce(f.assignee_id::text, '(none)')`);
    case 'group':
      return plain(`coalesce(f.group_id, '(none)')`);
    case 'channel':
      return plain('f.channel');
    case 'priority':
      return plain('f.priority');
    case 'organization':
      return plain(`coalesce(f.organization_id, '(none)')`);
    case 'policy':
      return plain(`coalesce(f.sla_policy_id::text, '(none)')`);
  }
}

/** Which tickets a report reads besides its range; empty lists mean "any". */
export interface ReportTicketFilter {
  groupIds?: string[];
  agentIds?: string[];
  channels?: string[];
  priorities?: string[];
  organizationIds?: string[];
  /** Tickets carrying any of these tags. */
  tags?: string[];
  excludeImported?: boolean;
  /** Only the tickets one migration run brought in (a rollout's baseline). */
  importRunId?: string;
  /** By the "category" form field (a pilot's scope). */
  categories?: string[];
  /** Ticket types (question, incident, problem, service_request, task). */
  types?: string[];
  /** Custom fields the ticket holds, each with exactly this value. */
  fields?: Record<string, string>;
}

export function ticketFilterSql(filter: ReportTicketFilter, parameters: ParameterList): string[] {
  const clauses: string[] = [];
  const anyOf = (column: string, values: string[] | undefined, cast = 'text[]') => {
    if (values?.length) clauses.push(`${column} = ANY(${parameters.add(values)}::${cast})`);
  };
  anyOf('f.group_id', filter.groupIds);
  anyOf('f.assignee_id', filter.agentIds, 'uuid[]');
  anyOf('f.channel', filter.channels);
  anyOf('f.priority', filter.priorities);
  anyOf('f.organization_id', filter.organizationIds);
  anyOf('f.type', filter.types);
  if (filter.tags?.length) clauses.push(`f.tags && ${parameters.add(filter.tags)}::text[]`);
  if (filter.excludeImported) clauses.push('NOT f.imported');
  if (filter.importRunId) {
    clauses.push(`EXISTS (SELECT 1 FROM tickets t WHERE t.id = f.ticket_id AND t.import_run_id = ${parameters.add(filter.importRunId)}::uuid)`);
  }
  if (filter.fields && Object.keys(filter.fields).length > 0) {
    // The facts do not carry the fields: the ticket's are read (a semi-join the GIN index on tickets.fields can serve).
    clauses.push(`EXISTS (SELECT 1 FROM tickets t WHERE t.id = f.ticket_id AND t.fields @> ${parameters.add(JSON.stringify(filter.fields))}::jsonb)`);
  }
  if (filter.categories?.length) {
    clauses.push(`EXISTS (SELECT 1 FROM tickets t WHERE t.id = f.ticket_id AND t.fields->>'category' = ANY(${parameters.add(filter.categories)}::text[]))`);
  }
  return clauses;
}
