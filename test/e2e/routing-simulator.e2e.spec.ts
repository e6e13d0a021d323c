import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSimulation, toScenarioInputs } from '../../apps/cli/simulate-routing.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { giveOpenTickets } from '../support/tickets.js';
import { dataOf, onlyError } from '../support/graphql-responses.js';

// The routing simulator over GraphQL and through the CLI's function, with the example scenario file of the repo,
// against a configured rule set, business calendar and agents.

const FALLBACK_GROUP_ID = '00000000-0000-4000-8000-000000000001';
const SCENARIO_FILE = new URL('../../examples/routing-scenarios.json', import.meta.url).pathname;

const SIMULATE = `mutation($scenarios: [RoutingScenarioInput!]!, $draftRules: [RoutingRuleDraftInput!]) {
  simulateRouting(scenarios: $scenarios, draftRules: $draftRules) {
    draft
    results { index name matchedRule { id name } reasons group { id name } priority tags requiredSkills { skill minLevel }
              agent { userId displayName } agentReason expectedGroupId metExpectation }
    overall { scenarios withExpectation met accuracy }
    problems
  }
}`;

describe('routing simulator', () => {
  let system: TestSystem;
  let admin: string;
  let lead: string;
  let agentToken: string;
  const groups: Record<string, string> = {};
  const rules: Record<string, string> = {};
  const agents: Record<string, string> = {};
  let scenarios: Record<string, unknown>[];

  const call = <T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, token = admin) =>
    system.graphql<T>(query, variables, token);

  async function addAgent(name: string, groupNames: string[], skills: Record<string, number>, state: { availability: string; open: number; capacity?: number; last?: string | null }) {
    const { userId } = await system.signIn(['agent']);
    await system.dataSource.query('UPDATE users SET display_name = $2 WHERE id = $1', [userId, name]);
    dataOf(
      await call(`mutation($input: UpsertAgentInput!) { upsertAgent(input: $input) { userId } }`, {
        input: {
          userId,
          groupIds: groupNames.map((g) => groups[g]),
          skills: Object.entries(skills).map(([skill, level]) => ({ skill, level })),
          capacity: state.capacity ?? 10,
        },
      }),
    );
    await system.dataSource.query('UPDATE agents SET availability = $2, last_assigned_at = $3 WHERE user_id = $1', [
      userId,
      state.availability,
      state.last ?? null,
    ]);
    await giveOpenTickets(system.dataSource, userId, state.open);
    agents[name] = userId;
  }

  beforeAll(async () => {
    system = await startTestSystem();
    ({ token: admin } = await system.signIn(['admin']));
    ({ token: lead } = await system.signIn(['implementation_lead']));
    ({ token: agentToken } = await system.signIn(['agent']));
    scenarios = toScenarioInputs(JSON.parse(await readFile(SCENARIO_FILE, 'utf8')).scenarios);

    for (const name of ['Billing', 'Access & authentication', 'Product X specialists', 'Tier 2', 'On-call']) {
      groups[name] = dataOf(await call('mutation($name: String!) { createGroup(input: { name: $name }) { id } }', { name })).createGroup.id;
    }
    groups['Triage (unrouted)'] = FALLBACK_GROUP_ID;
    const calendarId = dataOf(
      await call('mutation($input: BusinessCalendarInput!) { createBusinessCalendar(input: $input) { id } }', {
        input: {
          name: 'Paris office',
          timeZone: 'Europe/Paris',
          intervals: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'].map((day) => ({ day, start: '09:00', end: '18:00' })),
        },
      }),
    ).createBusinessCalendar.id;

    const ruleSet: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
      ['VIP customers', { customerTiers: ['vip'] }, { groupId: groups['Tier 2'], priorityAdjustment: 1, tags: ['vip'] }],
      ['After hours', { arrival: 'AFTER_HOURS', calendarId }, { groupId: groups['On-call'], tags: ['after-hours'] }],
      [
        'Password reset and SSO',
        { keywords: ['password', 'sso', 'single sign-on', 'log in', 'login', 'locked out', '2fa', 'two-factor'] },
        { groupId: groups['Access & authentication'], requiredSkills: [{ skill: 'identity', minLevel: 2 }] },
      ],
      ['Billing form', { fields: [{ name: 'category', values: ['billing'] }] }, { groupId: groups.Billing }],
      [
        'Billing keywords',
        { keywords: ['invoice', 'refund', 'charged', 'billing', 'payment', 'receipt', 'subscription'] },
        { groupId: groups.Billing },
      ],
      [
        'Product X bugs',
        { fields: [{ name: 'product', values: ['X'] }], pattern: '\\b(bugs?|crash(es|ed)?|errors?|exception|broken)\\b' },
        { groupId: groups['Product X specialists'], requiredSkills: [{ skill: 'product-x', minLevel: 3 }], tags: ['bug'] },
      ],
      ['Product X questions', { fields: [{ name: 'product', values: ['X'] }] }, { groupId: groups['Product X specialists'] }],
    ];
    for (const [name, criteria, result] of ruleSet) {
      const saved = dataOf(
        await call('mutation($input: RoutingRuleInput!) { createRoutingRule(input: $input) { rule { id } } }', { input: { name, criteria, result } }),
      );
      rules[name] = saved.createRoutingRule.rule.id;
    }

    // Billing: Alice is less loaded than Bob. Access: Carol and Dan equally loaded, Carol assigned more recently.
    // Product X: Erin lacks the level for bugs, Frank has it but is away. Tier 2: Gina. On-call: nobody.
    await addAgent('Alice', ['Billing'], { billing: 3 }, { availability: 'online', open: 2 });
    await addAgent('Bob', ['Billing'], { billing: 5 }, { availability: 'online', open: 5 });
    await addAgent('Carol', ['Access & authentication'], { identity: 3 }, { availability: 'online', open: 1, last: '2026-03-10T09:00:00Z' });
    await addAgent('Dan', ['Access & authentication'], { identity: 2 }, { availability: 'online', open: 1, last: '2026-03-10T08:00:00Z' });
    await addAgent('Erin', ['Product X specialists'], { 'product-x': 2 }, { availability: 'online', open: 0 });
    await addAgent('Frank', ['Product X specialists'], { 'product-x': 4 }, { availability: 'away', open: 0 });
    await addAgent('Gina', ['Tier 2'], {}, { availability: 'online', open: 9 });
  });
  afterAll(() => system.stop());

  it('routes the example scenario file through the active rules: matched rules, fallback, agents and accuracy', async () => {
    const { simulateRouting: sim } = dataOf(await call(SIMULATE, { scenarios }, lead));
    expect(sim.draft).toBe(false);
    expect(sim.problems).toEqual([]);
    expect(sim.results).toHaveLength(scenarios.length);
    const byName = (name: string) => sim.results.find((r: { name: string }) => r.name === name);

    // Every expectation is met except the known miss ("bill" is not a billing keyword); one has no expectation.
    const missed = sim.results.filter((r: any) => r.metExpectation === false).map((r: any) => r.name);
    expect(missed).toEqual(["billing: 'bill' is not a keyword (known miss)"]);
    expect(sim.overall).toEqual({ scenarios: 27, withExpectation: 26, met: 25, accuracy: 25 / 26 });
    expect(byName('unclear: general feedback (no expectation)')).toMatchObject({ metExpectation: null, expectedGroupId: null });

    expect(byName('billing: invoice VAT')).toMatchObject({
      matchedRule: { id: rules['Billing keywords'], name: 'Billing keywords' },
      group: { id: groups.Billing, name: 'Billing' },
      agent: { userId: agents.Alice, displayName: 'Alice' },
      metExpectation: true,
    });
    expect(byName('billing: invoice VAT').reasons.join(' ')).toMatch(/invoice/i);
    expect(byName('billing: form category').matchedRule.name).toBe('Billing form');

    // Least loaded, ties broken by the least recent assignment.
    const sso = byName('access: SSO');
    expect(sso).toMatchObject({ group: { name: 'Access & authentication' }, agent: { displayName: 'Dan' }, requiredSkills: [{ skill: 'identity', minLevel: 2 }] });
    expect(sso.agentReason).toMatch(/Dan/);

    // Required skills: Erin lacks the level for bugs and Frank is away, so bugs wait; questions go to Erin.
    const crash = byName('product X: crash on export');
    expect(crash).toMatchObject({ matchedRule: { name: 'Product X bugs' }, agent: null, tags: ['bug'] });
    expect(crash.agentReason).toMatch(/skill|product-x/i);
    expect(byName('product X: how-to webhooks')).toMatchObject({ matchedRule: { name: 'Product X questions' }, agent: { displayName: 'Erin' } });

    // After hours by the calendar, VIP before everything with a raised priority, nobody on call yet.
    expect(byName('after hours: weekend refund')).toMatchObject({ matchedRule: { name: 'After hours' }, group: { name: 'On-call' }, agent: null });
    expect(byName('VIP: after hours')).toMatchObject({ matchedRule: { name: 'VIP customers' }, priority: 'URGENT', agent: { displayName: 'Gina' } });

    // No rule: the fallback group, with the reason.
    const spam = byName('spam: prize');
    expect(spam).toMatchObject({ matchedRule: null, group: { id: FALLBACK_GROUP_ID, name: 'Triage (unrouted)' }, metExpectation: true });
    expect(spam.reasons).toHaveLength(1);
  });

  it('simulates draft rules (validated first) without touching the saved ones', async () => {
    const draftRules = [
      { name: 'Everything by email to Billing', criteria: { channels: ['EMAIL'] }, result: { groupId: groups.Billing } },
      { name: 'Bills', criteria: { keywords: ['bill'] }, result: { groupId: groups.Billing } },
    ];
    const before = await system.dataSource.query('SELECT * FROM routing_rules ORDER BY id');
    const { simulateRouting: sim } = dataOf(await call(SIMULATE, { scenarios, draftRules }, admin));
    expect(sim.draft).toBe(true);
    const miss = sim.results.find((r: any) => r.name === "billing: 'bill' is not a keyword (known miss)");
    expect(miss).toMatchObject({ matchedRule: { id: 'draft-1', name: 'Everything by email to Billing' }, metExpectation: true });
    const web = sim.results.find((r: any) => r.name === 'access: password reset');
    expect(web).toMatchObject({ matchedRule: null, group: { id: FALLBACK_GROUP_ID } });
    expect(await system.dataSource.query('SELECT * FROM routing_rules ORDER BY id')).toEqual(before);

    const invalid = onlyError(
      await call(SIMULATE, { scenarios, draftRules: [{ name: 'Broken', criteria: { pattern: '(' }, result: { groupId: 'nowhere' } }] }),
    );
    expect(invalid.code).toBe('BAD_USER_INPUT');
    expect((invalid.extensions.problems as string[]).every((p) => p.startsWith('Draft rule 1 ("Broken")'))).toBe(true);
  });

  it('refuses more than 1,000 scenarios, unknown expected groups, and callers without the role', async () => {
    // Minimal scenarios, so the request stays under the API's body size limit (100 kB by default).
    const many = Array.from({ length: 1001 }, () => ({ subject: 's', requesterEmail: 'a@b.c', channel: 'EMAIL', arrivedAt: '2026-03-10T09:00:00Z' }));
    expect(onlyError(await call(SIMULATE, { scenarios: many })).code).toBe('BAD_USER_INPUT');
    const unknown = onlyError(await call(SIMULATE, { scenarios: [{ ...scenarios[0], expectedGroupName: 'Nowhere' }] }));
    expect(unknown.code).toBe('BAD_USER_INPUT');
    expect(unknown.message).toMatch(/no group named "Nowhere"/);
    expect(onlyError(await call(SIMULATE, { scenarios }, agentToken)).code).toBe('FORBIDDEN');
  });

  it('runs the scenario file through the CLI function against the system, and saves the report', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'routing-sim-'));
    const out = join(dir, 'report.json');
    const run = await runSimulation(SCENARIO_FILE, { api: `${system.url}/graphql`, token: lead, out });
    expect(run.overall).toEqual({ scenarios: 27, withExpectation: 26, met: 25, accuracy: 25 / 26 });
    expect(run.text).toMatch(/✓ {3}1\. billing: invoice VAT → Billing by rule "Billing keywords"; agent Alice/);
    expect(run.text).toMatch(/✗ .*known miss\) → Triage \(unrouted\) by no rule \(fallback\)/);
    expect(run.text).toMatch(/27 scenarios, 26 with an expectation, 25 met: accuracy 96\.2 %/);
    const saved = JSON.parse(await readFile(out, 'utf8'));
    expect(saved).toMatchObject({ file: SCENARIO_FILE, overall: run.overall });
    expect(saved.results).toHaveLength(27);

    const badFile = join(dir, 'bad.json');
    await writeFile(badFile, JSON.stringify([{ ...JSON.parse(await readFile(SCENARIO_FILE, 'utf8')).scenarios[0], expectedGroup: 'Nowhere' }]));
    await expect(runSimulation(badFile, { api: `${system.url}/graphql`, token: lead })).rejects.toThrow(/no group named "Nowhere"/);
    await expect(runSimulation(SCENARIO_FILE, { api: `${system.url}/graphql`, token: '' })).rejects.toThrow();
  });
});
