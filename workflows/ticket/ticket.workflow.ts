import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  ParentClosePolicy,
  patched,
  proxyActivities,
  setHandler,
  startChild,
  upsertSearchAttributes,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import type { EmailActivities, SendTemplatedEmailInput } from '../../activities/email/email.activities.js';
import type { RoutingActivities } from '../../activities/routing/routing.activities.js';
import type { ProblemActivities } from '../../activities/tickets/problem.activities.js';
import type { HolidayRule } from '../../libs/domain/calendar/index.js';
import type { EmailTemplateKey } from '../../libs/domain/email/email-templates.js';
import { raisedPriority, stepsForAlarm, type EscalationStep } from '../../libs/domain/escalation/index.js';
import {
  applySlaEvent,
  closeRunningStretches,
  emptyTicketSla,
  nextTicketAlarm,
  recordTicketAlarm,
  retargetTicketSla,
  type SlaAlarm,
  type SlaEvent,
  type SlaRules,
  type TicketSla,
} from '../../libs/domain/sla/index.js';
import { fieldChanges, withFieldChanges } from '../../libs/domain/tickets/field-changes.js';
import { problemLinkRefusal, solvesWithProblem } from '../../libs/domain/tickets/problem-links.js';
import { transitionError, type TicketStatus } from '../../libs/domain/tickets/ticket-status.js';
import { isTicketType, ticketTypeOrDefault, TICKET_TYPES } from '../../libs/domain/tickets/ticket-type.js';
import { TICKET_PRIORITY_ATTRIBUTE, TICKET_STATUS_ATTRIBUTE } from '../../libs/temporal/search-attributes.js';
import { surveyWorkflow } from '../survey/survey.workflow.js';
import { surveyWorkflowId, ticketStatusChangedSignal } from '../survey/survey.contract.js';
import { fulfilmentTaskSolvedSignal, serviceRequestWorkflowId } from '../service-request/service-request.contract.js';
import { clockChanges } from './sla-clock-events.js';
import {
  acknowledgeEscalationUpdate,
  agentReplyUpdate,
  assignmentOpportunitySignal,
  assignTicketUpdate,
  changeStatusUpdate,
  customerReplyUpdate,
  openTicketUpdate,
  reapplySlaPolicyUpdate,
  reclassifyUpdate,
  TICKET_CLOSED_FAILURE,
  ticketStateQuery,
  ticketWorkflowId,
  updateFieldsUpdate,
  type AgentReplyEvent,
  type NewTicket,
  type SlaRulesSnapshot,
  type TicketClassification,
  type TicketLifecycleState,
  type TicketWorkflowInput,
  type TimelineEvent,
  type TimelineEventType,
} from './ticket.contract.js';
import { lifecycleSnapshot } from './ticket-read-model.js';
import { collaboratorChangedUpdate } from './ticket-collaborators.contract.js';
import { mergeIntoUpdate, ticketMergedInSignal, type MergedInNotice } from './ticket-merge.contract.js';
import {
  knownErrorRecordedUpdate,
  linkToProblemUpdate,
  problemIncidentChangedSignal,
  problemSolvedSignal,
  solveProblemUpdate,
  unlinkFromProblemUpdate,
  type ProblemIncidentNotice,
} from './ticket-problem.contract.js';
import { activityRetry, localFirstIntake, remoteIntake, type IntakeActivities } from './intake-activities.js';

const routing = proxyActivities<RoutingActivities>({ startToCloseTimeout: '30 seconds', retry: activityRetry });
const email = proxyActivities<EmailActivities>({ startToCloseTimeout: '1 minute', retry: activityRetry });
const problems = proxyActivities<ProblemActivities>({ startToCloseTimeout: '30 seconds', retry: activityRetry });

/** Routing and assignment came after tickets already running: their histories replay without it (`patched`). */
const ROUTING_PATCH = 'routing-and-assignment';
/** So did customer notifications (acknowledgment, agent reply, solved). */
const NOTIFICATIONS_PATCH = 'customer-notifications';
/** Likewise the satisfaction survey. */
const SURVEY_PATCH = 'satisfaction-survey';
/** New tickets are created with local activities (issue 17); older runs' histories hold the activities they ran. */
const LOCAL_INTAKE_PATCH = 'intake-local-activities';
/** Imported open tickets continue from their old status (data migration). */
const IMPORTED_TICKETS_PATCH = 'imported-tickets';
/**
 * Holidays cancel whole shifts (issue 16). Running tickets timed their alarms by calendar date, as their histories
 * show: they keep that rule until their policy is applied again.
 */
const WHOLE_SHIFT_HOLIDAYS_PATCH = 'holidays-cancel-whole-shifts';
/**
 * Alarms that fell due while no worker ran (a late wake-up) each fire, in order, with their escalation steps (issue 16).
 * Running tickets raised only the highest of them, as their histories show.
 */
const LATE_ALARMS_EACH_FIRE_PATCH = 'late-alarms-each-fire';
/** SLA policies can match custom fields (issue 15): a field change chooses the policy again. Older runs did not. */
const FIELD_CONDITIONS_PATCH = 'sla-field-conditions';

const SYSTEM_ACTOR = 'system';
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const DEFAULT_HISTORY_EVENT_LIMIT = 10_000;
const CLASSIFICATION_FIELDS = ['priority', 'groupId', 'organizationId', 'customerTier', 'tags', 'type'] as const;

/** The rules, their calendar counting holidays by `holidayRule` (see WHOLE_SHIFT_HOLIDAYS_PATCH). */
function withHolidayRule(rules: SlaRulesSnapshot, holidayRule: HolidayRule): SlaRulesSnapshot {
  return { ...rules, calendar: { ...rules.calendar, holidayRule } };
}

function initialState(ticket: NewTicket): TicketLifecycleState {
  return {
    ticketId: ticket.id,
    status: 'new',
    priority: ticket.priority,
    groupId: ticket.groupId,
    organizationId: ticket.organizationId,
    customerTier: ticket.customerTier,
    tags: ticket.tags,
    // Runs started before ticket types carry none in their input (nor in a carried state): the channel's default.
    type: ticketTypeOrDefault(ticket.type, ticket.channel),
    lifecycleVersion: 0,
    eventSequence: 0,
    persisted: null,
    rules: null,
    sla: emptyTicketSla(),
    escalationLevel: 0,
    pendingRepeats: [],
    assigneeId: null,
    routing: null,
    misrouted: false,
    awaitingAgent: false,
    lastAgentReplyAt: null,
    solvedAt: null,
    closedAt: null,
    fields: ticket.fields ?? {},
    // An incident imported linked: unlinking it is then the workflow's, as for a link made here.
    ...(ticket.importedProblemId ? { problemId: ticket.importedProblemId } : {}),
  };
}

/**
 * A ticket's life: the only writer of its status, classification, SLA clocks and escalations. It writes the row
 * itself, then serves updates and sleeps until the next SLA alarm, escalation repeat or auto-close, whichever is first.
 */
export async function ticketWorkflow(input: TicketWorkflowInput): Promise<void> {
  // An imported open ticket holds the status its row has from the start: under load its first write can come minutes
  // after the start, and until then a query would otherwise answer `new` for a ticket listed as open.
  const importedStatus = input.ticket.imported ? input.importedStatus : undefined;
  const state: TicketLifecycleState = { ...initialState(input.ticket), ...(importedStatus ? { status: importedStatus } : {}), ...input.carriedState };
  /** The activities the lifecycle runs most: local while the ticket is being created (LOCAL_INTAKE_PATCH), remote after. */
  let lifecycle: IntakeActivities = remoteIntake;
  // Rules carried from a run that began before WHOLE_SHIFT_HOLIDAYS_PATCH name no holiday rule: theirs was by date.
  if (state.rules && state.rules.calendar.holidayRule === undefined) state.rules = withHolidayRule(state.rules, 'calendar-date');
  const historyEventLimit = input.historyEventLimit ?? DEFAULT_HISTORY_EVENT_LIMIT;
  /** Bumped by every change, so the main loop re-plans its next wake-up. */
  let changes = 0;
  /** Changes run one at a time: a handler waiting on an activity must not interleave with another's change. */
  let lock: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(change: () => Promise<T>): Promise<T> => {
    const run = lock.then(change);
    lock = run.catch(() => undefined);
    return run;
  };
  const ready = () => state.rules !== null;

  const event = (type: TimelineEventType, actor: string, data: Record<string, unknown> = {}): TimelineEvent => ({
    sequence: ++state.eventSequence,
    type,
    actor,
    occurredAt: new Date().toISOString(),
    data,
  });

  const slaRules = (): SlaRules => ({
    targets: state.rules!.targets,
    pauseWhile: state.rules!.pauseWhile,
    calendar: state.rules!.calendar,
  });

  /** Moves the SLA clocks and puts what happened to them on the timeline. */
  const updateSla = (events: TimelineEvent[], actor: string, change: (sla: TicketSla) => TicketSla): void => {
    const before = state.sla;
    state.sla = change(before);
    for (const { type, data } of clockChanges(before, state.sla)) events.push(event(type, actor, data));
  };
  const applySla = (events: TimelineEvent[], actor: string, slaEvent: SlaEvent) =>
    updateSla(events, actor, (sla) => applySlaEvent(sla, slaEvent, slaRules()));

  /** Picks the SLA policy for the ticket's current facts, noting on the timeline when it changes. */
  const choosePolicy = async (events: TimelineEvent[], actor: string): Promise<void> => {
    const first = state.rules === null;
    const previous = state.rules?.policy?.id ?? null;
    const rules = await lifecycle.resolveSlaRules({
      priority: state.priority,
      channel: input.ticket.channel,
      groupId: state.groupId,
      organizationId: state.organizationId,
      customerTier: state.customerTier,
      tags: state.tags,
      type: state.type,
      fields: state.fields ?? {},
      // Only a service request names its catalog entries: other tickets' (and older runs') facts stay as they were.
      ...(input.ticket.service && { serviceId: input.ticket.service.serviceId, requestItemId: input.ticket.service.requestItemId }),
    });
    state.rules = withHolidayRule(rules, patched(WHOLE_SHIFT_HOLIDAYS_PATCH) ? 'whole-shifts' : 'calendar-date');
    const policy = state.rules.policy;
    if (first || (policy?.id ?? null) !== previous) {
      events.push(event('sla_policy_applied', actor, policy ? { ...policy } : { policyId: null, reason: 'No SLA policy matches the ticket.' }));
    }
  };

  /** After a change of priority, type, group or organization: the policy is chosen again and the clocks re-targeted. */
  const reapplyPolicy = async (events: TimelineEvent[], actor: string): Promise<void> => {
    // Time already passed counts on the calendar it passed under, whatever calendar the new policy has.
    state.sla = closeRunningStretches(state.sla, state.rules!.calendar, Date.now());
    await choosePolicy(events, actor);
    updateSla(events, actor, (sla) => retargetTicketSla(sla, slaRules(), Date.now()));
  };

  /** Mails to the customer, sent in order by `deliverNotifications`: an SMTP outage delays them, never the lifecycle. */
  const notifications: SendTemplatedEmailInput[] = [];
  /** `key` makes the mail's idempotency key unique within the ticket. Imported tickets notify nobody. */
  const notify = (template: EmailTemplateKey, key: string, messageId?: string, variables?: Record<string, string>): void => {
    // A fulfilment task is internal work: its requester hears from the service request itself.
    if (input.ticket.imported || input.ticket.parentRequestId || !patched(NOTIFICATIONS_PATCH)) return;
    notifications.push({
      idempotencyKey: `${state.ticketId}:${key}`,
      template,
      ticketId: state.ticketId,
      ...(messageId ? { messageId } : {}),
      ...(variables ? { variables } : {}),
    });
  };
  const deliverNotifications = async (): Promise<void> => {
    for (;;) {
      await condition(() => notifications.length > 0);
      // Only a mail that can never be sent (its ticket row is gone) fails after the retries; it is dropped.
      await email.sendTemplatedEmail(notifications[0]).catch(() => undefined);
      notifications.shift();
    }
  };
  void deliverNotifications();

  /** `mailSolved` false: the requester was just told in a reply (a problem solving its incidents), not twice. */
  const changeStatus = (events: TimelineEvent[], actor: string, to: TicketStatus, { mailSolved = true } = {}): void => {
    const from = state.status;
    state.status = to;
    state.solvedAt = to === 'solved' ? Date.now() : null;
    if (to === 'closed') state.closedAt = Date.now();
    events.push(event('status_changed', actor, { from, to }));
    if (to === 'solved' && mailSolved) notify('solved', `solved:${state.eventSequence}`);
    applySla(events, actor, { type: 'status_changed', at: Date.now(), from, to });
    if ((to === 'solved' || to === 'closed') && state.assigneeId !== null) freedAgent = state.assigneeId;
    surveyNews = to;
    if (to === 'solved' && input.ticket.parentRequestId) parentRequestNews = true;
  };

  /** The routing rules pick the ticket's group (and may adjust priority and add tags). */
  const route = async (events: TimelineEvent[]): Promise<void> => {
    const outcome = await lifecycle.routeTicket({
      channel: input.ticket.channel,
      requesterEmail: input.ticket.requesterEmail,
      organizationId: state.organizationId,
      customerTier: state.customerTier,
      priority: state.priority,
      type: state.type,
      subject: input.ticket.subject,
      description: input.ticket.description,
      fields: state.fields ?? {},
      arrivedAt: Date.now(),
    });
    state.routing = { ruleId: outcome.ruleId, groupId: outcome.groupId, requiredSkills: outcome.requiredSkills };
    state.groupId = outcome.groupId;
    state.priority = outcome.priority;
    state.tags = [...new Set([...state.tags, ...outcome.tags])];
    const { requiredSkills: _skills, ...decision } = outcome;
    events.push(event('routed', SYSTEM_ACTOR, { ...decision, fallback: outcome.ruleId === null }));
  };

  /** An available agent of the group takes the ticket, or it waits in the group's queue until one is. */
  const assign = async (events: TimelineEvent[]): Promise<void> => {
    if (state.groupId === null) return;
    const requiredSkills = state.routing?.groupId === state.groupId ? state.routing.requiredSkills : [];
    const outcome = await lifecycle.assignAgent({ ticketId: state.ticketId, groupId: state.groupId, requiredSkills });
    if (outcome.agentId !== null && outcome.agentId === state.assigneeId) return; // kept by the same agent
    state.assigneeId = outcome.agentId;
    state.awaitingAgent = outcome.agentId === null;
    const data = { agentId: outcome.agentId, groupId: state.groupId, reason: outcome.reason };
    events.push(event(outcome.agentId ? 'assigned' : 'queued', SYSTEM_ACTOR, data));
  };

  /** A person moving a routed ticket to another group says the routing was wrong (counted once, per rule). */
  const noteMisrouting = (events: TimelineEvent[], actor: string): void => {
    if (state.routing === null || state.misrouted || state.groupId === state.routing.groupId) return;
    state.misrouted = true;
    events.push(event('misrouted', actor, { ruleId: state.routing.ruleId, routedTo: state.routing.groupId, movedTo: state.groupId }));
  };

  /** After this ticket freed its agent: wake the tickets waiting in the agent's groups, oldest first. */
  let freedAgent: string | null = null;
  const wakeWaitingTickets = async (): Promise<void> => {
    if (freedAgent === null || !patched(ROUTING_PATCH)) return;
    const agentId = freedAgent;
    freedAgent = null;
    for (const ticketId of await routing.queuedTicketsFor(agentId)) {
      if (ticketId === state.ticketId) continue; // unassigned back into the queue: not a chance for itself
      await getExternalWorkflowHandle(ticketWorkflowId(ticketId)).signal(assignmentOpportunitySignal).catch(() => undefined);
    }
  };

  /**
   * The satisfaction survey starts when the ticket is first solved (or closed), as a child that outlives this workflow
   * (it waits out its delay, reminder and expiry after the ticket closed); later status changes are passed on to it.
   */
  let surveyNews: TicketStatus | null = null;
  const tellSurvey = async (): Promise<void> => {
    const status = surveyNews;
    surveyNews = null;
    if (status === null || input.ticket.imported || input.ticket.parentRequestId) return; // imported tickets and fulfilment tasks are not surveyed
    if (state.surveyStarted) {
      await getExternalWorkflowHandle(surveyWorkflowId(state.ticketId)).signal(ticketStatusChangedSignal, status).catch(() => undefined);
    } else if ((status === 'solved' || status === 'closed') && patched(SURVEY_PATCH)) {
      state.surveyStarted = true;
      await startChild(surveyWorkflow, {
        workflowId: surveyWorkflowId(state.ticketId),
        args: [{ ticketId: state.ticketId, ticketStatus: status }],
        parentClosePolicy: ParentClosePolicy.ABANDON,
      });
    }
  };

  /**
   * A fulfilment task solved tells its service request's fulfilment (which then starts the next task), each time it is
   * solved: a re-sent notice changes nothing there, and a request whose fulfilment has ended needs none.
   */
  let parentRequestNews = false;
  const tellParentRequest = async (): Promise<void> => {
    if (!parentRequestNews || !input.ticket.parentRequestId) return;
    parentRequestNews = false;
    const notice = { taskId: state.ticketId };
    await getExternalWorkflowHandle(serviceRequestWorkflowId(input.ticket.parentRequestId)).signal(fulfilmentTaskSolvedSignal, notice).catch(() => undefined);
  };

  /** Custom-field changes not written yet: the next write carries them (other writes leave the column alone). */
  let pendingFieldChanges: Record<string, string | null> | null = null;
  /** Set when the incident was linked or unlinked: the next write carries its link (other writes leave the column alone). */
  let problemLinkChanged = false;
  const commit = async (events: TimelineEvent[]): Promise<void> => {
    if (events.length === 0) return;
    state.lifecycleVersion += 1;
    changes += 1;
    upsertSearchAttributes([
      { key: TICKET_STATUS_ATTRIBUTE, value: state.status },
      { key: TICKET_PRIORITY_ATTRIBUTE, value: state.priority },
    ]);
    const fields = pendingFieldChanges ? { fieldChanges: pendingFieldChanges } : {};
    pendingFieldChanges = null;
    const link = problemLinkChanged ? { problemLink: { problemId: state.problemId ?? null } } : {};
    problemLinkChanged = false;
    await lifecycle.recordLifecycle({ ...lifecycleSnapshot(state, events), ...fields, ...link });
  };

  const runEscalationStep = async (events: TimelineEvent[], stepIndex: number, step: EscalationStep, alarm: SlaAlarm, repeat: boolean) => {
    const cause = { step: stepIndex + 1, trigger: alarm.kind, metric: alarm.metric, repeat };
    const { action } = step;
    if (!repeat) state.escalationLevel += 1;
    if (action.type === 'notify') {
      const groupId = action.recipients === 'group' ? (action.groupId ?? state.groupId) : null;
      events.push(event('escalation_notified', SYSTEM_ACTOR, { ...cause, recipients: action.recipients, groupId }));
    } else if (action.type === 'reassign') {
      const from = state.groupId;
      state.groupId = action.groupId;
      events.push(event('escalation_reassigned', SYSTEM_ACTOR, { ...cause, from, to: action.groupId }));
      await reapplyPolicy(events, SYSTEM_ACTOR);
      if (patched(ROUTING_PATCH)) await assign(events);
    } else {
      const from = state.priority;
      state.priority = raisedPriority(from);
      events.push(event('escalation_priority_raised', SYSTEM_ACTOR, { ...cause, from, to: state.priority }));
      await reapplyPolicy(events, SYSTEM_ACTOR);
    }
    if (!repeat && step.repeatEveryMinutes) {
      state.pendingRepeats.push({ stepIndex, step, alarm, nextAt: Date.now() + step.repeatEveryMinutes * MINUTE_MS });
    }
  };

  const fireAlarm = async (events: TimelineEvent[], alarm: SlaAlarm): Promise<void> => {
    const detectedAt = Date.now();
    state.sla = recordTicketAlarm(state.sla, alarm, detectedAt);
    const when = new Date(alarm.at).toISOString();
    if (alarm.kind === 'warning') {
      events.push(event('sla_warning', SYSTEM_ACTOR, { metric: alarm.metric, threshold: alarm.threshold, at: when }));
    } else {
      events.push(event('sla_breached', SYSTEM_ACTOR, { metric: alarm.metric, deadline: when, detectedAt: new Date(detectedAt).toISOString(), overdueMs: detectedAt - alarm.at }));
    }
    const policy = state.rules?.escalationPolicy;
    for (const { index, step } of policy ? stepsForAlarm(policy, alarm) : []) {
      await runEscalationStep(events, index, step, alarm, false);
    }
  };

  const autoCloseAt = (): number | null =>
    state.status === 'solved' && state.solvedAt !== null && state.rules ? state.solvedAt + state.rules.autoCloseDays * DAY_MS : null;

  /** Given `passedBy`, alarms all passed by then count as one (the highest): see handleDueWork. */
  const nextAlarm = (passedBy?: number): SlaAlarm | null =>
    state.rules ? nextTicketAlarm(state.sla, slaRules(), state.rules.warningThresholds, passedBy) : null;

  /**
   * When the workflow last handled due alarms (or started). Alarms already passed then were passed when the clock
   * itself jumped (an imported ticket, a lowered target): they raise only the highest, no burst of stale warnings.
   * Alarms that fell due since were each awaited: a wake-up late because no worker ran fires every one, in order.
   */
  let alarmsHandledAt = Date.now();

  /** Everything due by now, oldest first: SLA alarms, escalation repeats, auto-close. Handlers call it before a change. */
  const handleDueWork = async (events: TimelineEvent[]): Promise<void> => {
    const passedBy = patched(LATE_ALARMS_EACH_FIRE_PATCH) ? alarmsHandledAt : Date.now();
    for (let alarm = nextAlarm(passedBy); alarm && alarm.at <= Date.now(); alarm = nextAlarm(passedBy)) await fireAlarm(events, alarm);
    alarmsHandledAt = Date.now();
    for (const repeat of state.pendingRepeats) {
      while (repeat.nextAt <= Date.now() && state.pendingRepeats.includes(repeat)) {
        await runEscalationStep(events, repeat.stepIndex, repeat.step, repeat.alarm, true);
        repeat.nextAt += (repeat.step.repeatEveryMinutes ?? 0) * MINUTE_MS;
      }
    }
    const closeAt = autoCloseAt();
    if (closeAt !== null && closeAt <= Date.now()) {
      changeStatus(events, SYSTEM_ACTOR, 'closed');
      events.push(event('auto_closed', SYSTEM_ACTOR, { afterDays: state.rules!.autoCloseDays }));
    }
  };

  const nextWakeUp = (): number | null => {
    const candidates = [nextAlarm()?.at, autoCloseAt(), ...state.pendingRepeats.map((repeat) => repeat.nextAt)];
    const due = candidates.filter((at): at is number => typeof at === 'number');
    return due.length > 0 ? Math.min(...due) : null;
  };

  /** Runs one change under the lock, after whatever fell due before it, and writes the result. */
  const change = async (body: (events: TimelineEvent[]) => void | Promise<void>) => {
    await condition(ready);
    return exclusive(async () => {
      const events: TimelineEvent[] = [];
      await handleDueWork(events);
      await body(events);
      await commit(events);
      await wakeWaitingTickets();
      await tellSurvey();
      await tellParentRequest();
      return state;
    });
  };

  const refuseWhenClosed = (message: string) => (_request: unknown) => {
    if (state.status === 'closed') throw ApplicationFailure.create({ type: TICKET_CLOSED_FAILURE, message, nonRetryable: true });
  };

  setHandler(ticketStateQuery, () => state);

  let assignmentWanted = false;
  setHandler(assignmentOpportunitySignal, () => {
    assignmentWanted = true;
    changes += 1;
  });

  setHandler(openTicketUpdate, async () => {
    await condition(() => state.persisted !== null);
    return state.persisted!;
  });

  setHandler(
    changeStatusUpdate,
    ({ status, actorUserId, mailSolved }) =>
      change((events) => {
        const refusal = transitionError(state.status, status);
        if (refusal) throw new Error(refusal); // a due auto-close can have closed the ticket since validation
        changeStatus(events, actorUserId, status, { mailSolved: mailSolved ?? true });
      }),
    {
      validator: ({ status }) => {
        const refusal = transitionError(state.status, status);
        if (refusal) throw new Error(refusal);
      },
    },
  );

  /** A stored agent message on the timeline and the SLA clocks; a public one is mailed to the requester. */
  const recordAgentReply = (events: TimelineEvent[], { messageId, actorUserId, isPublic, at }: AgentReplyEvent): void => {
    events.push(event('agent_replied', actorUserId, { messageId, isPublic }));
    applySla(events, actorUserId, { type: 'agent_replied', at: Date.parse(at), public: isPublic });
    if (isPublic) {
      state.lastAgentReplyAt = at;
      notify('agent_reply', `agent_reply:${messageId}`, messageId);
    }
    // A public answer to a new ticket means someone is on it.
    if (isPublic && state.status === 'new') changeStatus(events, actorUserId, 'open');
  };

  setHandler(agentReplyUpdate, (reply) => change((events) => recordAgentReply(events, reply)), {
    validator: refuseWhenClosed('The ticket is closed: it takes no more replies.'),
  });

  setHandler(
    customerReplyUpdate,
    ({ messageId, actorUserId, at }) =>
      change(async (events) => {
        const actor = actorUserId ?? SYSTEM_ACTOR;
        events.push(event('customer_replied', actor, { messageId }));
        if (state.status === 'solved') {
          events.push(event('reopened', actor, { messageId }));
          changeStatus(events, actor, 'open');
          if (patched(ROUTING_PATCH) && state.routing !== null) {
            // Routed again: the rules (or the agents) may have changed since.
            await route(events);
            await reapplyPolicy(events, actor);
            await assign(events);
          }
        } else if (state.status === 'pending') {
          changeStatus(events, actor, 'open'); // the customer answered what we waited for
        }
        applySla(events, actor, { type: 'customer_replied', at: Date.parse(at) });
      }),
    { validator: refuseWhenClosed('The ticket is closed: a customer reply opens a follow-up ticket instead.') },
  );

  setHandler(
    reclassifyUpdate,
    (request) =>
      change(async (events) => {
        const changed: Record<string, { from: unknown; to: unknown }> = {};
        for (const field of CLASSIFICATION_FIELDS) {
          const to = request[field];
          if (to === undefined || JSON.stringify(to) === JSON.stringify(state[field])) continue;
          changed[field] = { from: state[field], to };
          Object.assign(state, { [field]: to } satisfies Partial<TicketClassification>);
        }
        if (Object.keys(changed).length === 0) return;
        events.push(event('reclassified', request.actorUserId, changed));
        await reapplyPolicy(events, request.actorUserId);
        if (changed.groupId && patched(ROUTING_PATCH)) {
          noteMisrouting(events, request.actorUserId);
          await assign(events);
        }
      }),
    {
      validator: (request) => {
        refuseWhenClosed('The ticket is closed: its priority, group and organization are final.')(request);
        if (request.type !== undefined && !isTicketType(request.type)) {
          throw new Error(`"${String(request.type)}" is not a ticket type; use ${TICKET_TYPES.join(', ')}.`);
        }
      },
    },
  );

  // A person's assignment, marked manual on the timeline: it counts in load like any other (the row's assignee) and
  // frees the previous agent's slot for the tickets waiting in their groups.
  setHandler(
    assignTicketUpdate,
    ({ actorUserId, groupId, agentId }) =>
      change(async (events) => {
        const previousAgentId = state.assigneeId;
        const moved = groupId !== undefined && groupId !== state.groupId;
        if (moved) {
          events.push(event('reclassified', actorUserId, { groupId: { from: state.groupId, to: groupId } }));
          state.groupId = groupId;
          await reapplyPolicy(events, actorUserId);
          noteMisrouting(events, actorUserId);
        }
        if (agentId === undefined) {
          if (moved) await assign(events); // the router picks within the new group
        } else if (moved || agentId !== state.assigneeId) {
          await routing.assignManually({ ticketId: state.ticketId, groupId: state.groupId, agentId });
          state.assigneeId = agentId;
          state.awaitingAgent = agentId === null;
          const data = { agentId, previousAgentId, groupId: state.groupId, manual: true };
          events.push(event(agentId === null ? 'unassigned' : 'assigned', actorUserId, data));
        }
        if (previousAgentId !== null && previousAgentId !== state.assigneeId) freedAgent = previousAgentId;
      }),
    { validator: refuseWhenClosed('The ticket is closed: it can no longer be assigned.') },
  );

  setHandler(
    updateFieldsUpdate,
    ({ actorUserId, changes }) =>
      change(async (events) => {
        const next = withFieldChanges(state.fields ?? {}, changes);
        const changed = fieldChanges(state.fields ?? {}, next);
        if (Object.keys(changed).length === 0) return;
        state.fields = next;
        pendingFieldChanges = { ...pendingFieldChanges, ...changes };
        events.push(event('fields_changed', actorUserId, changed));
        if (patched(FIELD_CONDITIONS_PATCH)) await reapplyPolicy(events, actorUserId);
      }),
    { validator: refuseWhenClosed('The ticket is closed: its fields are final.') },
  );

  setHandler(
    reapplySlaPolicyUpdate,
    ({ actorUserId }) => change((events) => reapplyPolicy(events, actorUserId)),
    { validator: refuseWhenClosed('The ticket is closed: its SLA is final.') },
  );

  setHandler(
    acknowledgeEscalationUpdate,
    ({ actorUserId, note }) =>
      change((events) => {
        const stopped = state.pendingRepeats.map((repeat) => repeat.stepIndex + 1);
        state.pendingRepeats = [];
        events.push(event('escalation_acknowledged', actorUserId, { note, stoppedRepeatsOfSteps: stopped }));
      }),
    {
      validator: (_request: unknown) => {
        if (state.escalationLevel === 0) throw new Error('The ticket has not been escalated: there is nothing to acknowledge.');
      },
    },
  );

  /**
   * Merging this ticket (a duplicate) into a primary: the primary hears of it first, so a primary whose workflow has
   * ended refuses the merge before anything changes here; then this ticket closes as `merged`. Its SLA clocks are
   * dropped, not stopped (it owes no answer of its own: its SLA is neither met nor breached), it is not solved (no
   * survey starts; one waiting from an earlier solve is cancelled), and its requester is told once where it goes on.
   */
  setHandler(
    mergeIntoUpdate,
    async (request) => {
      state.mergedInto = request.primaryTicketId; // at once: a second merge arriving meanwhile is refused by the validator
      await condition(() => state.persisted !== null);
      const notice: MergedInNotice = { duplicateTicketId: state.ticketId, duplicateNumber: state.persisted!.number, actorUserId: request.actorUserId };
      try {
        await getExternalWorkflowHandle(ticketWorkflowId(request.primaryTicketId)).signal(ticketMergedInSignal, notice);
      } catch {
        delete state.mergedInto;
        throw ApplicationFailure.create({
          type: TICKET_CLOSED_FAILURE,
          message: `Ticket #${request.primaryNumber} is closed: nothing can be merged into it.`,
          nonRetryable: true,
        });
      }
      return change(async (events) => {
        const from = state.status;
        state.status = 'closed';
        state.solvedAt = null;
        state.closedAt = Date.now();
        state.sla = { ...state.sla, clocks: {}, status: 'closed' };
        state.pendingRepeats = [];
        state.awaitingAgent = false;
        if (state.assigneeId !== null) freedAgent = state.assigneeId;
        // A fulfilment task merged away goes on in the ticket it joined: its request must not wait for it.
        if (input.ticket.parentRequestId) parentRequestNews = true;
        events.push(event('merged', request.actorUserId, { into: request.primaryTicketId, intoNumber: request.primaryNumber, from }));
        notify('merged', 'merged', undefined, { 'primary.number': request.primaryNumber, 'primary.subject': request.primarySubject });
        if (state.surveyStarted) await getExternalWorkflowHandle(surveyWorkflowId(state.ticketId)).cancel().catch(() => undefined);
      });
    },
    {
      validator: ({ primaryTicketId }) => {
        if (state.status === 'closed' || state.mergedInto !== undefined) {
          throw ApplicationFailure.create({ type: TICKET_CLOSED_FAILURE, message: 'The ticket is closed (or being merged): it can no longer be merged.', nonRetryable: true });
        }
        if (primaryTicketId === state.ticketId) throw new Error('A ticket cannot be merged into itself.');
      },
    },
  );

  /** A duplicate was merged into this ticket: noted on this ticket's own timeline. */
  setHandler(ticketMergedInSignal, async ({ duplicateTicketId, duplicateNumber, actorUserId }) => {
    await change((events) => {
      events.push(event('merged_in', actorUserId, { from: duplicateTicketId, fromNumber: duplicateNumber }));
    });
  });

  /** The API stored (or removed) a collaborator's address; the timeline records who did it. */
  setHandler(
    collaboratorChangedUpdate,
    ({ action, email, actorUserId }) =>
      change((events) => {
        events.push(event(action === 'added' ? 'collaborator_added' : 'collaborator_removed', actorUserId, { email }));
      }),
    { validator: refuseWhenClosed('The ticket is closed: its collaborators can no longer change.') },
  );

  /** Tells a problem's workflow that this incident was linked to it or unlinked; false when that workflow has ended. */
  const tellProblem = async (problemId: string, linked: boolean, actorUserId: string): Promise<boolean> => {
    await condition(() => state.persisted !== null);
    const notice: ProblemIncidentNotice = { incidentId: state.ticketId, incidentNumber: state.persisted!.number, linked, actorUserId };
    return getExternalWorkflowHandle(ticketWorkflowId(problemId)).signal(problemIncidentChangedSignal, notice).then(
      () => true,
      () => false,
    );
  };

  /**
   * Linking this incident to a problem: the problem hears of it first, so a problem whose workflow has ended (closed)
   * refuses the link before anything changes here. Linking to the problem it has already changes nothing.
   */
  setHandler(
    linkToProblemUpdate,
    async ({ problemId, problemNumber, actorUserId }) => {
      if (state.problemId === problemId) return state;
      state.problemId = problemId; // at once: a second link arriving meanwhile is refused by the validator
      if (!(await tellProblem(problemId, true, actorUserId))) {
        state.problemId = null;
        throw ApplicationFailure.create({ type: TICKET_CLOSED_FAILURE, message: `Ticket #${problemNumber} is closed: no incident can be linked to it.`, nonRetryable: true });
      }
      return change((events) => {
        problemLinkChanged = true;
        events.push(event('linked_to_problem', actorUserId, { problemId, problemNumber }));
      });
    },
    {
      validator: ({ problemId, problemNumber }) => {
        refuseWhenClosed('The ticket is closed: it can no longer be linked to a problem.')(problemId);
        // The API checked that the other ticket is a problem; this ticket's own type and link are the workflow's.
        const self = { id: state.ticketId, number: state.persisted?.number ?? state.ticketId, type: state.type, problemId: state.problemId ?? null };
        const refusal = problemLinkRefusal(self, { id: problemId, number: problemNumber, type: 'problem', problemId: null });
        if (refusal) throw new Error(refusal.message);
      },
    },
  );

  /** Unlinking: the problem's timeline notes it unless the problem is closed (its timeline is final then). */
  setHandler(
    unlinkFromProblemUpdate,
    async ({ actorUserId }) => {
      const problemId = state.problemId!;
      state.problemId = null; // at once: a second unlink arriving meanwhile is refused by the validator
      await tellProblem(problemId, false, actorUserId);
      return change((events) => {
        problemLinkChanged = true;
        events.push(event('unlinked_from_problem', actorUserId, { problemId }));
      });
    },
    {
      validator: (request) => {
        refuseWhenClosed('The ticket is closed: its problem link is final.')(request);
        if (!state.problemId) throw new Error('The ticket is not linked to a problem.');
      },
    },
  );

  /** An incident was linked to this problem, or unlinked: noted on this problem's own timeline. */
  setHandler(problemIncidentChangedSignal, async ({ incidentId, incidentNumber, linked, actorUserId }) => {
    await change((events) => {
      events.push(event(linked ? 'incident_linked' : 'incident_unlinked', actorUserId, { incidentId, incidentNumber }));
    });
  });

  /**
   * Solving a problem: it solves itself (its requester mailed as for any solve), then tells each linked incident still
   * worked (read from the rows its incidents' workflows wrote), whose own workflow replies and solves it.
   */
  setHandler(
    solveProblemUpdate,
    async ({ solutionMessageId, actorUserId }) => {
      const solved = await change((events) => {
        const refusal = transitionError(state.status, 'solved');
        if (refusal) throw new Error(refusal); // a due auto-close can have closed the ticket since validation
        changeStatus(events, actorUserId, 'solved');
      });
      const notice = { problemId: state.ticketId, problemNumber: state.persisted!.number, solutionMessageId, actorUserId };
      for (const incidentId of await problems.incidentsToSolveWith(state.ticketId)) {
        // An incident closed meanwhile has no workflow left to tell: it needs nothing.
        await getExternalWorkflowHandle(ticketWorkflowId(incidentId)).signal(problemSolvedSignal, notice).catch(() => undefined);
      }
      return solved;
    },
    {
      validator: (_request) => {
        if (state.type !== 'problem') throw new Error(`The ticket is of type ${state.type}: only a problem is solved with its incidents.`);
        const refusal = transitionError(state.status, 'solved');
        if (refusal) throw new Error(refusal);
      },
    },
  );

  /**
   * This incident's problem was solved: one public reply to its requester (the solution filled with this incident's
   * facts, mailed as any agent reply) and solved with it, no second mail. A notice for a problem it is no longer linked
   * to, one already answered (re-delivered), or an incident solved or closed meanwhile changes nothing.
   */
  setHandler(problemSolvedSignal, async ({ problemId, problemNumber, solutionMessageId, actorUserId }) => {
    await change(async (events) => {
      const answered = state.answeredProblemSolution === solutionMessageId;
      if (state.problemId !== problemId || answered || !solvesWithProblem(state.status)) return;
      state.answeredProblemSolution = solutionMessageId;
      const messageId = uuid4();
      const { at } = await problems.postProblemSolutionReply({ incidentId: state.ticketId, solutionMessageId, messageId, actorUserId });
      recordAgentReply(events, { messageId, actorUserId, isPublic: true, at });
      events.push(event('solved_with_problem', actorUserId, { problemId, problemNumber, messageId }));
      changeStatus(events, actorUserId, 'solved', { mailSolved: false });
    });
  });

  /** The API stored the problem's known error; the timeline records who did it (the note itself is in PostgreSQL). */
  setHandler(
    knownErrorRecordedUpdate,
    ({ actorUserId }) =>
      change((events) => {
        events.push(event('known_error_recorded', actorUserId));
      }),
    { validator: refuseWhenClosed('The ticket is closed: its known error is final.') },
  );

  if (state.persisted === null) {
    // Only the creation: what comes later (an agent's change, a timer) runs its activities as before.
    if (patched(LOCAL_INTAKE_PATCH)) lifecycle = localFirstIntake;
    const persisted = await lifecycle.persistTicket(input.ticket);
    await exclusive(async () => {
      const actor = input.ticket.createdBy ?? SYSTEM_ACTOR;
      const events = [event('created', actor, { channel: input.ticket.channel, followUpOf: input.ticket.followUpOf })];
      const routed = patched(ROUTING_PATCH);
      // A ticket created with a group was routed by a person; the rules route the others.
      if (routed && state.groupId === null) await route(events);
      await choosePolicy(events, actor);
      // The clocks start when the API accepted the ticket, not when this code first ran.
      applySla(events, actor, { type: 'created', at: Math.min(Date.parse(input.ticket.createdAt), Date.now()) });
      // An imported open ticket goes on from the status it had; its row is already written (persistTicket keeps it).
      // Its clocks and timeline see it arrive new and move on to that status (no query runs in between).
      if (importedStatus && importedStatus !== 'new') {
        state.status = 'new';
        if (patched(IMPORTED_TICKETS_PATCH)) changeStatus(events, actor, importedStatus);
      }
      if (routed) await assign(events);
      await commit(events);
      notify('acknowledgment', 'acknowledgment');
    });
    lifecycle = remoteIntake;
    // Only now does createTicket return: the row, its policy and its first timeline events are all written.
    state.persisted = persisted;
  }

  const shouldContinueAsNew = () => workflowInfo().continueAsNewSuggested || workflowInfo().historyLength >= historyEventLimit;
  while (state.status !== 'closed' && !shouldContinueAsNew()) {
    const seen = changes;
    const woken = () => changes !== seen || shouldContinueAsNew();
    const wakeAt = nextWakeUp();
    if (wakeAt === null) await condition(woken);
    else if (wakeAt > Date.now()) await condition(woken, wakeAt - Date.now());
    await exclusive(async () => {
      const events: TimelineEvent[] = [];
      await handleDueWork(events);
      if (assignmentWanted && state.awaitingAgent && state.status !== 'closed') await assign(events);
      assignmentWanted = false;
      await commit(events);
      await wakeWaitingTickets();
      await tellSurvey();
      await tellParentRequest();
    });
  }
  await lock;
  await condition(() => allHandlersFinished() && notifications.length === 0);
  if (state.status !== 'closed') {
    await continueAsNew<typeof ticketWorkflow>({ ticket: input.ticket, carriedState: state, historyEventLimit: input.historyEventLimit });
  }
}
