import { slaReadModel, type ClockEvent } from './corpus-sla-read-model.js';
import { ticketSubject, ticketType } from './corpus-ticket-kind.js';
import type { SeededRandom } from './seeded-random.js';

// A year of help desk history for the reporting benchmark, generated ticket by ticket as the ticket workflow would have
// written it: the ticket row, its timeline (ticket_events), its messages and its satisfaction survey, as COPY text
// lines. Each ticket's whole life is planned first (possibly past the corpus's "now"), then cut at "now", so recent
// tickets are still open, pending or waiting for their survey, exactly as a live system would hold them.
//
// What the timelines contain (the events reporting reads, see libs/domain/reporting/ticket-facts.ts): created,
// sla_policy_applied, sla_started first_reply and resolution, routed, assigned (sometimes a second agent), the first
// public agent reply (agent_replied, status new → open, sla_stopped first_reply), conversation rounds (customer_replied,
// agent_replied, some with a pending stretch: open → pending, pending → open), sla_warning at 75 % and sla_breached at
// the target for clocks that run late, with an escalation_notified step (sometimes repeated), solved (open → solved,
// sla_stopped resolution; a few open → closed straight away), some reopened (customer_replied, reopened, solved → open,
// sla_resumed resolution, another reply and solve), auto_closed four days after the last solve (solved → closed), and
// for some closed tickets a survey, answered by some customers. One ticket in a hundred is a duplicate an agent merges
// into the ticket before it within the hour (merged, closed without a status change, its clocks left as they were).
//
// The SLA deadlines are generated in calendar minutes from creation (pauses not taken off): reporting only reads the
// events, so it does not matter that the business-hours policy's real deadlines would fall later. The row carries the
// SLA summary the workflow keeps (next deadline, its metric, first breach; corpus-sla-read-model.ts), a type and a
// subject naming a topic (corpus-ticket-kind.ts), which the read-side benchmark's lists filter and search on.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const DONE = new Set(['solved', 'closed']);

export interface CorpusSetup {
  tickets: number;
  /** Epoch ms: the corpus's "now"; tickets are created over the 365 days before it. */
  now: number;
  groupIds: readonly string[];
  /** Agent user ids, `agentsPerGroup` consecutive ones per group. */
  agentIds: readonly string[];
  agentsPerGroup: number;
  /** The policy for high and urgent tickets (24x7) and the one for low and normal (business hours). */
  policies: { allHours: { id: string; name: string }; businessHours: { id: string; name: string } };
  customers: number;
}

/** COPY text lines of one chunk of tickets, one string per table. */
export interface CorpusChunk {
  tickets: string;
  events: string;
  messages: string;
  surveys: string;
  ticketCount: number;
  eventCount: number;
  messageCount: number;
  surveyCount: number;
}

// The column lists the lines are written for (COPY ... (columns) FROM STDIN).
export const TICKET_COLUMNS = [
  'id', 'subject', 'description', 'requester_email', 'channel', 'priority', 'status', 'lifecycle_version', 'created_at', 'updated_at',
  'group_id', 'tags', 'sla_policy_id', 'sla_policy_name', 'escalation_level', 'solved_at', 'closed_at', 'assignee_id',
  'routed_group_id', 'misrouted', 'fields', 'queued_at', 'type', 'sla_deadline', 'sla_deadline_metric', 'sla_breached_at',
];
export const EVENT_COLUMNS = ['ticket_id', 'sequence', 'type', 'actor', 'occurred_at', 'data'];
export const MESSAGE_COLUMNS = ['id', 'ticket_id', 'author_type', 'author_user_id', 'body', 'is_public', 'created_at'];
export const SURVEY_COLUMNS = ['ticket_id', 'agent_id', 'group_id', 'created_at', 'sent_at', 'expires_at', 'score', 'answered_at'];

const CHANNELS = weighted([['email', 40], ['web', 25], ['chat', 15], ['phone', 10], ['api', 5], ['social', 5]]);
const PRIORITIES = weighted([['low', 20], ['normal', 55], ['high', 18], ['urgent', 7]]);
const SCORES = weighted([[5, 55], [4, 20], [3, 10], [2, 5], [1, 10]]);
/** Targets in minutes, per priority (what the generated policies say). */
export const SLA_TARGETS: Record<string, { first_reply: number; resolution: number }> = {
  urgent: { first_reply: 60, resolution: 8 * 60 },
  high: { first_reply: 4 * 60, resolution: 24 * 60 },
  normal: { first_reply: 8 * 60, resolution: 3 * 24 * 60 },
  low: { first_reply: 24 * 60, resolution: 7 * 24 * 60 },
};
const BODIES = {
  customer: ['Hello, the export is empty since yesterday.', 'I still cannot sign in.', 'Any news on this?', 'Thanks, it works again.'],
  agent: ['Thanks for reaching out, we are looking into it.', 'Could you send us a screenshot?', 'This is fixed now.'],
  note: ['Checked the logs, looks like the sync job.', 'Asked the billing team.'],
};

function weighted<T>(entries: Array<[T, number]>): T[] {
  return entries.flatMap(([value, weight]) => Array.from({ length: weight }, () => value));
}

/** A deterministic UUID (version 4 layout) from the seeded generator. */
export function seededUuid(random: SeededRandom): string {
  const hex = (bits: number) => Math.floor(random.next() * 2 ** bits).toString(16).padStart(bits / 4, '0');
  return `${hex(32)}-${hex(16)}-4${hex(12)}-${(8 + Math.floor(random.next() * 4)).toString(16)}${hex(12)}-${hex(24)}${hex(24)}`;
}

/** A log-normal duration in minutes around `median` (sigma: spread of the logarithm). */
function logNormal(random: SeededRandom, median: number, sigma: number): number {
  const u = Math.max(random.next(), 1e-12);
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
  return median * Math.exp(sigma * z);
}

interface PlannedEvent {
  at: number;
  order: number;
  type: string;
  actor: string;
  data: string;
  /** status_changed: the new status; assigned: the agent; escalation_notified: whether it is a repeat; SLA clock events: the metric. */
  detail?: string;
}

interface PlannedMessage {
  at: number;
  author: 'agent' | 'customer';
  agentId: string | null;
  isPublic: boolean;
  body: string;
}

const iso = (ms: number) => new Date(ms).toISOString();
const json = (value: Record<string, unknown>) => JSON.stringify(value);

/**
 * Generates tickets `from` .. `from + count - 1` (created in that order, evenly over the year with jitter, so the
 * table is in arrival order as a live one would be) and returns their COPY lines and ids.
 */
export function generateChunk(setup: CorpusSetup, random: SeededRandom, from: number, count: number, ids: string[]): CorpusChunk {
  const span = 365 * DAY;
  const start = setup.now - span;
  const tickets: string[] = [];
  const events: string[] = [];
  const messages: string[] = [];
  const surveys: string[] = [];
  for (let index = from; index < from + count; index++) {
    const id = seededUuid(random);
    ids.push(id);
    const createdAt = Math.floor(start + ((index + random.next()) * span) / setup.tickets);
    const plan = planTicket(setup, random, createdAt, ids.length > 1 ? ids[ids.length - 2] : null);
    // Cut at "now": what the database holds today.
    const kept = plan.events.filter((event) => event.at <= setup.now).sort((a, b) => a.at - b.at || a.order - b.order);
    const keptMessages = plan.messages.filter((message) => message.at <= setup.now);
    let status = 'new';
    let solvedAt: number | null = null;
    let closedAt: number | null = null;
    let assignee: string | null = null;
    let escalationLevel = 0;
    kept.forEach((event, position) => {
      events.push(`${id}\t${position + 1}\t${event.type}\t${event.actor}\t${iso(event.at)}\t${event.data}\n`);
      if (event.type === 'status_changed') {
        const to = event.detail!;
        if (to === 'solved') solvedAt = event.at;
        if (to === 'closed') closedAt = event.at;
        if (!DONE.has(to)) {
          solvedAt = null;
          closedAt = null;
        }
        status = to;
      } else if (event.type === 'merged') {
        status = 'closed';
        solvedAt = null;
        closedAt = event.at;
      } else if (event.type === 'assigned') assignee = event.detail!;
      else if (event.type === 'escalation_notified' && event.detail === 'first') escalationLevel += 1;
    });
    for (const message of keptMessages) {
      const author = message.agentId ?? '\\N';
      messages.push(`${seededUuid(random)}\t${id}\t${message.author}\t${author}\t${message.body}\t${message.isPublic}\t${iso(message.at)}\n`);
    }
    const policy = plan.priority === 'high' || plan.priority === 'urgent' ? setup.policies.allHours : setup.policies.businessHours;
    const lastAt = kept[kept.length - 1].at;
    const clockEvents = kept.map((event): ClockEvent => ({ type: event.type, metric: event.type.startsWith('sla_') ? event.detail : undefined }));
    const sla = slaReadModel(clockEvents, createdAt, SLA_TARGETS[plan.priority], status);
    const optional = (ms: number | null) => (ms === null ? '\\N' : iso(ms));
    tickets.push(
      [
        id, `${ticketSubject(index)} #${index + 1}`, 'Something is wrong.', plan.requester, plan.channel, plan.priority, status, kept.length, iso(createdAt),
        iso(lastAt), plan.groupId, plan.tags, policy.id, policy.name, escalationLevel, optional(solvedAt), optional(closedAt),
        assignee ?? '\\N', plan.groupId, 'false', '{}', assignee === null && !DONE.has(status) ? iso(createdAt) : '\\N',
        ticketType(index), optional(sla.deadline), sla.metric ?? '\\N', optional(sla.breachedAt),
      ].join('\t') + '\n',
    );
    // The survey row exists once it was sent; its answer only if the customer answered by now.
    if (plan.survey && plan.survey.sentAt <= setup.now) {
      const answered = plan.survey.answeredAt !== null && plan.survey.answeredAt <= setup.now;
      surveys.push(
        `${id}\t${plan.survey.agentId}\t${plan.groupId}\t${iso(plan.survey.sentAt)}\t${iso(plan.survey.sentAt)}\t${iso(plan.survey.sentAt + 7 * DAY)}\t` +
          `${answered ? plan.survey.score : '\\N'}\t${answered ? iso(plan.survey.answeredAt!) : '\\N'}\n`,
      );
    }
  }
  return {
    tickets: tickets.join(''),
    events: events.join(''),
    messages: messages.join(''),
    surveys: surveys.join(''),
    ticketCount: tickets.length,
    eventCount: events.length,
    messageCount: messages.length,
    surveyCount: surveys.length,
  };
}

interface TicketPlan {
  priority: string;
  channel: string;
  groupId: string;
  requester: string;
  tags: string;
  events: PlannedEvent[];
  messages: PlannedMessage[];
  survey: { sentAt: number; answeredAt: number | null; score: number; agentId: string } | null;
}

function planTicket(setup: CorpusSetup, random: SeededRandom, createdAt: number, previousId: string | null): TicketPlan {
  const priority = random.pick(PRIORITIES);
  const channel = random.pick(CHANNELS);
  // Groups of uneven size: the first ones take most of the work.
  const groupIndex = Math.min(setup.groupIds.length - 1, Math.floor(setup.groupIds.length * random.next() ** 1.6));
  const groupId = setup.groupIds[groupIndex];
  const agentOf = () => setup.agentIds[groupIndex * setup.agentsPerGroup + random.int(0, setup.agentsPerGroup - 1)];
  const requesterId = random.int(1, setup.customers);
  const requester = `customer${requesterId}@example.com`;
  const targets = SLA_TARGETS[priority];
  const policy = priority === 'high' || priority === 'urgent' ? setup.policies.allHours : setup.policies.businessHours;
  const events: PlannedEvent[] = [];
  const messages: PlannedMessage[] = [];
  let order = 0;
  const event = (at: number, type: string, actor: string, data: Record<string, unknown>, detail?: string) =>
    events.push({ at, order: order++, type, actor, data: json(data), detail });
  const message = (at: number, author: 'agent' | 'customer', agentId: string | null, isPublic: boolean) =>
    messages.push({ at, author, agentId, isPublic, body: random.pick(BODIES[!isPublic ? 'note' : author]) });

  event(createdAt, 'created', requester, { channel, followUpOf: null });
  event(createdAt, 'sla_policy_applied', 'system', { policyId: policy.id, name: policy.name });
  for (const metric of ['first_reply', 'resolution'] as const) {
    event(createdAt, 'sla_started', 'system', { metric, targetMinutes: targets[metric], businessHours: policy === setup.policies.businessHours }, metric);
  }
  message(createdAt, 'customer', null, true);
  const routedAt = createdAt + random.int(300, 3000);
  event(routedAt, 'routed', 'system', { groupId, ruleId: null });
  let agent = agentOf();
  const assignedAt = routedAt + Math.floor(logNormal(random, 4, 1.2) * MINUTE);
  event(assignedAt, 'assigned', 'system', { agentId: agent, groupId }, agent);

  // A clock that is still running at `at` warns at 75 % and breaches at 100 % of its target; a breach runs the
  // policy's first escalation step (notify the group) on most tickets, repeated hourly until the clock stops.
  const clockAlarms = (metric: 'first_reply' | 'resolution', stopsAt: number) => {
    const target = targets[metric] * MINUTE;
    if (stopsAt > createdAt + 0.75 * target) event(createdAt + 0.75 * target, 'sla_warning', 'system', { metric, threshold: 0.75, at: iso(createdAt + 0.75 * target) });
    if (stopsAt <= createdAt + target) return;
    const deadline = createdAt + target;
    event(deadline, 'sla_breached', 'system', { metric, deadline: iso(deadline), detectedAt: iso(deadline + 150), overdueMs: 150 }, metric);
    if (!random.chance(0.7)) return;
    const cause = { step: 1, trigger: 'breach', metric };
    event(deadline + 200, 'escalation_notified', 'system', { ...cause, repeat: false, recipients: 'group', groupId }, 'first');
    for (let repeatAt = deadline + HOUR; repeatAt < stopsAt && repeatAt < deadline + 3 * HOUR; repeatAt += HOUR) {
      event(repeatAt, 'escalation_notified', 'system', { ...cause, repeat: true, recipients: 'group', groupId });
    }
  };

  const tags = random.chance(0.3) ? '{billing}' : random.chance(0.2) ? '{vip,billing}' : '{}';
  if (previousId !== null && random.chance(0.01)) {
    const mergedAt = assignedAt + Math.floor(logNormal(random, 20, 1.0) * MINUTE);
    event(mergedAt, 'merged', agent, { into: previousId, from: 'new' });
    return { priority, channel, groupId, requester, tags, events, messages, survey: null };
  }

  let status = 'new';
  const move = (at: number, to: string, actor = agent) => {
    event(at, 'status_changed', actor, { from: status, to }, to);
    status = to;
  };

  // The first public reply; 3 % of tickets never get one (spam, duplicates): solved without a reply.
  const replies = random.chance(0.97);
  let t = assignedAt;
  let firstReplyAt = Number.POSITIVE_INFINITY;
  if (replies) {
    firstReplyAt = Math.max(assignedAt + MINUTE, createdAt + Math.floor(logNormal(random, 0.3 * targets.first_reply, 1.0) * MINUTE));
    if (random.chance(0.15)) message(assignedAt + Math.floor((firstReplyAt - assignedAt) / 2), 'agent', agent, false);
    message(firstReplyAt, 'agent', agent, true);
    event(firstReplyAt, 'agent_replied', agent, { isPublic: true });
    move(firstReplyAt, 'open');
    event(firstReplyAt, 'sla_stopped', 'system', { metric: 'first_reply' }, 'first_reply');
    t = firstReplyAt;
  } else {
    t = assignedAt + Math.floor(logNormal(random, 60, 1) * MINUTE);
    move(t, 'open');
  }

  // Conversation rounds after the first reply.
  const rounds = replies ? random.pick([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 3]) : 0;
  const reassignAt = rounds > 0 && random.chance(0.12) ? t + 10 * MINUTE : null;
  for (let round = 0; round < rounds; round++) {
    const pending = random.chance(0.35);
    if (pending) move(t + MINUTE, 'pending');
    const customerAt = t + MINUTE + Math.floor(logNormal(random, pending ? 8 * 60 : 3 * 60, 1.1) * MINUTE);
    message(customerAt, 'customer', null, true);
    event(customerAt, 'customer_replied', requester, {});
    if (pending) move(customerAt, 'open', requester);
    if (reassignAt !== null && round === 0) {
      const next = agentOf();
      if (next !== agent) {
        agent = next;
        event(customerAt + MINUTE, 'assigned', 'system', { agentId: agent, groupId }, agent);
      }
    }
    if (random.chance(0.1)) message(customerAt + 2 * MINUTE, 'agent', agent, false);
    const agentAt = customerAt + 3 * MINUTE + Math.floor(logNormal(random, 2 * 60, 1.1) * MINUTE);
    message(agentAt, 'agent', agent, true);
    event(agentAt, 'agent_replied', agent, { isPublic: true });
    t = agentAt;
  }
  if (replies) clockAlarms('first_reply', firstReplyAt);

  // Solved (2 % closed straight away without being solved), the resolution clock stops.
  const solveAt = t + Math.floor(logNormal(random, 45, 1.0) * MINUTE);
  clockAlarms('resolution', solveAt);
  const closedDirectly = random.chance(0.02);
  move(solveAt, closedDirectly ? 'closed' : 'solved');
  event(solveAt, 'sla_stopped', 'system', { metric: 'resolution' }, 'resolution');
  let lastSolveAt = solveAt;
  let survey: TicketPlan['survey'] = null;
  if (!closedDirectly) {
    // Some customers write again within the four days: the ticket reopens, is answered and solved again.
    if (random.chance(0.08)) {
      const backAt = solveAt + Math.floor(Math.min(logNormal(random, 18 * 60, 1.0), 3.5 * 24 * 60) * MINUTE);
      message(backAt, 'customer', null, true);
      event(backAt, 'customer_replied', requester, {});
      event(backAt, 'reopened', requester, {});
      move(backAt, 'open', requester);
      event(backAt, 'sla_resumed', 'system', { metric: 'resolution' }, 'resolution');
      const againAt = backAt + Math.floor(logNormal(random, 2 * 60, 1.0) * MINUTE);
      message(againAt, 'agent', agent, true);
      event(againAt, 'agent_replied', agent, { isPublic: true });
      lastSolveAt = againAt + Math.floor(logNormal(random, 20, 1.0) * MINUTE);
      move(lastSolveAt, 'solved');
      event(lastSolveAt, 'sla_stopped', 'system', { metric: 'resolution' }, 'resolution');
    }
    const closeAt = lastSolveAt + 4 * DAY;
    event(closeAt, 'auto_closed', 'system', { afterDays: 4 });
    move(closeAt, 'closed', 'system');
    // The survey goes out an hour after closing to 60 % of the customers; 30 % of those answer within a week.
    if (random.chance(0.6)) {
      const sentAt = closeAt + HOUR;
      const answers = random.chance(0.3);
      const answeredAt = answers ? sentAt + Math.floor(Math.min(logNormal(random, 3 * 60, 1.5), 6 * 24 * 60) * MINUTE) : null;
      survey = { sentAt, answeredAt, score: random.pick(SCORES), agentId: agent };
    }
  }
  return { priority, channel, groupId, requester, tags, events, messages, survey };
}
