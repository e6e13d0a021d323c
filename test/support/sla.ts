import { waitFor } from '../../libs/devstack/wait-for.js';
import type { BusinessCalendar } from '../../libs/domain/calendar/index.js';
import type { TestSystem } from './test-system.js';
import { dataOf } from './graphql-responses.js';

export { dataOf };

// What the SLA end-to-end specs share: the configuration mutations, a ticket read with its live SLA and timeline, and
// waiting on the timeline for what the ticket workflow does by itself (warnings, escalations, breaches).

export const CREATE_CALENDAR = `mutation($input: BusinessCalendarInput!) { createBusinessCalendar(input: $input) { id name timeZone } }`;
export const CREATE_ESCALATION = `mutation($input: EscalationPolicyInput!) { createEscalationPolicy(input: $input) { id name } }`;
export const CREATE_SLA = `mutation($input: SlaPolicyInput!) { createSlaPolicy(input: $input) { id name position } }`;
export const UPDATE_SETTINGS = 'mutation($input: UpdateHelpdeskSettingsInput!) { updateHelpdeskSettings(input: $input) { autoCloseDays } }';

export const SLA_SELECTION = `sla {
  policy { id name reason }
  metrics { metric state targetMinutes businessHours elapsedSeconds remainingSeconds deadline breached breach { deadline detectedAt overdueSeconds } }
  escalationLevel awaitingAcknowledgement
}`;

export const SLA_TICKET_FIELDS = `id number subject status priority groupId tags customerTier organizationId createdAt followUpOf
  slaPolicyName slaDeadline slaBreachedAt escalationLevel solvedAt closedAt`;

export const READ_SLA_TICKET = `query($id: ID!) {
  ticket(id: $id) {
    ${SLA_TICKET_FIELDS}
    ${SLA_SELECTION}
    timeline { sequence type actor occurredAt data }
  }
}`;

export const CREATE_SLA_TICKET = `mutation($input: CreateTicketInput!) { createTicket(input: $input) { ${SLA_TICKET_FIELDS} } }`;
export const REPLY = 'mutation($input: ReplyToTicketInput!) { replyToTicket(input: $input) { id } }';
export const CHANGE_STATUS = 'mutation($input: ChangeTicketStatusInput!) { changeTicketStatus(input: $input) { id status } }';
export const RECLASSIFY = `mutation($input: ReclassifyTicketInput!) { reclassifyTicket(input: $input) { ${SLA_TICKET_FIELDS} } }`;
export const CUSTOMER_REPLY = `mutation($input: RecordCustomerReplyInput!) {
  recordCustomerReply(input: $input) { followUp message { id authorType authorUserId body isPublic } ticket { ${SLA_TICKET_FIELDS} } }
}`;
export const ACKNOWLEDGE = `mutation($input: AcknowledgeEscalationInput!) { acknowledgeEscalation(input: $input) { id escalationLevel } }`;

export interface TimelineEntry {
  sequence: number;
  type: string;
  actor: string;
  occurredAt: string;
  data: Record<string, any>;
}

export interface MetricStatus {
  metric: 'FIRST_REPLY' | 'NEXT_REPLY' | 'RESOLUTION';
  state: 'RUNNING' | 'PAUSED' | 'STOPPED';
  targetMinutes: number;
  businessHours: boolean;
  elapsedSeconds: number;
  remainingSeconds: number;
  deadline: string | null;
  breached: boolean;
  breach: { deadline: string; detectedAt: string; overdueSeconds: number } | null;
}

export interface SlaTicket {
  id: string;
  number: string;
  subject: string;
  status: string;
  priority: string;
  groupId: string | null;
  tags: string[];
  createdAt: string;
  followUpOf: string | null;
  slaPolicyName: string | null;
  slaDeadline: string | null;
  slaBreachedAt: string | null;
  escalationLevel: number;
  solvedAt: string | null;
  closedAt: string | null;
  sla: {
    policy: { id: string; name: string; reason: string } | null;
    metrics: MetricStatus[];
    escalationLevel: number;
    awaitingAcknowledgement: boolean;
  };
  timeline: TimelineEntry[];
}

export async function readSlaTicket(system: TestSystem, id: string, token: string): Promise<SlaTicket> {
  return dataOf(await system.graphql<{ ticket: SlaTicket }>(READ_SLA_TICKET, { id }, token)).ticket;
}

export function metricOf(ticket: Pick<SlaTicket, 'sla'>, metric: MetricStatus['metric']): MetricStatus {
  const found = ticket.sla.metrics.find((m) => m.metric === metric);
  if (!found) throw new Error(`no ${metric} clock in ${JSON.stringify(ticket.sla.metrics)}`);
  return found;
}

/** The timeline events after `sequence`, as { type, data }: what one change added. */
export function eventsAfter(timeline: TimelineEntry[], sequence: number): Array<{ type: string; data: Record<string, any> }> {
  return timeline.filter((event) => event.sequence > sequence).map(({ type, data }) => ({ type, data }));
}

export function lastSequence(ticket: Pick<SlaTicket, 'timeline'>): number {
  return ticket.timeline.at(-1)?.sequence ?? 0;
}

/** Reads the ticket until `ready` holds (the workflow acts on timers of its own), failing after `timeoutMs`. */
export function waitForTicket(
  system: TestSystem,
  id: string,
  token: string,
  what: string,
  ready: (ticket: SlaTicket) => boolean,
  timeoutMs = 10_000,
): Promise<SlaTicket> {
  return waitFor(
    what,
    async () => {
      const ticket = await readSlaTicket(system, id, token);
      if (!ready(ticket)) throw new Error(`not yet; timeline: ${ticket.timeline.map((e) => e.type).join(', ')}`);
      return ticket;
    },
    timeoutMs,
    100,
  );
}

export const ms = (iso: string): number => Date.parse(iso);
export const iso = (epochMs: number): string => new Date(epochMs).toISOString();

export const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'] as const;

/** 'YYYY-MM-DD' of an instant in a time zone. */
export function localDate(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** Weekday (Mon, Tue, …) and 'HH:MM:SS' of an instant in a time zone. */
export function localClock(at: number, timeZone: string): { weekday: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return { weekday: part('weekday'), time: `${part('hour')}:${part('minute')}:${part('second')}` };
}

/**
 * A Mon–Fri 09:00–17:00 calendar whose holidays cover every local date from yesterday to three days ahead, so that a
 * test running at any hour is outside working time (business clocks stand still at 0) and every business deadline lies
 * past the holidays. Today's holiday is given as a recurring one from another year. Returns the GraphQL input and the
 * domain calendar the workflow will count on.
 */
export function holidayCalendar(name: string, timeZone: string, now = Date.now()): { input: Record<string, unknown>; calendar: BusinessCalendar; holidayDates: string[] } {
  const today = localDate(now, timeZone);
  const dates = new Set<string>();
  for (let hours = -24; hours <= 72; hours += 6) dates.add(localDate(now + hours * 3_600_000, timeZone));
  const holidays = [...dates].map((date) =>
    date === today ? { date: `2000${date.slice(4)}`, recurring: true, name: 'Founders day' } : { date, recurring: false, name: `Closed ${date}` },
  );
  const intervals = WEEKDAYS.map((day) => ({ day, start: '09:00', end: '17:00' }));
  return {
    input: { name, timeZone, intervals, holidays },
    calendar: {
      timeZone,
      intervals: [1, 2, 3, 4, 5].map((day) => ({ day: day as 1 | 2 | 3 | 4 | 5, start: '09:00', end: '17:00' })),
      holidays: holidays.map(({ date, recurring, name: holidayName }) => ({ date, recurring, name: holidayName })),
    },
    holidayDates: [...dates],
  };
}
