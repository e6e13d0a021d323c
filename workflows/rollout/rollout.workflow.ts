import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  setHandler,
  sleep,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import type { EmailActivities, SendRolloutNotificationEmailInput } from '../../activities/email/email.activities.js';
import type { RolloutMeasurementActivities } from '../../activities/rollout/rollout-measurements.activities.js';
import type { RolloutTimelineActivities } from '../../activities/rollout/rollout-timeline.activities.js';
import {
  computeSchedule,
  dateOf,
  endOfDay,
  evaluateGate,
  isCalendarDate,
  judgeReview,
  scheduleChange,
  templateTasks,
  type TemplatePhase,
} from '../../libs/domain/rollout/index.js';
import { pilotWorkflow } from './pilot.workflow.js';
import {
  approveGateUpdate,
  checklistItemUpdate,
  completeTaskUpdate,
  overrideGateUpdate,
  pilotWorkflowId,
  reassignTaskUpdate,
  redateTaskUpdate,
  rolloutStateQuery,
  startPilotUpdate,
  type GateRecord,
  type PilotOutcome,
  type ReviewReport,
  type RolloutProgress,
  type RolloutState,
  type RolloutWorkflowInput,
  type TimelineEntry,
} from './rollout.contract.js';

const retry = { initialInterval: '1 second', maximumInterval: '1 minute' } as const;
const timeline = proxyActivities<RolloutTimelineActivities>({ startToCloseTimeout: '30 seconds', retry });
const measure = proxyActivities<RolloutMeasurementActivities>({ startToCloseTimeout: '2 minutes', retry });
const email = proxyActivities<EmailActivities>({ startToCloseTimeout: '1 minute', retry });

/** Notifications that have a template are also mailed to their recipient (they were timeline entries only before). */
const NOTIFICATION_MAIL_PATCH = 'rollout-notification-mail';
/** The lead hears when the current phase's last task is done and its gate waits for a decision. */
const GATE_WAITING_PATCH = 'rollout-gate-waiting';

const DAY_MS = 86_400_000;
const PILOT_DAYS = { min: 7, max: 28 };

/** The mail a notification is also sent as: its template and the variables beyond the rollout's and the recipient's. */
interface NotificationMail {
  template: SendRolloutNotificationEmailInput['template'];
  variables: Record<string, string>;
}

type NewEntry = Omit<TimelineEntry, 'sequence' | 'occurredAt'> & { mail?: NotificationMail };

/**
 * A rollout (`rollout:<id>`): phases in plan order, each ending at its gate (the lead's approval plus the criteria
 * measured from data, or an override with a reason); due-date timers that report overdue tasks and move the projected
 * go-live; the pilot as a child workflow; then reviews of the KPIs against the baseline at the template's days after
 * launch. Tasks, gates and the pilot are this workflow's state; the timeline goes to PostgreSQL.
 */
export async function rolloutWorkflow(input: RolloutWorkflowInput): Promise<void> {
  const { rolloutId, template, startDate, people } = input;
  const lead = people.lead;
  const tasks = templateTasks(template);
  const taskById = new Map(tasks.map((task) => [task.id, task]));
  const planned = computeSchedule(template, startDate);
  const progress: RolloutProgress = input.carried ?? {
    status: 'active',
    phaseIndex: 0,
    adjustments: {},
    owners: Object.fromEntries(tasks.map((task) => [task.id, people[task.ownerRole]])),
    overdue: [],
    checklist: Object.fromEntries(template.phases.map((phase) => [phase.id, Object.fromEntries(phase.checklist.map((item) => [item, false]))])),
    gates: [],
    pilot: { state: 'not_started', outcome: null },
    launchedAt: null,
    reviews: [],
    projected: planned,
    sequence: 0,
  };
  /** Bumped on every change the main loop may need to react to. */
  let changes = 0;
  let arrivedPilotOutcome: PilotOutcome | null = null;

  const now = () => new Date(Date.now()).toISOString();
  const currentPhase = (): TemplatePhase | null => template.phases[progress.phaseIndex] ?? null;
  const isDone = (taskId: string) => progress.adjustments[taskId]?.completedOn !== undefined;
  const state = (): RolloutState => ({ ...progress, planned, currentPhaseId: currentPhase()?.id ?? null });
  const notification = (to: string, message: string, data: Record<string, unknown> = {}, mail?: NotificationMail): NewEntry => ({
    type: 'notification',
    actor: 'system',
    data: { to, message, ...data },
    ...(mail ? { mail } : {}),
  });

  /** Mails waiting to be sent by `deliverMails`, in order: an SMTP outage delays them, never the rollout. */
  const mails: SendRolloutNotificationEmailInput[] = [];
  const deliverMails = async (): Promise<void> => {
    for (;;) {
      await condition(() => mails.length > 0);
      // Only a mail that can never be sent (its recipient is gone) fails after the retries; the timeline still has it.
      await email.sendRolloutNotificationEmail(mails[0]).catch(() => undefined);
      mails.shift();
    }
  };
  void deliverMails();

  async function record(entries: NewEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const occurredAt = now();
    const numbered = entries.map(({ mail, ...entry }) => ({ entry: { ...entry, sequence: ++progress.sequence, occurredAt }, mail }));
    await timeline.recordRolloutEvents(rolloutId, numbered.map(({ entry }) => entry));
    for (const { entry, mail } of numbered) {
      if (!mail || !patched(NOTIFICATION_MAIL_PATCH)) continue;
      // Keyed by the entry's sequence number, which a replay or a retry repeats: each notification is mailed once.
      mails.push({
        idempotencyKey: `rollout:${rolloutId}:notification:${entry.sequence}`,
        template: mail.template,
        rolloutId,
        recipientUserId: String(entry.data.to),
        variables: mail.variables,
      });
    }
  }

  /** Projects the schedule again; when tasks move the timeline says which, and the lead hears when go-live moves. */
  function reproject(): NewEntry[] {
    const next = computeSchedule(template, startDate, progress.adjustments, dateOf(Date.now()));
    const change = scheduleChange(progress.projected, next);
    progress.projected = next;
    changes++;
    if (change.moved.length === 0) return [];
    const entries: NewEntry[] = [{ type: 'schedule_moved', actor: 'system', data: { ...change } }];
    if (change.goLiveShiftDays !== 0) {
      const moved = change.moved.map((entry) => entry.taskId).join(', ');
      entries.push(
        notification(lead, `Projected go-live moved from ${change.goLiveFrom} to ${change.goLiveTo} (${change.goLiveShiftDays > 0 ? '+' : ''}${change.goLiveShiftDays} days); tasks moved: ${moved}.`, {
          goLiveFrom: change.goLiveFrom,
          goLiveTo: change.goLiveTo,
        }),
      );
    }
    return entries;
  }

  /** When completing `taskId` finished the current phase's tasks, the lead hears that its gate waits for a decision. */
  function gateWaiting(taskId: string): NewEntry[] {
    const phase = currentPhase();
    if (progress.status !== 'active' || !phase || !phase.tasks.some((task) => task.id === taskId)) return [];
    if (!phase.tasks.every((task) => isDone(task.id)) || !patched(GATE_WAITING_PATCH)) return [];
    return [
      notification(lead, `Every task of "${phase.name}" is done: its gate waits for your decision.`, { phaseId: phase.id }, {
        template: 'rollout_gate_waiting',
        variables: { 'phase.name': phase.name },
      }),
    ];
  }

  function openTask(taskId: string): void {
    if (!taskById.has(taskId)) throw new Error(`The plan has no task "${taskId}".`);
    if (isDone(taskId)) throw new Error(`The task "${taskId}" is already completed.`);
  }

  function requireActivePhase(): TemplatePhase {
    const phase = currentPhase();
    if (progress.status !== 'active' || !phase || phase.kind === 'reviews') throw new Error('The rollout has no gate left to pass.');
    return phase;
  }

  /** The current gate, when it is the one the caller names (if any). */
  function requireGate(phaseId: string | undefined): TemplatePhase {
    const phase = requireActivePhase();
    if (phaseId !== undefined && phase.id !== phaseId) {
      throw ApplicationFailure.nonRetryable(`The current gate is the one of "${phase.id}", not of "${phaseId}".`, 'CONFLICT');
    }
    return phase;
  }

  /** The decision that passed the named phase's gate, if one did: what a retried approval or override gets back. */
  function passedGate(phaseId: string | undefined): GateRecord | undefined {
    return phaseId === undefined ? undefined : progress.gates.filter((gate) => gate.phaseId === phaseId && gate.passed).at(-1);
  }

  /** Measures the current phase's exit criteria; refuses when another approval passed the gate meanwhile. */
  async function judgeGate(phase: TemplatePhase) {
    const facts = await measure.gateFacts(rolloutId);
    if (currentPhase() !== phase) throw ApplicationFailure.nonRetryable(`The gate of "${phase.name}" was passed meanwhile.`, 'CONFLICT');
    return evaluateGate(phase.exitCriteria, {
      ...facts,
      openTasks: phase.tasks.filter((task) => !isDone(task.id)).map((task) => task.id),
      checklist: Object.entries(progress.checklist[phase.id] ?? {}).map(([item, passed]) => ({ item, passed })),
      pilot: progress.pilot.outcome,
    });
  }

  /** The gate is passed: the next phase starts; passing the launch gate is going live. */
  function advance(phase: TemplatePhase): NewEntry[] {
    progress.phaseIndex++;
    changes++;
    const entries: NewEntry[] = [{ type: 'phase_completed', actor: 'system', data: { phaseId: phase.id } }];
    if (phase.kind === 'launch') {
      progress.launchedAt = now();
      entries.push({ type: 'launched', actor: 'system', data: { launchedAt: progress.launchedAt, plannedGoLive: planned.goLive } });
    }
    const next = currentPhase();
    if (next) entries.push({ type: 'phase_started', actor: 'system', data: { phaseId: next.id } });
    return entries;
  }

  setHandler(rolloutStateQuery, state);

  setHandler(
    completeTaskUpdate,
    async ({ taskId, by, completedOn }) => {
      const on = completedOn ?? dateOf(Date.now());
      progress.adjustments[taskId] = { ...progress.adjustments[taskId], completedOn: on };
      progress.overdue = progress.overdue.filter((id) => id !== taskId);
      await record([{ type: 'task_completed', actor: by, data: { taskId, completedOn: on } }, ...reproject(), ...gateWaiting(taskId)]);
      return state();
    },
    {
      validator: ({ taskId, completedOn }) => {
        openTask(taskId);
        if (completedOn !== undefined && (!isCalendarDate(completedOn) || completedOn > dateOf(Date.now()))) {
          throw new Error(`completedOn must be a date (YYYY-MM-DD) no later than today, not "${completedOn}".`);
        }
      },
    },
  );

  setHandler(
    reassignTaskUpdate,
    async ({ taskId, by, ownerId }) => {
      const from = progress.owners[taskId];
      progress.owners[taskId] = ownerId;
      changes++;
      await record([
        { type: 'task_reassigned', actor: by, data: { taskId, from, to: ownerId } },
        notification(ownerId, `You now own the task "${taskById.get(taskId)?.title}" (due ${progress.projected.tasks.find((task) => task.id === taskId)?.end}).`, { taskId }),
      ]);
      return state();
    },
    { validator: ({ taskId }) => openTask(taskId) },
  );

  setHandler(
    redateTaskUpdate,
    async ({ taskId, by, dueDate }) => {
      progress.adjustments[taskId] = { ...progress.adjustments[taskId], dueDate };
      progress.overdue = progress.overdue.filter((id) => id !== taskId);
      await record([{ type: 'task_redated', actor: by, data: { taskId, dueDate } }, ...reproject()]);
      return state();
    },
    {
      validator: ({ taskId, dueDate }) => {
        openTask(taskId);
        if (!isCalendarDate(dueDate)) throw new Error(`dueDate must be a date (YYYY-MM-DD), not "${dueDate}".`);
        const start = progress.projected.tasks.find((task) => task.id === taskId)?.start ?? startDate;
        if (dueDate < start) throw new Error(`The task "${taskId}" starts on ${start}; it cannot end before it starts (${dueDate}).`);
      },
    },
  );

  setHandler(
    checklistItemUpdate,
    async ({ phaseId, item, passed, by }) => {
      progress.checklist[phaseId][item] = passed;
      changes++;
      await record([{ type: 'checklist_item_checked', actor: by, data: { phaseId, item, passed } }]);
      return state();
    },
    {
      validator: ({ phaseId, item }) => {
        const checklist = progress.checklist[phaseId];
        if (!checklist) throw new Error(`The plan has no phase "${phaseId}".`);
        if (!(item in checklist)) throw new Error(`The checklist of "${phaseId}" has no item "${item}".`);
      },
    },
  );

  setHandler(
    approveGateUpdate,
    async ({ by, phaseId }) => {
      const passed = passedGate(phaseId);
      if (passed) return passed;
      const phase = requireGate(phaseId);
      const result = await judgeGate(phase);
      const gate: GateRecord = { phaseId: phase.id, at: now(), by, passed: result.passed, criteria: result.criteria, override: null };
      progress.gates.push(gate);
      changes++;
      const failed = result.criteria.filter((criterion) => criterion.status === 'failed').map((criterion) => criterion.detail);
      await record(
        result.passed
          ? [{ type: 'gate_passed', actor: by, data: { ...gate } }, ...advance(phase)]
          : [{ type: 'gate_failed', actor: by, data: { ...gate } }, notification(lead, `The gate of "${phase.name}" failed: ${failed.join(' ')}`, { phaseId: phase.id })],
      );
      return gate;
    },
    { validator: ({ phaseId }) => void (passedGate(phaseId) ?? requireGate(phaseId)) },
  );

  setHandler(
    overrideGateUpdate,
    async ({ by, reason, phaseId }) => {
      const passed = passedGate(phaseId);
      if (passed) return passed;
      const phase = requireGate(phaseId);
      const result = await judgeGate(phase);
      const gate: GateRecord = { phaseId: phase.id, at: now(), by, passed: true, criteria: result.criteria, override: { reason } };
      progress.gates.push(gate);
      await record([{ type: 'gate_overridden', actor: by, data: { ...gate, measuredPassed: result.passed } }, ...advance(phase)]);
      return gate;
    },
    {
      validator: ({ reason, phaseId }) => {
        if (passedGate(phaseId)) return;
        requireGate(phaseId);
        if (!reason.trim()) throw new Error('An override needs a reason.');
      },
    },
  );

  setHandler(
    startPilotUpdate,
    async ({ by, scope, durationDays, targets }) => {
      progress.pilot = { state: 'running', outcome: null };
      const child = await startChild(pilotWorkflow, {
        workflowId: pilotWorkflowId(rolloutId),
        args: [{ rolloutId, scope, durationDays, targets }],
      });
      void child.result().then((outcome) => {
        arrivedPilotOutcome = outcome;
        changes++;
      });
      await record([{ type: 'pilot_started', actor: by, data: { scope, durationDays, targets } }]);
      return state();
    },
    {
      validator: ({ durationDays }) => {
        if (requireActivePhase().kind !== 'pilot') throw new Error('A pilot starts in the pilot phase.');
        if (progress.pilot.state !== 'not_started') throw new Error('The pilot has already been started.');
        if (!Number.isInteger(durationDays) || durationDays < PILOT_DAYS.min || durationDays > PILOT_DAYS.max) {
          throw new Error(`A pilot runs ${PILOT_DAYS.min} to ${PILOT_DAYS.max} days (1 to 4 weeks), not ${durationDays}.`);
        }
      },
    },
  );

  /** Due dates without today's projection: when an open task's due date passes, it is overdue. */
  const dueTasks = () => computeSchedule(template, startDate, progress.adjustments).tasks.filter((task) => !task.done && !progress.overdue.includes(task.id));

  async function reportOverdue(): Promise<void> {
    const overdue = dueTasks().filter((task) => endOfDay(task.end) <= Date.now());
    if (overdue.length === 0) return;
    const entries: NewEntry[] = [];
    for (const task of overdue) {
      progress.overdue.push(task.id);
      const owner = progress.owners[task.id];
      const message = `The task "${taskById.get(task.id)?.title}" was due ${task.end} and is overdue.`;
      entries.push({ type: 'task_overdue', actor: 'system', data: { taskId: task.id, dueDate: task.end, owner } });
      const title = taskById.get(task.id)?.title ?? task.id;
      const mail: NotificationMail = { template: 'rollout_task_overdue', variables: { 'task.title': title, 'task.dueDate': task.end } };
      for (const to of new Set([owner, lead])) entries.push(notification(to, message, { taskId: task.id }, mail));
    }
    await record([...entries, ...reproject()]);
  }

  async function takePilotOutcome(outcome: PilotOutcome): Promise<void> {
    progress.pilot = { state: 'ended', outcome };
    await record([
      { type: 'pilot_evaluated', actor: 'system', data: { ...outcome } },
      notification(lead, `The pilot ended: ${outcome.go ? 'go' : 'no-go'}.`, { go: outcome.go }),
    ]);
  }

  /** Waits for the current phase's gate, reporting tasks as they fall overdue and the pilot's outcome when it arrives. */
  async function runPhase(): Promise<void> {
    const phaseIndex = progress.phaseIndex;
    while (progress.phaseIndex === phaseIndex) {
      const seen = changes;
      const nextDue = Math.min(...dueTasks().map((task) => endOfDay(task.end)));
      if (Number.isFinite(nextDue)) {
        if (nextDue > Date.now()) await condition(() => changes !== seen, nextDue - Date.now());
      } else {
        await condition(() => changes !== seen);
      }
      if (arrivedPilotOutcome) {
        const outcome = arrivedPilotOutcome;
        arrivedPilotOutcome = null;
        await takePilotOutcome(outcome);
      }
      await reportOverdue();
      await continueAsNewWhenLong();
    }
  }

  async function runReviews(): Promise<void> {
    const launchedAt = progress.launchedAt ?? now();
    for (const day of [...template.reviewDays].sort((a, b) => a - b)) {
      if (progress.reviews.some((review) => review.day === day)) continue;
      const dueAt = Date.parse(launchedAt) + day * DAY_MS;
      if (dueAt > Date.now()) await sleep(dueAt - Date.now());
      const to = now();
      const figures = await measure.reviewFigures({ rolloutId, from: launchedAt, to });
      const review: ReviewReport = {
        day,
        at: to,
        from: launchedAt,
        to,
        kpis: figures.kpis,
        ...judgeReview(figures),
      };
      progress.reviews.push(review);
      await record([{ type: 'review_report', actor: 'system', data: { ...review } }, notification(lead, `The +${day}-day review is ready.`, { day })]);
      await continueAsNewWhenLong();
    }
  }

  /** A long rollout (months of timers and updates) starts afresh with its progress once the server suggests it. */
  async function continueAsNewWhenLong(): Promise<void> {
    if (!workflowInfo().continueAsNewSuggested || progress.pilot.state === 'running') return;
    await condition(() => allHandlersFinished() && mails.length === 0);
    await continueAsNew<typeof rolloutWorkflow>({ ...input, carried: progress });
  }

  if (!input.carried) {
    await record([
      { type: 'rollout_started', actor: 'system', data: { templateId: template.id, startDate, plannedGoLive: planned.goLive } },
      { type: 'phase_started', actor: 'system', data: { phaseId: template.phases[0].id } },
    ]);
  }
  while (progress.phaseIndex < template.phases.length) {
    if (currentPhase()?.kind === 'reviews') {
      await runReviews();
      progress.phaseIndex++;
    } else {
      await runPhase();
    }
  }
  progress.status = 'completed';
  await record([{ type: 'rollout_completed', actor: 'system', data: {} }]);
  await condition(() => allHandlersFinished() && mails.length === 0);
}
