import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { giveOpenTickets } from '../support/tickets.js';
import { dataOf, onlyError } from '../support/graphql-responses.js';
import { tableRows } from '../support/table-rows.js';

// The routing configuration over GraphQL, against the real API and PostgreSQL: groups, agents and their availability,
// routing rules (validated, ordered, audited) and the conflicts every save reports.

const FALLBACK_GROUP_ID = '00000000-0000-4000-8000-000000000001';

const GROUP_FIELDS = 'id name isFallback';
const AGENT_FIELDS = `userId email displayName groups { id name } skills { skill level } languages capacity timeZone
  workingHours { day start end } availability openTickets lastAssignedAt`;
const RULE_FIELDS = `id name position active
  criteria { channels requesterEmails requesterDomains organizationIds customerTiers priorities fields { name values } keywords pattern arrival calendarId }
  result { groupId requiredSkills { skill minLevel } priorityAdjustment tags }`;
const CONFLICT_FIELDS = 'shadowed { rule { id name } by { id name } explanation } overlaps { first { id name } second { id name } explanation }';

const LIST_GROUPS = `query { groups { ${GROUP_FIELDS} } }`;
const CREATE_GROUP = `mutation($name: String!) { createGroup(input: { name: $name }) { ${GROUP_FIELDS} } }`;
const RENAME_GROUP = `mutation($id: ID!, $name: String!) { renameGroup(id: $id, name: $name) { ${GROUP_FIELDS} } }`;
const DELETE_GROUP = 'mutation($id: ID!) { deleteGroup(id: $id) }';

const LIST_AGENTS = `query { agents { ${AGENT_FIELDS} } }`;
const UPSERT_AGENT = `mutation($input: UpsertAgentInput!) { upsertAgent(input: $input) { ${AGENT_FIELDS} } }`;
const SET_MY_AVAILABILITY = 'mutation($a: AgentAvailability!) { setMyAvailability(availability: $a) { userId availability } }';
const SET_AGENT_AVAILABILITY =
  'mutation($id: ID!, $a: AgentAvailability!) { setAgentAvailability(userId: $id, availability: $a) { userId availability } }';

const LIST_RULES = `query { routingRules { ${RULE_FIELDS} } }`;
const CONFLICTS = `query { routingRuleConflicts { ${CONFLICT_FIELDS} } }`;
const CREATE_RULE = `mutation($input: RoutingRuleInput!) { createRoutingRule(input: $input) { rule { ${RULE_FIELDS} } conflicts { ${CONFLICT_FIELDS} } } }`;
const UPDATE_RULE = `mutation($id: ID!, $input: RoutingRuleInput!) { updateRoutingRule(id: $id, input: $input) { rule { ${RULE_FIELDS} } conflicts { ${CONFLICT_FIELDS} } } }`;
const DELETE_RULE = `mutation($id: ID!) { deleteRoutingRule(id: $id) { deletedId conflicts { ${CONFLICT_FIELDS} } } }`;
const REORDER_RULES = `mutation($ids: [ID!]!) { reorderRoutingRules(ids: $ids) { rules { id name position } conflicts { ${CONFLICT_FIELDS} } } }`;
const ACCURACY = `query($since: DateTime) { routingAccuracy(since: $since) { overall { routed misrouted accuracy } perRule { ruleId ruleName routed misrouted accuracy } } }`;

let uniqueName = 0;
function named(prefix: string): string {
  uniqueName += 1;
  return `${prefix} ${uniqueName}`;
}

describe('routing configuration over GraphQL', () => {
  let system: TestSystem;
  let admin: string;
  let adminId: string;
  let supervisor: string;
  let agent: string;
  let agentId: string;
  let calendarId: string;

  const call = <T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, token = admin) =>
    system.graphql<T>(query, variables, token);

  const everything = () => tableRows(system.dataSource, ['groups', 'agents', 'agent_groups', 'routing_rules', 'audit_log']);

  async function expectRefused(query: string, variables: Record<string, unknown>, code: string, ...fragments: Array<string | RegExp>) {
    const before = await everything();
    const error = onlyError(await call(query, variables));
    expect(error.code).toBe(code);
    for (const fragment of fragments) expect(error.message).toMatch(fragment);
    expect(await everything()).toEqual(before);
    return error;
  }

  const createGroup = async (name = named('Group')) => dataOf(await call(CREATE_GROUP, { name })).createGroup as { id: string; name: string };

  function ruleInput(groupId: string, criteria: Record<string, unknown>, overrides: Record<string, unknown> = {}) {
    return { name: named('Rule'), criteria, result: { groupId }, ...overrides };
  }

  beforeAll(async () => {
    system = await startTestSystem();
    ({ token: admin, userId: adminId } = await system.signIn(['admin']));
    ({ token: supervisor } = await system.signIn(['supervisor']));
    ({ token: agent, userId: agentId } = await system.signIn(['agent']));
    const calendar = dataOf(
      await call(`mutation($input: BusinessCalendarInput!) { createBusinessCalendar(input: $input) { id } }`, {
        input: {
          name: 'Office',
          timeZone: 'Europe/Paris',
          intervals: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'].map((day) => ({ day, start: '09:00', end: '18:00' })),
        },
      }),
    ).createBusinessCalendar;
    calendarId = calendar.id;
  });
  afterAll(() => system.stop());

  describe('groups', () => {
    it('has the fallback group from the migration, which cannot be deleted', async () => {
      const groups = dataOf(await call(LIST_GROUPS, {}, supervisor)).groups;
      expect(groups[0]).toEqual({ id: FALLBACK_GROUP_ID, name: 'Triage (unrouted)', isFallback: true });
      await expectRefused(DELETE_GROUP, { id: FALLBACK_GROUP_ID }, 'CONFLICT', /fallback/);
      // At most one fallback group, whatever writes the table.
      await expect(system.dataSource.query(`INSERT INTO groups (id, name, is_fallback) VALUES (gen_random_uuid(), 'Second fallback', true)`)).rejects.toThrow(
        /groups_one_fallback/,
      );
    });

    it('creates, renames and deletes groups, audited; names are unique', async () => {
      const group = await createGroup('Billing');
      expect(group).toMatchObject({ name: 'Billing', isFallback: false });
      await expectRefused(CREATE_GROUP, { name: 'Billing' }, 'CONFLICT', 'A group named "Billing" already exists.');
      const renamed = dataOf(await call(RENAME_GROUP, { id: group.id, name: 'Billing & payments' })).renameGroup;
      expect(renamed).toEqual({ id: group.id, name: 'Billing & payments', isFallback: false });
      expect(dataOf(await call(DELETE_GROUP, { id: group.id })).deleteGroup).toBe(group.id);
      const audit = await system.dataSource.query('SELECT action, actor_user_id FROM audit_log WHERE entity_type = $1 AND entity_id = $2 ORDER BY id', [
        'group',
        group.id,
      ]);
      expect(audit).toEqual([
        { action: 'group.created', actor_user_id: adminId },
        { action: 'group.updated', actor_user_id: adminId },
        { action: 'group.deleted', actor_user_id: adminId },
      ]);
    });

    it('refuses to delete a group a routing rule targets, naming the rule', async () => {
      const group = await createGroup();
      const { rule } = dataOf(await call(CREATE_RULE, { input: ruleInput(group.id, { channels: ['PHONE'] }) })).createRoutingRule;
      await expectRefused(DELETE_GROUP, { id: group.id }, 'CONFLICT', `"${rule.name}"`);
      dataOf(await call(DELETE_RULE, { id: rule.id }));
      expect(dataOf(await call(DELETE_GROUP, { id: group.id })).deleteGroup).toBe(group.id);
    });

    it('lets supervisors read and only admins write; agents may not read', async () => {
      expect(onlyError(await call(CREATE_GROUP, { name: named('X') }, supervisor)).code).toBe('FORBIDDEN');
      expect(onlyError(await call(LIST_GROUPS, {}, agent)).code).toBe('FORBIDDEN');
      expect(onlyError(await system.graphql(LIST_GROUPS, {})).code).toBe('UNAUTHENTICATED');
    });
  });

  describe('agents', () => {
    it('creates and replaces an agent profile, keeping availability and load', async () => {
      const billing = await createGroup();
      const tier2 = await createGroup();
      const input = {
        userId: agentId,
        groupIds: [billing.id],
        skills: [{ skill: 'billing', level: 4 }],
        languages: ['en', 'fr'],
        capacity: 8,
        timeZone: 'Europe/Paris',
        workingHours: [{ day: 'MONDAY', start: '09:00', end: '17:00' }],
      };
      const created = dataOf(await call(UPSERT_AGENT, { input })).upsertAgent;
      expect(created).toMatchObject({
        userId: agentId,
        groups: [{ id: billing.id, name: billing.name }],
        skills: [{ skill: 'billing', level: 4 }],
        languages: ['en', 'fr'],
        capacity: 8,
        timeZone: 'Europe/Paris',
        workingHours: [{ day: 'MONDAY', start: '09:00', end: '17:00' }],
        availability: 'OFFLINE',
        openTickets: 0,
        lastAssignedAt: null,
      });
      await system.dataSource.query(`UPDATE agents SET availability = 'online' WHERE user_id = $1`, [agentId]);
      await giveOpenTickets(system.dataSource, agentId, 3);
      const replaced = dataOf(await call(UPSERT_AGENT, { input: { ...input, groupIds: [tier2.id, billing.id], capacity: 12 } })).upsertAgent;
      expect(replaced).toMatchObject({ capacity: 12, availability: 'ONLINE', openTickets: 3 });
      expect(replaced.groups.map((g: { id: string }) => g.id).sort()).toEqual([billing.id, tier2.id].sort());

      const listed = dataOf(await call(LIST_AGENTS, {}, supervisor)).agents;
      expect(listed.find((a: { userId: string }) => a.userId === agentId)).toEqual(replaced);
      const audit = await system.dataSource.query('SELECT action FROM audit_log WHERE entity_type = $1 AND entity_id = $2 ORDER BY id', ['agent', agentId]);
      expect(audit.map((a: { action: string }) => a.action)).toEqual(['agent.created', 'agent.updated']);
      expect(onlyError(await call(UPSERT_AGENT, { input }, supervisor)).code).toBe('FORBIDDEN');
    });

    it('refuses a user without role agent, unknown users and groups, and a bad profile, with every problem', async () => {
      const base = { groupIds: [], skills: [], languages: [], capacity: 5, timeZone: 'UTC', workingHours: [] };
      await expectRefused(UPSERT_AGENT, { input: { ...base, userId: adminId } }, 'BAD_USER_INPUT', /does not have the role agent/);
      await expectRefused(UPSERT_AGENT, { input: { ...base, userId: '6f1d1c1e-0000-4000-8000-000000000000' } }, 'BAD_USER_INPUT', /There is no user/);
      const error = await expectRefused(
        UPSERT_AGENT,
        {
          input: {
            ...base,
            userId: agentId,
            groupIds: ['6f1d1c1e-0000-4000-8000-0000000000aa'],
            skills: [{ skill: 'sso', level: 9 }],
            capacity: 0,
            timeZone: 'Mars/Olympus',
          },
        },
        'BAD_USER_INPUT',
      );
      expect(error.extensions.problems).toEqual([
        expect.stringMatching(/level of "sso" must be 1 to 5/),
        expect.stringMatching(/Capacity must be 1 to 1000/),
        expect.stringMatching(/Unknown time zone/),
        expect.stringMatching(/There is no group/),
      ]);
    });

    it('lets an agent set their own availability, and supervisors set anyone’s, audited', async () => {
      expect(dataOf(await call(SET_MY_AVAILABILITY, { a: 'AWAY' }, agent)).setMyAvailability).toEqual({ userId: agentId, availability: 'AWAY' });
      expect(dataOf(await call(SET_AGENT_AVAILABILITY, { id: agentId, a: 'ONLINE' }, supervisor)).setAgentAvailability).toEqual({
        userId: agentId,
        availability: 'ONLINE',
      });
      const [row] = await system.dataSource.query('SELECT availability FROM agents WHERE user_id = $1', [agentId]);
      expect(row.availability).toBe('online');
      const changes = await system.dataSource.query(
        `SELECT actor_user_id, before, after FROM audit_log WHERE action = 'agent.availability_changed' AND entity_id = $1 ORDER BY id`,
        [agentId],
      );
      expect(changes.slice(-2).map((c: any) => [c.before.availability, c.after.availability])).toEqual([
        ['online', 'away'],
        ['away', 'online'],
      ]);
      expect(onlyError(await call(SET_MY_AVAILABILITY, { a: 'ONLINE' }, supervisor)).code).toBe('FORBIDDEN');
      expect(onlyError(await call(SET_AGENT_AVAILABILITY, { id: agentId, a: 'OFFLINE' }, agent)).code).toBe('FORBIDDEN');
      const { token: newcomer } = await system.signIn(['agent']);
      expect(onlyError(await call(SET_MY_AVAILABILITY, { a: 'ONLINE' }, newcomer)).code).toBe('NOT_FOUND');
    });
  });

  describe('routing rules', () => {
    it('creates a rule in the domain shape the workflow reads, lists rules in order, and audits', async () => {
      const group = await createGroup();
      const input = ruleInput(
        group.id,
        {
          channels: ['EMAIL', 'WEB'],
          requesterDomains: ['acme.com'],
          fields: [{ name: 'product', values: ['X'] }],
          keywords: ['refund'],
          pattern: 'inv-\\d+',
          arrival: 'BUSINESS_HOURS',
          calendarId,
        },
        { result: { groupId: group.id, requiredSkills: [{ skill: 'billing', minLevel: 2 }], priorityAdjustment: 1, tags: ['refund'] } },
      );
      const { rule } = dataOf(await call(CREATE_RULE, { input })).createRoutingRule;
      expect(rule).toMatchObject({
        name: input.name,
        active: true,
        criteria: {
          channels: ['EMAIL', 'WEB'],
          requesterDomains: ['acme.com'],
          requesterEmails: [],
          fields: [{ name: 'product', values: ['X'] }],
          keywords: ['refund'],
          pattern: 'inv-\\d+',
          arrival: 'BUSINESS_HOURS',
          calendarId,
        },
        result: { groupId: group.id, requiredSkills: [{ skill: 'billing', minLevel: 2 }], priorityAdjustment: 1, tags: ['refund'] },
      });
      const [row] = await system.dataSource.query('SELECT criteria, result FROM routing_rules WHERE id = $1', [rule.id]);
      expect(row).toEqual({
        criteria: {
          channels: ['email', 'web'],
          requesterDomains: ['acme.com'],
          fields: { product: ['X'] },
          keywords: ['refund'],
          pattern: 'inv-\\d+',
          arrival: 'business_hours',
          calendarId,
        },
        result: { groupId: group.id, requiredSkills: [{ skill: 'billing', minLevel: 2 }], priorityAdjustment: 1, tags: ['refund'] },
      });
      const rules = dataOf(await call(LIST_RULES, {}, supervisor)).routingRules;
      expect(rules.map((r: { position: number }) => r.position)).toEqual(rules.map((_: unknown, i: number) => i));
      const audit = await system.dataSource.query(`SELECT action FROM audit_log WHERE entity_type = 'routing_rule' AND entity_id = $1`, [rule.id]);
      expect(audit).toEqual([{ action: 'routing_rule.created' }]);
      dataOf(await call(DELETE_RULE, { id: rule.id }));
    });

    it('refuses invalid rules with BAD_USER_INPUT, every problem listed, and writes nothing', async () => {
      const group = await createGroup();
      await expectRefused(CREATE_RULE, { input: ruleInput('6f1d1c1e-0000-4000-8000-0000000000bb', { channels: ['EMAIL'] }) }, 'BAD_USER_INPUT', /Group "6f1d1c1e-0000-4000-8000-0000000000bb" does not exist/);
      await expectRefused(CREATE_RULE, { input: ruleInput(group.id, {}) }, 'BAD_USER_INPUT', /at least one criterion/);
      await expectRefused(CREATE_RULE, { input: ruleInput(group.id, { channels: [], keywords: [] }) }, 'BAD_USER_INPUT', /at least one criterion/);
      await expectRefused(CREATE_RULE, { input: ruleInput(group.id, { pattern: '(' }) }, 'BAD_USER_INPUT', /regular expression|pattern/i);
      await expectRefused(CREATE_RULE, { input: ruleInput(group.id, { arrival: 'AFTER_HOURS' }) }, 'BAD_USER_INPUT', /calendar/i);
      await expectRefused(
        CREATE_RULE,
        { input: ruleInput(group.id, { arrival: 'AFTER_HOURS', calendarId: '6f1d1c1e-0000-4000-8000-0000000000cc' }) },
        'BAD_USER_INPUT',
        /calendar/i,
      );
      const several = await expectRefused(
        CREATE_RULE,
        { input: ruleInput('nope', { pattern: '(' }, { result: { groupId: 'nope', priorityAdjustment: 7 } }) },
        'BAD_USER_INPUT',
      );
      expect((several.extensions.problems as string[]).length).toBeGreaterThanOrEqual(3);
      expect(onlyError(await call(CREATE_RULE, { input: ruleInput(group.id, { channels: ['EMAIL'] }) }, supervisor)).code).toBe('FORBIDDEN');
    });

    it('reports at save time a rule that can never fire, and rules that overlap', async () => {
      const billing = await createGroup();
      const tier2 = await createGroup();
      const email = dataOf(await call(CREATE_RULE, { input: ruleInput(billing.id, { channels: ['EMAIL'] }) })).createRoutingRule;
      expect(email.conflicts.shadowed.filter((s: any) => s.rule.id === email.rule.id)).toEqual([]);

      const shadowedSave = dataOf(
        await call(CREATE_RULE, { input: ruleInput(tier2.id, { channels: ['EMAIL'], priorities: ['URGENT'] }) }),
      ).createRoutingRule;
      expect(shadowedSave.conflicts.shadowed).toContainEqual({
        rule: { id: shadowedSave.rule.id, name: shadowedSave.rule.name },
        by: { id: email.rule.id, name: email.rule.name },
        explanation: expect.any(String),
      });

      const vip = dataOf(await call(CREATE_RULE, { input: ruleInput(tier2.id, { customerTiers: ['vip'] }) })).createRoutingRule;
      expect(vip.conflicts.overlaps).toContainEqual({
        first: { id: email.rule.id, name: email.rule.name },
        second: { id: vip.rule.id, name: vip.rule.name },
        explanation: expect.any(String),
      });
      expect(dataOf(await call(CONFLICTS, {}, supervisor)).routingRuleConflicts).toEqual(vip.conflicts);

      // Moving the urgent rule first: it fires again, and now overlaps instead of being shadowed.
      const all = dataOf(await call(LIST_RULES)).routingRules.map((r: { id: string }) => r.id);
      const order = [shadowedSave.rule.id, ...all.filter((id: string) => id !== shadowedSave.rule.id)];
      const reordered = dataOf(await call(REORDER_RULES, { ids: order })).reorderRoutingRules;
      expect(reordered.rules.map((r: { id: string }) => r.id)).toEqual(order);
      expect(reordered.conflicts.shadowed.some((s: any) => s.rule.id === shadowedSave.rule.id)).toBe(false);

      // Deactivating takes a rule out of the set conflicts are computed on.
      const deactivated = dataOf(
        await call(UPDATE_RULE, { id: email.rule.id, input: { ...ruleInput(billing.id, { channels: ['EMAIL'] }), name: email.rule.name, active: false } }),
      ).updateRoutingRule;
      expect(deactivated.rule.active).toBe(false);
      const mentions = (c: any) => [...c.shadowed.flatMap((s: any) => [s.rule.id, s.by.id]), ...c.overlaps.flatMap((o: any) => [o.first.id, o.second.id])];
      expect(mentions(deactivated.conflicts)).not.toContain(email.rule.id);

      for (const id of [email.rule.id, shadowedSave.rule.id, vip.rule.id]) {
        const deleted = dataOf(await call(DELETE_RULE, { id })).deleteRoutingRule;
        expect(deleted.deletedId).toBe(id);
      }
      const positions = dataOf(await call(LIST_RULES)).routingRules.map((r: { position: number }) => r.position);
      expect(positions).toEqual(positions.map((_: unknown, i: number) => i));
    });

    it('refuses a duplicate name (CONFLICT) and a reorder that does not list every rule once', async () => {
      const group = await createGroup();
      const input = ruleInput(group.id, { channels: ['CHAT'] });
      const { rule } = dataOf(await call(CREATE_RULE, { input })).createRoutingRule;
      await expectRefused(CREATE_RULE, { input: { ...input, criteria: { channels: ['PHONE'] } } }, 'CONFLICT', /already exists/);
      await expectRefused(REORDER_RULES, { ids: [rule.id, rule.id] }, 'BAD_USER_INPUT', /more than once/);
      dataOf(await call(DELETE_RULE, { id: rule.id }));
    });
  });

  describe('routing accuracy in production', () => {
    it('counts routed tickets and misroutes overall and per rule', async () => {
      const group = await createGroup();
      const { rule } = dataOf(await call(CREATE_RULE, { input: ruleInput(group.id, { channels: ['API'] }) })).createRoutingRule;
      const insert = (ruleId: string | null, misrouted: boolean) =>
        system.dataSource.query(
          `INSERT INTO tickets (id, subject, description, requester_email, channel, priority, status, lifecycle_version, tags,
                                escalation_level, routing_rule_id, routed_group_id, misrouted)
           VALUES (gen_random_uuid(), 's', 'd', 'a@b.example', 'api', 'normal', 'open', 1, '{}', 0, $1, $2, $3)`,
          [ruleId, ruleId ? group.id : FALLBACK_GROUP_ID, misrouted],
        );
      for (const [ruleId, misrouted] of [
        [rule.id, false],
        [rule.id, false],
        [rule.id, false],
        [rule.id, true],
        [null, false],
      ] as const) {
        await insert(ruleId, misrouted);
      }
      const accuracy = dataOf(await call(ACCURACY, {}, supervisor)).routingAccuracy;
      expect(accuracy.overall).toEqual({ routed: 5, misrouted: 1, accuracy: 0.8 });
      expect(accuracy.perRule).toEqual([
        { ruleId: rule.id, ruleName: rule.name, routed: 4, misrouted: 1, accuracy: 0.75 },
        { ruleId: null, ruleName: null, routed: 1, misrouted: 0, accuracy: 1 },
      ]);
      const future = dataOf(await call(ACCURACY, { since: new Date(Date.now() + 3_600_000).toISOString() }, admin)).routingAccuracy;
      expect(future.overall).toEqual({ routed: 0, misrouted: 0, accuracy: 1 });
      expect(onlyError(await call(ACCURACY, {}, agent)).code).toBe('FORBIDDEN');
    });
  });
});
