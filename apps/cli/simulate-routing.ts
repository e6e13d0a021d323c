import { readFile, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

/**
 * `npm run simulate-routing -- <scenarios.json> [--api URL] [--token T] [--out report.json] [--draft rules.json]`:
 * runs a scenario file through the API's `simulateRouting` mutation and prints a readable report (a line per
 * scenario, then the accuracy); `--out` keeps the whole report as JSON. The token comes from --token or
 * HELPDESK_TOKEN (a user with role admin, supervisor or implementation_lead).
 *
 * The file is `{ "scenarios": [...] }` or a bare list. A scenario has the fields of a ticket (subject, description,
 * requesterEmail, channel, priority, type, organizationId, customerTier, fields as { name: value } or [{ name, value }]),
 * arrivedAt (ISO 8601), an optional name, and where it should go: expectedGroup (a group's name) or expectedGroupId.
 */

export const DEFAULT_API = 'http://127.0.0.1:3000/graphql';

export interface SimulationOptions {
  api?: string;
  token?: string;
  /** Where to save the report as JSON. */
  out?: string;
  /** A JSON file of draft rules (RoutingRuleDraftInput list, or { rules: [...] }) to simulate instead of the active set. */
  draft?: string;
}

export interface ScenarioOutcome {
  index: number;
  name: string | null;
  matchedRule: { id: string; name: string } | null;
  reasons: string[];
  group: { id: string; name: string };
  priority: string;
  tags: string[];
  agent: { userId: string; displayName: string } | null;
  agentReason: string;
  expectedGroupId: string | null;
  metExpectation: boolean | null;
}

export interface SimulationRun {
  api: string;
  file: string;
  ranAt: string;
  draft: boolean;
  results: ScenarioOutcome[];
  overall: { scenarios: number; withExpectation: number; met: number; accuracy: number };
  problems: string[];
  /** The printable report. */
  text: string;
}

const SIMULATE = `mutation Simulate($scenarios: [RoutingScenarioInput!]!, $draftRules: [RoutingRuleDraftInput!]) {
  simulateRouting(scenarios: $scenarios, draftRules: $draftRules) {
    draft
    results {
      index name matchedRule { id name } reasons group { id name } priority tags
      agent { userId displayName } agentReason expectedGroupId metExpectation
    }
    overall { scenarios withExpectation met accuracy }
    problems
  }
}`;

/** Reads the scenario file, runs the simulation over HTTP, and returns (and with `out`, saves) the report. */
export async function runSimulation(file: string, options: SimulationOptions = {}): Promise<SimulationRun> {
  const api = options.api ?? DEFAULT_API;
  const token = options.token ?? process.env.HELPDESK_TOKEN;
  if (!token) throw new Error('No token: pass --token or set HELPDESK_TOKEN (admin, supervisor or implementation_lead).');
  const scenarios = toScenarioInputs(await readJson(file, 'scenarios'));
  const draftRules = options.draft ? ((await readJson(options.draft, 'rules')) as unknown[]) : null;

  const response = await fetch(api, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: SIMULATE, variables: { scenarios, draftRules } }),
  });
  const body = (await response.json().catch(() => null)) as {
    data?: { simulateRouting: Omit<SimulationRun, 'api' | 'file' | 'ranAt' | 'text'> };
    errors?: Array<{ message: string; extensions?: { code?: string; problems?: string[] } }>;
  } | null;
  if (!body) throw new Error(`${api} answered HTTP ${response.status} without a GraphQL response.`);
  if (body.errors?.length || !body.data) {
    const lines = (body.errors ?? []).flatMap((e) => e.extensions?.problems ?? [`${e.extensions?.code ?? 'ERROR'}: ${e.message}`]);
    throw new Error(`The simulation was refused:\n  ${lines.join('\n  ')}`);
  }
  const simulation = body.data.simulateRouting;
  const run: SimulationRun = { api, file, ranAt: new Date().toISOString(), ...simulation, text: '' };
  run.text = formatReport(run);
  if (options.out) {
    const { text: _text, ...saved } = run;
    await writeFile(options.out, `${JSON.stringify(saved, null, 2)}\n`);
  }
  return run;
}

/** A line per scenario (✓ met, ✗ missed, · no expectation), its reasons, then the totals. */
export function formatReport(run: Omit<SimulationRun, 'text'>): string {
  const lines = [`Routing simulation of ${run.file} (${run.draft ? 'draft rules' : 'active rules'}) against ${run.api}`, ''];
  for (const r of run.results) {
    const mark = r.metExpectation === null ? '·' : r.metExpectation ? '✓' : '✗';
    const rule = r.matchedRule ? `rule "${r.matchedRule.name}"` : 'no rule (fallback)';
    const agent = r.agent ? `agent ${r.agent.displayName}` : 'waits in queue';
    lines.push(`${mark} ${String(r.index + 1).padStart(3)}. ${r.name ?? '(unnamed)'} → ${r.group.name} by ${rule}; ${agent}`);
    if (r.metExpectation === false) lines.push(`        expected group ${r.expectedGroupId}`);
    lines.push(`        why: ${r.reasons.join('; ')}`);
    lines.push(`        agent: ${r.agentReason}`);
  }
  const o = run.overall;
  lines.push('');
  lines.push(`${o.scenarios} scenarios, ${o.withExpectation} with an expectation, ${o.met} met: accuracy ${(o.accuracy * 100).toFixed(1)} %`);
  for (const problem of run.problems) lines.push(`warning: ${problem}`);
  return lines.join('\n');
}

async function readJson(file: string, listKey: string): Promise<unknown[]> {
  const parsed = JSON.parse(await readFile(file, 'utf8')) as unknown;
  const list = Array.isArray(parsed) ? parsed : (parsed as Record<string, unknown> | null)?.[listKey];
  if (!Array.isArray(list)) throw new Error(`${file}: expected a list, or an object with a "${listKey}" list.`);
  return list;
}

/** The file's friendlier shape as GraphQL input: enum names uppercased, fields as a list, expectedGroup by name. */
export function toScenarioInputs(list: unknown[]): Record<string, unknown>[] {
  return list.map((raw, index) => {
    if (typeof raw !== 'object' || raw === null) throw new Error(`Scenario ${index + 1} is not an object.`);
    const { expectedGroup, fields, channel, priority, type, ...rest } = raw as Record<string, unknown>;
    const input: Record<string, unknown> = { ...rest };
    if (typeof channel === 'string') input.channel = channel.toUpperCase();
    if (typeof priority === 'string') input.priority = priority.toUpperCase();
    if (typeof type === 'string') input.type = type.toUpperCase();
    if (Array.isArray(fields)) input.fields = fields;
    else if (fields && typeof fields === 'object') input.fields = Object.entries(fields).map(([name, value]) => ({ name, value: String(value) }));
    if (typeof expectedGroup === 'string') input.expectedGroupName = expectedGroup;
    return input;
  });
}

function parseArgs(argv: string[]): { file: string | undefined; options: SimulationOptions } {
  const options: SimulationOptions = {};
  let file: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value.`);
      return next;
    };
    if (arg === '--api') options.api = value();
    else if (arg === '--token') options.token = value();
    else if (arg === '--out') options.out = value();
    else if (arg === '--draft') options.draft = value();
    else if (arg.startsWith('--')) throw new Error(`Unknown option ${arg}.`);
    else file = arg;
  }
  return { file, options };
}

async function main(): Promise<void> {
  const { file, options } = parseArgs(process.argv.slice(2));
  if (!file) {
    console.error('usage: simulate-routing <scenarios.json> [--api URL] [--token TOKEN] [--out report.json] [--draft rules.json]');
    process.exitCode = 2;
    return;
  }
  const run = await runSimulation(file, options);
  console.log(run.text);
  if (options.out) console.log(`\nreport saved to ${options.out}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error((error as Error).message);
    process.exitCode = 1;
  });
}
