import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { WorkflowNotFoundError } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import type { SendTemplatedEmailInput } from '../../activities/email/email.activities.js';
import type { BusinessCalendar } from '../../libs/domain/calendar/index.js';
import { utcOffsetAt } from '../../libs/domain/calendar/zoned-time.js';
import type { EscalationStep } from '../../libs/domain/escalation/index.js';
import type { SlaMetric, SlaTarget, SlaTicketFacts } from '../../libs/domain/sla/index.js';
import type { RoutableTicket } from '../../libs/domain/routing/index.js';
import type { TicketPriority } from '../../libs/domain/tickets/ticket-fields.js';
import { recordHistory, waitUntil, withTicketWorker, type StartTicket } from '../../test/support/ticket-workflow-runs.js';
import { timeSkippingEnvPerTest } from '../../test/support/time-skipping-env.js';
import type { SurveySettings } from '../../libs/domain/survey/survey-settings.js';
import { surveyStateQuery, surveyWorkflowId, type SurveyInvitationReference } from '../survey/survey.contract.js';
import {
  acknowledgeEscalationUpdate,
  agentReplyUpdate,
  changeStatusUpdate,
  customerReplyUpdate,
  reclassifyUpdate,
  ticketStateQuery,
  type AgentReplyEvent,
  type AssignmentOutcome,
  type LifecycleSnapshot,
  type RoutingOutcome,
  type NewTicket,
  type SlaRulesSnapshot,
  type TimelineEvent,
} from './ticket.contract.js';

// The ticket workflow on Temporal's time-skipping server, its activities replaced by in-memory fakes (this file is
// about the workflow's timing and decisions; the real activities are covered end to end).

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const NEW_YORK = 'America/New_York';
const WEEKDAYS_9_TO_5: BusinessCalendar = {
  timeZone: NEW_YORK,
  intervals: ([1, 2, 3, 4, 5] as const).map((day) => ({ day, start: '09:00', end: '17:00' })),
  holidays: [],
};
const AGENT = 'agent-1';

type Targets = Partial<Record<TicketPriority, Partial<Record<SlaMetric, SlaTarget>>>>;
const businessHours = (hours: number): SlaTarget => ({ minutes: hours * 60, businessHours: true });

interface Fakes {
  events: TimelineEvent[];
  snapshots: LifecycleSnapshot[];
  factsSeen: SlaTicketFacts[];
  /** The group each routing call sends the ticket to, and who is free in which group (null: nobody). */
  routeTo: string;
  freeAgent: Record<string, string | null>;
  assignCalls: Array<{ ticketId: string; groupId: string }>;
  queued: string[];
  mails: SendTemplatedEmailInput[];
  /** Surveys are off unless a test turns them on. */
  surveySettings: SurveySettings;
}

function fakeActivities(targets: Targets, steps: EscalationStep[] = [], calendar = WEEKDAYS_9_TO_5) {
  const fakes: Fakes = {
    events: [], snapshots: [], factsSeen: [], routeTo: 'billing', freeAgent: {}, assignCalls: [], queued: [], mails: [],
    surveySettings: { enabled: false, trigger: 'closed', delayMinutes: 60, reminderAfterDays: null, expiresAfterDays: 1 },
  };
  const activities = {
    // The satisfaction survey a solved ticket starts (its own timing is tested in workflows/survey).
    loadSurveySettings: async (): Promise<SurveySettings> => fakes.surveySettings,
    openSurveyInvitation: async ({ expiresAt }: { expiresAt: number }): Promise<SurveyInvitationReference> => ({ surveyId: 's', expiresAt: new Date(expiresAt).toISOString() }),
    recordSurveyStep: async () => true,
    routeTicket: async (ticket: RoutableTicket): Promise<RoutingOutcome> => ({
      ruleId: 'rule-1',
      ruleName: 'Billing words',
      reasons: ['keyword "invoice" in the subject'],
      groupId: fakes.routeTo,
      priority: ticket.priority,
      tags: ['billing'],
      requiredSkills: [],
    }),
    assignAgent: async (request: { ticketId: string; groupId: string }): Promise<AssignmentOutcome> => {
      fakes.assignCalls.push(request);
      const agentId = fakes.freeAgent[request.groupId] ?? null;
      if (agentId === null) fakes.queued.push(request.ticketId);
      else fakes.queued = fakes.queued.filter((id) => id !== request.ticketId);
      return { agentId, reason: agentId ? `${agentId} is free` : 'No one in the group is online.' };
    },
    queuedTicketsFor: async (_agentId: string): Promise<string[]> => [...fakes.queued],
    persistTicket: async (ticket: NewTicket) => ({ number: '1', createdAt: ticket.createdAt }),
    sendTemplatedEmail: async (mail: SendTemplatedEmailInput) => {
      fakes.mails.push(mail);
      return { messageId: `<${mail.idempotencyKey}@example.com>`, alreadySent: false };
    },
    recordLifecycle: async (snapshot: LifecycleSnapshot) => {
      fakes.snapshots.push(snapshot);
      fakes.events.push(...snapshot.events);
    },
    resolveSlaRules: async (facts: SlaTicketFacts): Promise<SlaRulesSnapshot> => {
      fakes.factsSeen.push(facts);
      return {
        policy: { id: 'policy-1', name: 'Standard', reason: 'Policy "Standard" (position 0) matched: it has no conditions.' },
        targets: targets[facts.priority] ?? {},
        pauseWhile: { resolution: ['pending', 'on_hold'] },
        warningThresholds: [75, 90],
        calendar,
        escalationPolicy: steps.length > 0 ? { id: 'esc-1', name: 'Escalate', steps } : null,
        autoCloseDays: 4,
      };
    },
  };
  return { fakes, activities };
}

/** Wall-clock time in a zone as epoch ms of the same digits in UTC, and back. */
const wallOf = (instant: number) => instant + utcOffsetAt(NEW_YORK, instant);
const instantOf = (wall: number) => wall - utcOffsetAt(NEW_YORK, wall - utcOffsetAt(NEW_YORK, wall));

/** The next Friday at 16:00 in New York after `now`. */
function nextFridayAt16(now: number): number {
  const today = Math.floor(wallOf(now) / DAY) * DAY;
  for (let days = 1; ; days++) {
    const wall = today + days * DAY + 16 * HOUR;
    if (new Date(wall).getUTCDay() === 5) return instantOf(wall);
  }
}
const localClock = (instant: number) => new Date(wallOf(instant)).toISOString().slice(0, 16).replace('T', ' ');
const weekday = (instant: number) => ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][new Date(wallOf(instant)).getUTCDay()];

function newTicket(priority: TicketPriority, createdAt: number, groupId: string | null = 'tier-1'): NewTicket {
  return {
    id: randomUUID(),
    subject: 'Printer on fire',
    description: 'It is on fire.',
    requesterEmail: 'customer@example.com',
    channel: 'email',
    priority,
    groupId,
    organizationId: null,
    customerTier: null,
    tags: [],
    createdBy: AGENT,
    idempotencyKey: null,
    followUpOf: null,
    createdAt: new Date(createdAt).toISOString(),
  };
}

const ofType = (events: TimelineEvent[], type: string) => events.filter((event) => event.type === type);

describe('the ticket workflow on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;

  timeSkippingEnvPerTest((started) => (env = started));

  /** Moves the server's clock to `instant` (timers due on the way fire). */
  async function advanceTo(instant: number): Promise<void> {
    const now = await env.currentTimeMs();
    if (instant > now) await env.sleep(instant - now);
  }

  const run = (activities: ReturnType<typeof fakeActivities>['activities'], body: (start: StartTicket) => Promise<void>) =>
    withTicketWorker(env, activities, body);


  it('breaches a 4-business-hour resolution target on a ticket created Friday 16:00 at Monday 12:00, warning at 75 % and 90 %', async () => {
    const { fakes, activities } = fakeActivities({ high: { resolution: businessHours(4) } });
    const createdAt = nextFridayAt16(await env.currentTimeMs());
    await advanceTo(createdAt);
    await run(activities, async (start) => {
      const handle = await start(newTicket('high', createdAt));
      await advanceTo(createdAt + 4 * DAY);

      const [warning75, warning90] = ofType(fakes.events, 'sla_warning');
      expect([weekday(Date.parse(warning75.data.at as string)), localClock(Date.parse(warning75.data.at as string)).slice(11)]).toEqual(['Mon', '11:00']);
      expect(localClock(Date.parse(warning90.data.at as string)).slice(11)).toBe('11:36');
      const [breach] = ofType(fakes.events, 'sla_breached');
      const deadline = Date.parse(breach.data.deadline as string);
      expect(weekday(deadline)).toBe('Mon');
      expect(localClock(deadline).slice(11)).toBe('12:00');
      expect(breach.data.metric).toBe('resolution');
      // Detected by the timer set for the deadline itself: late only by the time a workflow task takes.
      expect(breach.data.overdueMs).toBeLessThan(1000);
      expect(Date.parse(breach.occurredAt) - deadline).toBe(breach.data.overdueMs);

      const state = await handle.query(ticketStateQuery);
      expect(state.sla.clocks.resolution?.breach?.deadline).toBe(deadline);
      await recordHistory(handle, 'friday-breach');
    });
  });

  it('pauses the resolution clock while pending, pushing the deadline by the business time spent waiting', async () => {
    const { fakes, activities } = fakeActivities({ normal: { resolution: businessHours(4) } });
    const createdAt = nextFridayAt16(await env.currentTimeMs()) + 3 * DAY - 7 * HOUR; // Monday 09:00
    await advanceTo(createdAt);
    await run(activities, async (start) => {
      const handle = await start(newTicket('normal', createdAt));
      await advanceTo(createdAt + HOUR);
      await handle.executeUpdate(changeStatusUpdate, { args: [{ status: 'pending', actorUserId: AGENT }] });
      await advanceTo(createdAt + 3 * HOUR);
      await handle.executeUpdate(changeStatusUpdate, { args: [{ status: 'open', actorUserId: AGENT }] });
      await advanceTo(createdAt + 8 * HOUR);

      const [paused] = ofType(fakes.events, 'sla_paused');
      const [resumed] = ofType(fakes.events, 'sla_resumed');
      expect([paused.data.metric, resumed.data.metric]).toEqual(['resolution', 'resolution']);
      const pendingFor = Date.parse(resumed.occurredAt) - Date.parse(paused.occurredAt); // two hours, give or take the updates' transit
      const [breach] = ofType(fakes.events, 'sla_breached');
      expect(Date.parse(breach.data.deadline as string)).toBe(createdAt + 4 * HOUR + pendingFor); // 13:00 + 2 hours pending
      expect(localClock(createdAt + 4 * HOUR + 2 * HOUR)).toMatch(/ 15:00$/);
    });
  });

  it('re-targets the clock when the priority changes: 30 minutes accrued of a new 1-hour target leave 30 minutes', async () => {
    const { fakes, activities } = fakeActivities({ normal: { resolution: businessHours(8) }, urgent: { resolution: businessHours(1) } });
    const createdAt = nextFridayAt16(await env.currentTimeMs()) - 6 * HOUR; // Friday 10:00
    await advanceTo(createdAt);
    await run(activities, async (start) => {
      const handle = await start(newTicket('normal', createdAt));
      await advanceTo(createdAt + 30 * MINUTE);
      const state = await handle.executeUpdate(reclassifyUpdate, { args: [{ priority: 'urgent', actorUserId: AGENT }] });
      expect(state.sla.clocks.resolution?.target).toEqual(businessHours(1));
      expect(fakes.factsSeen.at(-1)?.priority).toBe('urgent');
      await advanceTo(createdAt + 2 * HOUR);

      const [breach] = ofType(fakes.events, 'sla_breached');
      expect(Date.parse(breach.data.deadline as string)).toBe(createdAt + HOUR);
      expect(ofType(fakes.events, 'reclassified')[0].data).toEqual({ priority: { from: 'normal', to: 'urgent' } });
      expect(fakes.snapshots.at(-1)?.slaDeadline).toBe(new Date(createdAt + HOUR).toISOString());
    });
  });

  it('re-chooses the policy when an agent changes the type, noting from and to; a ticket started without a type is its channel default', async () => {
    const { fakes, activities } = fakeActivities({ normal: { resolution: businessHours(8) } });
    const byType = activities.resolveSlaRules;
    // An incident policy with a 1-hour target, a question policy with the 8-hour one.
    activities.resolveSlaRules = async (facts: SlaTicketFacts) => {
      const rules = await byType(facts);
      if (facts.type !== 'incident') return rules;
      const policy = { id: 'policy-incidents', name: 'Incidents', reason: 'Policy "Incidents" (position 0) matched: type incident.' };
      return { ...rules, policy, targets: { resolution: businessHours(1) } };
    };
    const createdAt = nextFridayAt16(await env.currentTimeMs()) - 6 * HOUR; // Friday 10:00
    await advanceTo(createdAt);
    await run(activities, async (start) => {
      // As the input of a run started before ticket types: no type at all.
      const handle = await start(newTicket('normal', createdAt));
      expect(fakes.factsSeen.at(-1)?.type).toBe('question');
      expect(fakes.snapshots.at(-1)?.type).toBe('question');
      await advanceTo(createdAt + 30 * MINUTE);
      const state = await handle.executeUpdate(reclassifyUpdate, { args: [{ type: 'incident', actorUserId: AGENT }] });
      expect(state.type).toBe('incident');
      expect(state.rules?.policy?.name).toBe('Incidents');
      expect(state.sla.clocks.resolution?.target).toEqual(businessHours(1));
      expect(fakes.factsSeen.at(-1)?.type).toBe('incident');
      const [reclassified] = ofType(fakes.events, 'reclassified');
      expect(reclassified).toMatchObject({ actor: AGENT, data: { type: { from: 'question', to: 'incident' } } });
      expect(ofType(fakes.events, 'sla_policy_applied').at(-1)?.data).toMatchObject({ id: 'policy-incidents', name: 'Incidents' });
      expect(fakes.snapshots.at(-1)).toMatchObject({ type: 'incident', slaPolicyName: 'Incidents' });
      // The same type again changes nothing; an unknown one is refused before anything happens.
      const again = await handle.executeUpdate(reclassifyUpdate, { args: [{ type: 'incident', actorUserId: AGENT }] });
      expect(again.lifecycleVersion).toBe(state.lifecycleVersion);
      const refused = await handle.executeUpdate(reclassifyUpdate, { args: [{ type: 'outage' as never, actorUserId: AGENT }] }).catch((error: Error) => error);
      expect((refused as Error & { cause?: Error }).cause?.message).toMatch(/"outage" is not a ticket type/);
      await advanceTo(createdAt + 2 * HOUR);
      const [breach] = ofType(fakes.events, 'sla_breached');
      expect(Date.parse(breach.data.deadline as string)).toBe(createdAt + HOUR);
      await recordHistory(handle, 'type-changed');
    });
  });

  it('runs each escalation step, repeating a notification until someone acknowledges it', async () => {
    const steps: EscalationStep[] = [
      { trigger: { on: 'warning', thresholdPercent: 75 }, action: { type: 'notify', recipients: 'supervisors' }, repeatEveryMinutes: null },
      { trigger: { on: 'breach' }, action: { type: 'reassign', groupId: 'tier-2' }, repeatEveryMinutes: null },
      { trigger: { on: 'breach', metric: 'resolution' }, action: { type: 'raise_priority' }, repeatEveryMinutes: null },
      { trigger: { on: 'breach' }, action: { type: 'notify', recipients: 'group' }, repeatEveryMinutes: 30 },
    ];
    const { fakes, activities } = fakeActivities({ normal: { resolution: businessHours(1) }, high: { resolution: businessHours(1) } }, steps);
    const createdAt = nextFridayAt16(await env.currentTimeMs()) - 6 * HOUR; // Friday 10:00
    await advanceTo(createdAt);
    await run(activities, async (start) => {
      const handle = await start(newTicket('normal', createdAt));
      await advanceTo(createdAt + HOUR + 65 * MINUTE); // breach at 11:00, repeats at 11:30 and 12:00

      expect(ofType(fakes.events, 'escalation_notified').map((e) => [e.data.step, e.data.recipients, e.data.groupId, e.data.repeat])).toEqual([
        [1, 'supervisors', null, false],
        [4, 'group', 'tier-2', false],
        [4, 'group', 'tier-2', true],
        [4, 'group', 'tier-2', true],
      ]);
      expect(ofType(fakes.events, 'escalation_reassigned')[0].data).toMatchObject({ from: 'tier-1', to: 'tier-2' });
      expect(ofType(fakes.events, 'escalation_priority_raised')[0].data).toMatchObject({ from: 'normal', to: 'high' });
      const state = await handle.query(ticketStateQuery);
      expect(state).toMatchObject({ groupId: 'tier-2', priority: 'high', escalationLevel: 4 });

      await handle.executeUpdate(acknowledgeEscalationUpdate, { args: [{ actorUserId: AGENT, note: 'On it' }] });
      await advanceTo(createdAt + 5 * HOUR);
      expect(ofType(fakes.events, 'escalation_notified')).toHaveLength(4);
      expect(ofType(fakes.events, 'escalation_acknowledged')[0].data).toEqual({ note: 'On it', stoppedRepeatsOfSteps: [4] });
      await recordHistory(handle, 'escalation-acknowledged');
    });
  });

  it('closes a solved ticket after 4 days without a customer reply', async () => {
    const { fakes, activities } = fakeActivities({});
    const createdAt = await env.currentTimeMs();
    await run(activities, async (start) => {
      const handle = await start(newTicket('normal', createdAt));
      const { solvedAt } = await handle.executeUpdate(changeStatusUpdate, { args: [{ status: 'solved', actorUserId: AGENT }] });
      if (solvedAt === null) throw new Error('a solved ticket records when it was solved');
      await advanceTo(solvedAt + 4 * DAY - MINUTE);
      expect((await handle.query(ticketStateQuery)).status).toBe('solved');
      await handle.result(); // time skips to the auto-close, which ends the workflow

      const [closed] = ofType(fakes.events, 'auto_closed');
      expect(Date.parse(closed.occurredAt) - solvedAt).toBeGreaterThanOrEqual(4 * DAY);
      expect(Date.parse(closed.occurredAt) - solvedAt).toBeLessThan(4 * DAY + 1000);
      expect(fakes.snapshots.at(-1)?.status).toBe('closed');
    });
  });

  it('starts the survey (survey:<ticket id>) when solved; it outlives the closed ticket and mails an hour after the close', async () => {
    const { fakes, activities } = fakeActivities({});
    fakes.surveySettings.enabled = true;
    const surveyMails = () => fakes.mails.filter((mail) => mail.template === 'survey');
    const createdAt = await env.currentTimeMs();
    await run(activities, async (start) => {
      const ticket = newTicket('normal', createdAt);
      const handle = await start(ticket);
      await handle.executeUpdate(changeStatusUpdate, { args: [{ status: 'solved', actorUserId: AGENT }] });
      const survey = env.client.workflow.getHandle(surveyWorkflowId(ticket.id));
      expect((await survey.describe()).status.name).toBe('RUNNING');
      await handle.executeUpdate(changeStatusUpdate, { args: [{ status: 'closed', actorUserId: AGENT }] });
      await handle.result();
      const closedAt = Date.parse(ofType(fakes.events, 'status_changed').at(-1)!.occurredAt);
      expect((await survey.describe()).status.name).toBe('RUNNING');
      expect(surveyMails()).toEqual([]);

      await advanceTo(closedAt + 2 * HOUR);
      expect(surveyMails()).toHaveLength(1);
      const { sentAt } = await survey.query(surveyStateQuery);
      expect(sentAt! - closedAt).toBeGreaterThanOrEqual(HOUR);
      expect(sentAt! - closedAt).toBeLessThan(HOUR + MINUTE);
      await recordHistory(handle, 'satisfaction-survey');
    });
  });

  it('starts no survey for a ticket a migration imported', async () => {
    const { fakes, activities } = fakeActivities({});
    fakes.surveySettings.enabled = true;
    const ticket = { ...newTicket('normal', await env.currentTimeMs()), imported: { runId: 'run-1', sourceSystem: 'zendesk', sourceId: '42' } };
    await run(activities, async (start) => {
      const handle = await start(ticket);
      await handle.executeUpdate(changeStatusUpdate, { args: [{ status: 'solved', actorUserId: AGENT }] });
      await handle.executeUpdate(changeStatusUpdate, { args: [{ status: 'closed', actorUserId: AGENT }] });
      await handle.result();
    });
    await expect(env.client.workflow.getHandle(surveyWorkflowId(ticket.id)).describe()).rejects.toThrow(WorkflowNotFoundError);
  });

  it('reopens a solved ticket on a customer reply inside the window, resuming the resolution clock', async () => {
    const { fakes, activities } = fakeActivities({ normal: { resolution: { minutes: 600, businessHours: false } } });
    const createdAt = await env.currentTimeMs();
    await run(activities, async (start) => {
      const handle = await start(newTicket('normal', createdAt));
      await advanceTo(createdAt + HOUR);
      const { solvedAt } = await handle.executeUpdate(changeStatusUpdate, { args: [{ status: 'solved', actorUserId: AGENT }] });
      await advanceTo(createdAt + 2 * DAY);
      const state = await handle.executeUpdate(customerReplyUpdate, {
        args: [{ messageId: randomUUID(), actorUserId: null, at: new Date(await env.currentTimeMs()).toISOString() }],
      });

      expect(state.status).toBe('open');
      expect(ofType(fakes.events, 'reopened')).toHaveLength(1);
      const accrued = solvedAt! - createdAt; // an hour, plus the moments the update took to arrive
      expect(state.sla.clocks.resolution).toMatchObject({ state: 'running', elapsedBeforeMs: accrued });
      await advanceTo(createdAt + 2 * DAY + 10 * HOUR);
      const [breach] = ofType(fakes.events, 'sla_breached');
      const reopenedAt = Date.parse(ofType(fakes.events, 'reopened')[0].occurredAt);
      expect(Date.parse(breach.data.deadline as string)).toBe(reopenedAt + 10 * HOUR - accrued);
    });
  });

  it('starts the next-reply clock only on a customer reply after an agent replied publicly', async () => {
    const { fakes, activities } = fakeActivities({ normal: { first_reply: { minutes: 60, businessHours: false }, next_reply: { minutes: 30, businessHours: false } } });
    const createdAt = await env.currentTimeMs();
    await run(activities, async (start) => {
      const handle = await start(newTicket('normal', createdAt));
      const at = async () => new Date(await env.currentTimeMs()).toISOString();
      await handle.executeUpdate(agentReplyUpdate, { args: [{ messageId: randomUUID(), actorUserId: AGENT, isPublic: false, at: await at() }] });
      expect((await handle.query(ticketStateQuery)).sla.clocks.first_reply?.state).toBe('running');
      await handle.executeUpdate(agentReplyUpdate, { args: [{ messageId: randomUUID(), actorUserId: AGENT, isPublic: true, at: await at() }] });
      await advanceTo(createdAt + 10 * MINUTE);
      const state = await handle.executeUpdate(customerReplyUpdate, { args: [{ messageId: randomUUID(), actorUserId: null, at: await at() }] });

      expect(state.sla.clocks.first_reply?.state).toBe('stopped');
      expect(state.sla.clocks.next_reply?.state).toBe('running');
      await advanceTo(createdAt + 2 * HOUR);
      expect(ofType(fakes.events, 'sla_breached').map((e) => e.data.metric)).toEqual(['next_reply']);
    });
  });

  it('continues as new before the history grows large, keeping the clocks exact', async () => {
    const { fakes, activities } = fakeActivities({ normal: { resolution: { minutes: 300, businessHours: false } } });
    const createdAt = await env.currentTimeMs();
    await run(activities, async (start) => {
      const handle = await start(newTicket('normal', createdAt), { historyEventLimit: 40 });
      const firstRunId = (await handle.describe()).runId;
      for (let note = 0; note < 8; note++) {
        await advanceTo(createdAt + (note + 1) * 10 * MINUTE);
        await handle.executeUpdate(agentReplyUpdate, { args: [{ messageId: randomUUID(), actorUserId: AGENT, isPublic: false, at: new Date(await env.currentTimeMs()).toISOString() }] });
      }
      await advanceTo(createdAt + 6 * HOUR);

      expect((await handle.describe()).runId).not.toBe(firstRunId);
      const [breach] = ofType(fakes.events, 'sla_breached');
      expect(Date.parse(breach.data.deadline as string)).toBe(createdAt + 5 * HOUR);
      const sequences = fakes.events.map((event) => event.sequence);
      expect(new Set(sequences).size).toBe(sequences.length); // numbering carried over, no event written twice
    });
  });

  describe('routing and assignment', () => {
    it('routes a new ticket without a group by the rules and assigns an available agent of that group', async () => {
      const { fakes, activities } = fakeActivities({});
      fakes.freeAgent.billing = 'ana';
      await run(activities, async (start) => {
        const handle = await start(newTicket('normal', await env.currentTimeMs(), null));
        const state = await handle.query(ticketStateQuery);

        expect(state).toMatchObject({ groupId: 'billing', assigneeId: 'ana', awaitingAgent: false, tags: ['billing'] });
        expect(ofType(fakes.events, 'routed')[0].data).toMatchObject({ ruleId: 'rule-1', groupId: 'billing', fallback: false });
        expect(ofType(fakes.events, 'assigned')[0].data).toMatchObject({ agentId: 'ana', groupId: 'billing' });
        expect(fakes.snapshots.at(-1)).toMatchObject({ assigneeId: 'ana', routingRuleId: 'rule-1', routedGroupId: 'billing' });
        // Created with local activities: a change to the creation's steps must still replay this.
        await recordHistory(handle, 'routed-and-assigned-locally');
      });
    });

    it('waits in the queue until an agent frees capacity: solving one ticket wakes the next, without polling', async () => {
      const { fakes, activities } = fakeActivities({});
      fakes.freeAgent.billing = 'ana';
      await run(activities, async (start) => {
        const first = await start(newTicket('normal', await env.currentTimeMs(), null));
        fakes.freeAgent.billing = null; // ana is now at capacity
        const second = await start(newTicket('normal', await env.currentTimeMs(), null));
        expect(await second.query(ticketStateQuery)).toMatchObject({ assigneeId: null, awaitingAgent: true });
        const callsBefore = fakes.assignCalls.length;

        fakes.freeAgent.billing = 'ana';
        await first.executeUpdate(changeStatusUpdate, { args: [{ status: 'solved', actorUserId: AGENT }] });
        await waitUntil(async () => (await second.query(ticketStateQuery)).assigneeId === 'ana');
        expect(fakes.assignCalls.length).toBe(callsBefore + 1); // one retry, on the signal
        expect(ofType(fakes.events, 'queued')).toHaveLength(1);
        await recordHistory(second, 'queued-then-assigned');
      });
    });

    it('routes again when a solved ticket is reopened', async () => {
      const { fakes, activities } = fakeActivities({});
      fakes.freeAgent = { billing: 'ana', accounts: 'ben' };
      await run(activities, async (start) => {
        const handle = await start(newTicket('normal', await env.currentTimeMs(), null));
        await handle.executeUpdate(changeStatusUpdate, { args: [{ status: 'solved', actorUserId: AGENT }] });
        fakes.routeTo = 'accounts'; // the rules changed meanwhile
        const state = await handle.executeUpdate(customerReplyUpdate, {
          args: [{ messageId: randomUUID(), actorUserId: null, at: new Date(await env.currentTimeMs()).toISOString() }],
        });

        expect(state).toMatchObject({ status: 'open', groupId: 'accounts', assigneeId: 'ben' });
        expect(ofType(fakes.events, 'routed').map((e) => e.data.groupId)).toEqual(['billing', 'accounts']);
      });
    });

    it('assigns within the new group when an escalation step reassigns the ticket', async () => {
      const steps: EscalationStep[] = [{ trigger: { on: 'breach' }, action: { type: 'reassign', groupId: 'tier-2' }, repeatEveryMinutes: null }];
      const { fakes, activities } = fakeActivities({ normal: { resolution: { minutes: 60, businessHours: false } } }, steps);
      fakes.freeAgent = { 'tier-1': 'ana', 'tier-2': 'carl' };
      const createdAt = await env.currentTimeMs();
      await run(activities, async (start) => {
        const handle = await start(newTicket('normal', createdAt));
        await advanceTo(createdAt + 2 * HOUR);

        expect(await handle.query(ticketStateQuery)).toMatchObject({ groupId: 'tier-2', assigneeId: 'carl' });
        expect(fakes.assignCalls.map((call) => call.groupId)).toEqual(['tier-1', 'tier-2']);
      });
    });

    it('counts a routed ticket moved to another group by a person as misrouted, once', async () => {
      const { fakes, activities } = fakeActivities({});
      fakes.freeAgent = { billing: 'ana', accounts: 'ben', other: 'dora' };
      await run(activities, async (start) => {
        const handle = await start(newTicket('normal', await env.currentTimeMs(), null));
        await handle.executeUpdate(reclassifyUpdate, { args: [{ groupId: 'accounts', actorUserId: AGENT }] });
        const state = await handle.executeUpdate(reclassifyUpdate, { args: [{ groupId: 'other', actorUserId: AGENT }] });

        expect(state).toMatchObject({ misrouted: true, groupId: 'other', assigneeId: 'dora' });
        expect(ofType(fakes.events, 'misrouted')).toEqual([expect.objectContaining({ data: { ruleId: 'rule-1', routedTo: 'billing', movedTo: 'accounts' } })]);
      });
    });
  });

  describe('customer notifications', () => {
    const reply = (messageId: string, isPublic: boolean, at: number) => ({
      args: [{ messageId, actorUserId: AGENT, isPublic, at: new Date(at).toISOString() }] satisfies [AgentReplyEvent],
    });

    it('mails the customer on creation, on each public reply (not on notes) and when solved, each mail once', async () => {
      const { fakes, activities } = fakeActivities({});
      await run(activities, async (start) => {
        const ticket = newTicket('normal', await env.currentTimeMs());
        const handle = await start(ticket);
        await handle.executeUpdate(agentReplyUpdate, reply('note-1', false, await env.currentTimeMs()));
        await handle.executeUpdate(agentReplyUpdate, reply('reply-1', true, await env.currentTimeMs()));
        await handle.executeUpdate(changeStatusUpdate, { args: [{ status: 'solved', actorUserId: AGENT }] });
        await waitUntil(async () => fakes.mails.length >= 3);

        const solvedSequence = ofType(fakes.events, 'status_changed').find((event) => event.data.to === 'solved')!.sequence;
        expect(fakes.mails).toEqual([
          { idempotencyKey: `${ticket.id}:acknowledgment`, template: 'acknowledgment', ticketId: ticket.id },
          { idempotencyKey: `${ticket.id}:agent_reply:reply-1`, template: 'agent_reply', ticketId: ticket.id, messageId: 'reply-1' },
          { idempotencyKey: `${ticket.id}:solved:${solvedSequence}`, template: 'solved', ticketId: ticket.id },
        ]);
        await recordHistory(handle, 'customer-notifications');
      });
    });

    it('sends nothing for a ticket a migration imported', async () => {
      const { fakes, activities } = fakeActivities({});
      await run(activities, async (start) => {
        const ticket = { ...newTicket('normal', await env.currentTimeMs()), imported: { runId: 'run-1', sourceSystem: 'zendesk', sourceId: '42' } };
        const handle = await start(ticket);
        await handle.executeUpdate(agentReplyUpdate, reply('reply-1', true, await env.currentTimeMs()));
        await handle.executeUpdate(changeStatusUpdate, { args: [{ status: 'solved', actorUserId: AGENT }] });
      });
      // run() returned once the workflow had no activity pending: a mail would have been sent by now.
      expect(ofType(fakes.events, 'status_changed').map((event) => event.data.to)).toEqual(['open', 'solved']);
      expect(fakes.mails).toEqual([]);
    });
  });
});
