import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const USAGE = `npm run migrate -- <command> [options]   (token: --token or HELPDESK_TOKEN; API: --api, default http://127.0.0.1:3000/graphql)
  start --source csv|zendesk|freshdesk --mapping FILE [--source-key NAME] [--batch N] [--sample N] [--max-reject-rate R]
        [--approve-phase PHASE]... FILE...        starts a run from export files and a mapping, then follows it
  follow RUN_ID       progress bars per phase until the run finishes or waits for you
  approve RUN_ID      approves the sample, a phase gate, or going on after a failed validation (then follows)
  pause | resume | cancel | rollback RUN_ID
  report RUN_ID       the final report: totals, per phase, rejects by reason, merges`;

const RUN_FIELDS = 'id status phase waitingReason report progress';
const FINISHED = ['completed', 'cancelled', 'failed', 'rolled_back'];
const BAR_WIDTH = 30;
/** Following a run outlives a busy or restarting API: it asks again after 1 s, 2 s, 4 s … up to 30 s. */
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;

interface Run {
  id: string;
  status: string;
  phase: string | null;
  waitingReason: string | null;
  report: { totals: Counts; phases?: Record<string, Counts>; rejectsByReason?: Record<string, number>; merges?: number };
  progress: {
    phases: Array<{ phase: string; expected: number; counts: Counts }>;
    ratePerSecond: number;
    etaSeconds: number | null;
    ticketWorkflowsExpected: number;
    ticketWorkflowsStarted: number;
    preflight: { issues: Finding[]; unmappedValues: Finding[] } | null;
  } | null;
}
interface Finding {
  line: number;
  message: string;
}
type Counts = Record<'read' | 'imported' | 'updated' | 'rejected' | 'skipped', number>;

/** The API's answer was errors; `codes` are their stable codes. */
class ApiError extends Error {
  constructor(
    message: string,
    readonly codes: string[],
  ) {
    super(message);
  }
}

/** Worth asking again: the API said so (SERVICE_UNAVAILABLE), or could not be reached at all. */
function isTransient(error: unknown): boolean {
  if (error instanceof ApiError) return error.codes.length > 0 && error.codes.every((code) => code === 'SERVICE_UNAVAILABLE');
  return error instanceof TypeError; // fetch's "fetch failed": connection refused or reset
}

class Api {
  constructor(
    private readonly url: string,
    private readonly token: string,
  ) {}

  async call<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> };
    if (body.errors?.length) {
      const codes = body.errors.map((error) => error.extensions?.code ?? 'ERROR');
      throw new ApiError(body.errors.map((error, index) => `${codes[index]}: ${error.message}`).join('\n'), codes);
    }
    return body.data!;
  }

  run(id: string): Promise<Run> {
    return this.call<{ migrationRun: Run }>(`query($id: ID!) { migrationRun(id: $id) { ${RUN_FIELDS} } }`, { id }).then((data) => data.migrationRun);
  }

  async steer(mutation: string, id: string): Promise<Run> {
    const data = await this.call<Record<string, Run>>(`mutation($id: ID!) { ${mutation}(id: $id) { ${RUN_FIELDS} } }`, { id });
    return data[mutation];
  }
}

/** One line per phase: a bar of records read against the preflight's count, and what became of them. */
export function progressLines(run: Run): string[] {
  const lines = [`run ${run.id}: ${run.status}${run.phase ? ` (${run.phase})` : ''}`];
  for (const phase of run.progress?.phases ?? []) {
    const share = phase.expected > 0 ? phase.counts.read / phase.expected : phase.counts.read > 0 ? 1 : 0;
    const { read, imported, updated, rejected, skipped } = phase.counts;
    lines.push(`  ${phase.phase.padEnd(16)} ${bar(share)} ${read}/${phase.expected}  +${imported} ~${updated} !${rejected} -${skipped}`);
  }
  const tickets = run.progress;
  if (tickets && tickets.ticketWorkflowsExpected > 0) {
    lines.push(`  ${'ticket workflows'.padEnd(16)} ${bar(tickets.ticketWorkflowsStarted / tickets.ticketWorkflowsExpected)} ${tickets.ticketWorkflowsStarted}/${tickets.ticketWorkflowsExpected} started`);
  }
  if (run.progress && run.progress.ratePerSecond > 0) {
    lines.push(`  ${Math.round(run.progress.ratePerSecond)} records/s${run.progress.etaSeconds !== null ? `, about ${Math.ceil(run.progress.etaSeconds)} s left` : ''}`);
  }
  if (run.waitingReason) lines.push(`  waiting: ${run.waitingReason}`);
  const preflight = run.progress?.preflight;
  if (run.status === 'needs_mapping' || run.status === 'awaiting_approval') {
    for (const finding of [...(preflight?.issues ?? []), ...(preflight?.unmappedValues ?? [])]) lines.push(`  mapping line ${finding.line}: ${finding.message}`);
  }
  return lines;
}

function bar(share: number): string {
  const filled = Math.round(Math.min(Math.max(share, 0), 1) * BAR_WIDTH);
  return `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}]`;
}

export function reportLines(run: Run): string[] {
  const { totals, phases = {}, rejectsByReason = {}, merges = 0 } = run.report;
  const row = (name: string, counts: Counts) =>
    `  ${name.padEnd(16)} read ${counts.read}  imported ${counts.imported}  updated ${counts.updated}  rejected ${counts.rejected}  skipped ${counts.skipped}`;
  return [
    `run ${run.id}: ${run.status}`,
    row('total', totals),
    ...Object.entries(phases).map(([phase, counts]) => row(phase, counts)),
    ...Object.entries(rejectsByReason).map(([reason, count]) => `  rejected ${reason}: ${count}`),
    `  customers merged by email: ${merges}`,
  ];
}

/**
 * Redraws the progress every second until the run is over or waits for the operator. An answer that is only late
 * (SERVICE_UNAVAILABLE, the API out of reach) is asked for again with growing pauses: the run goes on meanwhile.
 */
async function follow(api: Api, id: string): Promise<Run> {
  for (let drawn = 0, retryMs = FIRST_RETRY_MS; ; ) {
    let run: Run;
    try {
      run = await api.run(id);
      retryMs = FIRST_RETRY_MS;
    } catch (error) {
      if (!isTransient(error)) throw error;
      console.log(`  progress not available (${(error as Error).message}); asking again in ${retryMs / 1000} s`);
      drawn = 0; // keep the message: the next drawing goes below it
      await new Promise((done) => setTimeout(done, retryMs));
      retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
      continue;
    }
    const lines = progressLines(run);
    if (process.stdout.isTTY && drawn > 0) process.stdout.write(`\x1b[${drawn}A\x1b[0J`);
    process.stdout.write(`${lines.join('\n')}\n`);
    drawn = lines.length;
    if (FINISHED.includes(run.status)) return run;
    if (run.status === 'awaiting_approval' || run.status === 'needs_mapping') {
      console.log(run.status === 'needs_mapping' ? '  fix the mapping (reviseMigrationMapping), the run checks it again' : `  approve: npm run migrate -- approve ${id}`);
      return run;
    }
    await new Promise((done) => setTimeout(done, 1000));
  }
}

/** Runs one CLI command (exported for the end-to-end test, which drives it against the real API). */
export async function runMigrateCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      api: { type: 'string', default: 'http://127.0.0.1:3000/graphql' },
      token: { type: 'string' },
      source: { type: 'string' },
      mapping: { type: 'string' },
      'source-key': { type: 'string' },
      batch: { type: 'string' },
      sample: { type: 'string' },
      'max-reject-rate': { type: 'string' },
      'approve-phase': { type: 'string', multiple: true },
    },
  });
  const [command, ...rest] = positionals;
  const token = values.token ?? process.env.HELPDESK_TOKEN;
  if (!command || !token) throw new Error(USAGE);
  const api = new Api(values.api, token);
  const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));

  switch (command) {
    case 'start': {
      if (!values.source || !values.mapping || rest.length === 0) throw new Error(USAGE);
      const input = {
        sourceSystem: values.source,
        files: rest.map((file) => resolve(file)),
        mapping: await readFile(values.mapping, 'utf8'),
        sourceKey: values['source-key'],
        batchSize: number(values.batch),
        sampleSize: number(values.sample),
        maxRejectRate: number(values['max-reject-rate']),
        approvalPhases: values['approve-phase'],
      };
      const { startMigrationRun } = await api.call<{ startMigrationRun: Run }>(
        `mutation($input: StartMigrationRunInput!) { startMigrationRun(input: $input) { id } }`,
        { input },
      );
      await follow(api, startMigrationRun.id);
      return;
    }
    case 'follow':
      await follow(api, requireId(rest));
      return;
    case 'approve':
      await api.steer('approveMigrationRun', requireId(rest));
      await follow(api, requireId(rest));
      return;
    case 'pause':
    case 'resume':
    case 'cancel':
    case 'rollback': {
      const run = await api.steer(`${command}MigrationRun`, requireId(rest));
      console.log(`run ${run.id}: ${run.status}`);
      return;
    }
    case 'report':
      console.log(reportLines(await api.run(requireId(rest))).join('\n'));
      return;
    default:
      throw new Error(USAGE);
  }
}

function requireId(rest: string[]): string {
  if (!rest[0]) throw new Error(USAGE);
  return rest[0];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runMigrateCommand(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
