// The help desk's metrics: one definition each. Reports, the console and the rollout reviews all compute them from
// per-ticket facts (ticket-facts.ts) through these definitions, so a figure means the same thing wherever it is shown.

/** Which instant puts a ticket in a report's range (and in a day/week/month bucket). */
export type MetricAnchor =
  /** Tickets created in the range: a cohort, followed wherever it went (its replies, its solve, its survey). */
  | 'created'
  /** Tickets solved in the range (their last solve). */
  | 'solved'
  /** Tickets open at the end of the range, as the backlog counts them (per period: open at the end of each period). */
  | 'openAtEnd'
  /** Knowledge searches made in the range (not tickets: the ticket filters do not apply). */
  | 'searched'
  /** Agents' availability in the range (not tickets: only the agent and group filters apply). */
  | 'availability';

/** A yes/no property of a ticket's facts that counts and shares are taken over. */
export type TicketPredicate =
  | 'all'
  | 'solved'
  | 'reopened'
  | 'oneTouch'
  | 'firstContactResolved'
  | 'escalated'
  | 'reassigned'
  | 'routed'
  | 'misrouted'
  /** Routed by the rules and left in that group. */
  | 'routedCorrectly'
  /** The same requester opened another ticket within the report's repeat-contact window after this one. */
  | 'repeatContact'
  | 'surveyAnswered'
  /** An answered survey scoring 4 or 5 of 5. */
  | 'surveySatisfied'
  | 'incident'
  | 'problem'
  /** An incident linked to a problem. */
  | 'linkedIncident'
  /**
   * An incident linked to a problem that has an incident linked to it created before this one (earlier id on a tie):
   * each problem's first incident shows the fault, every further one is the fault hitting again.
   */
  | 'repeatedIncident';

/** A whole-number fact of a ticket, summed. */
export type CountFact = 'escalations' | 'reassignments' | 'reopens' | 'slaBreaches' | 'slaWarningsMet' | SlaClockCount;
export type SlaClockCount = `sla${'FirstReply' | 'NextReply' | 'Resolution'}${'Met' | 'Breached'}`;

/** A duration fact in minutes; a ticket may carry several (each next reply, each breached clock). */
export type DurationFact =
  | 'firstReplyMinutes'
  | 'firstReplyBusinessMinutes'
  | 'resolutionMinutes'
  | 'resolutionBusinessMinutes'
  | 'nextReplyMinutes'
  | 'waitingOnCustomerMinutes'
  | 'slaMinutesPastDeadline';

export type MetricAggregate =
  | { count: TicketPredicate }
  | { sum: CountFact }
  | { share: TicketPredicate; of: TicketPredicate }
  /** Σ numerator / Σ denominator over the tickets (e.g. clocks met over clocks finished). */
  | { ratio: CountFact[]; over: CountFact[] }
  /**
   * Median (the value), mean and 90th percentile (continuous, as PostgreSQL's percentile_cont) of the durations; with
   * `of`, only the durations of the tickets it holds for.
   */
  | { distribution: DurationFact; of?: TicketPredicate }
  /** % of answers 9–10 minus % of answers 0–6 on the 0–10 question, −100..100. */
  | { netPromoterScore: true }
  /** Searches that ended in a click on an article, over all searches. */
  | { selfService: true }
  /** Minutes online, summed over the agents (time-online.ts). */
  | { timeOnline: true };

export type MetricUnit = 'tickets' | 'count' | 'ratio' | 'minutes' | 'score';

export interface MetricDefinition {
  anchor: MetricAnchor;
  unit: MetricUnit;
  aggregate: MetricAggregate;
  /** The exact rule, as README states it. */
  description: string;
}

const SLA_MET: CountFact[] = ['slaFirstReplyMet', 'slaNextReplyMet', 'slaResolutionMet'];
const SLA_BREACHED: CountFact[] = ['slaFirstReplyBreached', 'slaNextReplyBreached', 'slaResolutionBreached'];

export const REPORT_METRICS = {
  TICKETS_CREATED: { anchor: 'created', unit: 'tickets', aggregate: { count: 'all' }, description: 'Tickets created.' },
  TICKETS_SOLVED: {
    anchor: 'solved',
    unit: 'tickets',
    aggregate: { count: 'all' },
    description: 'Tickets whose last move into solved (or straight to closed) falls in the range and that are still solved or closed.',
  },
  TICKETS_REOPENED: { anchor: 'created', unit: 'tickets', aggregate: { count: 'reopened' }, description: 'Tickets reopened at least once.' },
  FIRST_REPLY_TIME: {
    anchor: 'created',
    unit: 'minutes',
    aggregate: { distribution: 'firstReplyMinutes' },
    description: 'Creation to the first public agent reply, calendar minutes; tickets without a reply yet are left out.',
  },
  FIRST_REPLY_BUSINESS_TIME: {
    anchor: 'created',
    unit: 'minutes',
    aggregate: { distribution: 'firstReplyBusinessMinutes' },
    description: "The same in business minutes of the ticket's calendar (its SLA policy's; around the clock without one).",
  },
  RESOLUTION_TIME: {
    anchor: 'created',
    unit: 'minutes',
    aggregate: { distribution: 'resolutionMinutes' },
    description: 'Creation to the last solve, calendar minutes, for tickets solved or closed now (time on hold and pending included).',
  },
  RESOLUTION_BUSINESS_TIME: {
    anchor: 'created',
    unit: 'minutes',
    aggregate: { distribution: 'resolutionBusinessMinutes' },
    description: "The same in business minutes of the ticket's calendar.",
  },
  NEXT_REPLY_TIME: {
    anchor: 'created',
    unit: 'minutes',
    aggregate: { distribution: 'nextReplyMinutes' },
    description:
      'After the first public agent reply: from the first customer message an agent has not answered yet to the next public agent reply; one value per such wait.',
  },
  WAITING_ON_CUSTOMER_TIME: {
    anchor: 'created',
    unit: 'minutes',
    aggregate: { distribution: 'waitingOnCustomerMinutes' },
    description: 'Minutes each ticket spent pending (waiting on the customer), finished stretches only.',
  },
  FIRST_CONTACT_RESOLUTION: {
    anchor: 'created',
    unit: 'ratio',
    aggregate: { share: 'firstContactResolved', of: 'solved' },
    description: 'Of the tickets solved or closed now: those with exactly one public agent reply and never reopened.',
  },
  ONE_TOUCH_RATE: {
    anchor: 'created',
    unit: 'ratio',
    aggregate: { share: 'oneTouch', of: 'solved' },
    description: 'Of the tickets solved or closed now: those with exactly one public agent reply.',
  },
  REOPEN_RATE: {
    anchor: 'created',
    unit: 'ratio',
    aggregate: { share: 'reopened', of: 'solved' },
    description: 'Of the tickets solved or closed now: those reopened at least once.',
  },
  REPEAT_CONTACT_RATE: {
    anchor: 'created',
    unit: 'ratio',
    aggregate: { share: 'repeatContact', of: 'all' },
    description: 'Tickets whose requester (by email) opened another ticket within N days after them (N: repeatContactDays, default 7), over all tickets.',
  },
  ESCALATIONS: {
    anchor: 'created',
    unit: 'count',
    aggregate: { sum: 'escalations' },
    description: 'Escalation steps run on SLA warnings and breaches (a repeating step counts once).',
  },
  ESCALATION_RATE: {
    anchor: 'created',
    unit: 'ratio',
    aggregate: { share: 'escalated', of: 'all' },
    description: 'Tickets with at least one escalation step, over all tickets.',
  },
  REASSIGNMENTS: {
    anchor: 'created',
    unit: 'count',
    aggregate: { sum: 'reassignments' },
    description: 'Times a ticket passed from one agent to another.',
  },
  MISROUTED_RATE: {
    anchor: 'created',
    unit: 'ratio',
    aggregate: { share: 'misrouted', of: 'routed' },
    description: 'Tickets a person moved away from the group the routing rules chose, over tickets the rules routed.',
  },
  ROUTING_ACCURACY: {
    anchor: 'created',
    unit: 'ratio',
    aggregate: { share: 'routedCorrectly', of: 'routed' },
    description: 'Tickets the routing rules routed and nobody moved to another group, over tickets the rules routed.',
  },
  SLA_COMPLIANCE: {
    anchor: 'created',
    unit: 'ratio',
    aggregate: { ratio: SLA_MET, over: [...SLA_MET, ...SLA_BREACHED] },
    description: 'SLA clocks (first reply, each next reply, resolution) met, over clocks met or breached; clocks still running and not yet breached are left out.',
  },
  SLA_FIRST_REPLY_COMPLIANCE: {
    anchor: 'created',
    unit: 'ratio',
    aggregate: { ratio: ['slaFirstReplyMet'], over: ['slaFirstReplyMet', 'slaFirstReplyBreached'] },
    description: 'The same for the first-reply clock.',
  },
  SLA_NEXT_REPLY_COMPLIANCE: {
    anchor: 'created',
    unit: 'ratio',
    aggregate: { ratio: ['slaNextReplyMet'], over: ['slaNextReplyMet', 'slaNextReplyBreached'] },
    description: 'The same for the next-reply clocks.',
  },
  SLA_RESOLUTION_COMPLIANCE: {
    anchor: 'created',
    unit: 'ratio',
    aggregate: { ratio: ['slaResolutionMet'], over: ['slaResolutionMet', 'slaResolutionBreached'] },
    description: 'The same for the resolution clock.',
  },
  SLA_BREACHES: { anchor: 'created', unit: 'count', aggregate: { sum: 'slaBreaches' }, description: 'SLA clocks that breached.' },
  SLA_TIME_PAST_DEADLINE: {
    anchor: 'created',
    unit: 'minutes',
    aggregate: { distribution: 'slaMinutesPastDeadline' },
    description: 'For each breached clock that has since stopped (the reply came, the ticket was solved): minutes past its deadline.',
  },
  SLA_WARNINGS_MET: {
    anchor: 'created',
    unit: 'count',
    aggregate: { sum: 'slaWarningsMet' },
    description: 'SLA clocks that raised a warning and were met after all.',
  },
  INCIDENTS_CREATED: { anchor: 'created', unit: 'tickets', aggregate: { count: 'incident' }, description: 'Tickets of type incident created.' },
  REPEATED_INCIDENTS: {
    anchor: 'created',
    unit: 'tickets',
    aggregate: { count: 'repeatedIncident' },
    description:
      "Incidents linked to a problem that has an earlier-created incident linked to it: each problem's incidents beyond its first (the same fault hitting again).",
  },
  INCIDENT_PROBLEM_LINK_RATE: {
    anchor: 'created',
    unit: 'ratio',
    aggregate: { share: 'linkedIncident', of: 'incident' },
    description: 'Incidents linked to a problem, over all incidents.',
  },
  PROBLEMS_CREATED: { anchor: 'created', unit: 'tickets', aggregate: { count: 'problem' }, description: 'Tickets of type problem created.' },
  UNRESOLVED_PROBLEMS: {
    anchor: 'openAtEnd',
    unit: 'tickets',
    aggregate: { count: 'problem' },
    description:
      'Problems open at the end of the range (created by then, not solved, closed or merged by then, as the backlog counts); grouped by period: open at the end of each period.',
  },
  PROBLEM_RESOLUTION_TIME: {
    anchor: 'created',
    unit: 'minutes',
    aggregate: { distribution: 'resolutionMinutes', of: 'problem' },
    description: 'Of the problems solved or closed now: creation to the last solve, calendar minutes.',
  },
  PROBLEM_RESOLUTION_BUSINESS_TIME: {
    anchor: 'created',
    unit: 'minutes',
    aggregate: { distribution: 'resolutionBusinessMinutes', of: 'problem' },
    description: "The same in business minutes of the problem's calendar.",
  },
  CSAT: {
    anchor: 'created',
    unit: 'ratio',
    aggregate: { share: 'surveySatisfied', of: 'surveyAnswered' },
    description: "Answered satisfaction surveys scoring 4 or 5 (of 5), over answered surveys, of the range's tickets.",
  },
  NPS: {
    anchor: 'created',
    unit: 'score',
    aggregate: { netPromoterScore: true },
    description: 'Net promoter score of the answers to the optional 0–10 question: % of 9–10 minus % of 0–6 (−100..100).',
  },
  SELF_SERVICE_RATE: {
    anchor: 'searched',
    unit: 'ratio',
    aggregate: { selfService: true },
    description: 'Knowledge searches in the range that ended in a click on an article, over all searches (ticket filters do not apply).',
  },
  AGENT_TIME_ONLINE: {
    anchor: 'availability',
    unit: 'minutes',
    aggregate: { timeOnline: true },
    description:
      "Minutes the agents were online in the range (up to now), from their recorded availability changes, summed over the agents; the mean is per agent. Only the agent and group filters apply; grouped by agent only.",
  },
} as const satisfies Record<string, MetricDefinition>;

export type ReportMetric = keyof typeof REPORT_METRICS;
export const REPORT_METRIC_NAMES = Object.keys(REPORT_METRICS) as ReportMetric[];

export function metricDefinition(metric: ReportMetric): MetricDefinition {
  return REPORT_METRICS[metric];
}
