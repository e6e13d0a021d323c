import { dataOf, onlyError } from '../support/graphql-responses.js';
import { CREATE_SLA, readSlaTicket } from '../support/sla.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

// Custom ticket fields an admin defines (issue 15), on the real API, worker, PostgreSQL and Temporal: who may define
// them, what a bad definition gets, the values agents set checked against them (nothing written when refused), and an
// SLA policy choosing tickets by a field's value.

const DEFINITION = 'id name label kind allowedValues active position';
const DEFINITIONS = `query { ticketFieldDefinitions { ${DEFINITION} } }`;
const CREATE_DEFINITION = `mutation($input: CreateTicketFieldDefinitionInput!) { createTicketFieldDefinition(input: $input) { ${DEFINITION} } }`;
const UPDATE_DEFINITION = `mutation($id: ID!, $input: UpdateTicketFieldDefinitionInput!) { updateTicketFieldDefinition(id: $id, input: $input) { ${DEFINITION} } }`;
const CREATE_TICKET = 'mutation($input: CreateTicketInput!) { createTicket(input: $input) { id fields { name value } } }';
const UPDATE_FIELDS = 'mutation($input: UpdateTicketFieldsInput!) { updateTicketFields(input: $input) { id fields { name value } } }';
const TIMELINE = 'query($id: ID!) { ticket(id: $id) { timeline { type actor data } } }';

describe('custom ticket field definitions', () => {
  let system: TestSystem;
  let admin: { token: string; userId: string };
  let agent: { token: string; userId: string };
  const requesterEmail = 'field-definitions@example.com';

  const define = (input: Record<string, unknown>, token = admin.token) => system.graphql(CREATE_DEFINITION, { input }, token);
  const createTicket = (fields: Array<{ name: string; value: string }>, priority = 'NORMAL') =>
    system.graphql(CREATE_TICKET, { input: { subject: 'Login fails', description: '…', requesterEmail, channel: 'WEB', priority, fields } }, agent.token);
  const updateFields = (ticketId: string, fields: Array<{ name: string; value: string | null }>) =>
    system.graphql(UPDATE_FIELDS, { input: { ticketId, fields } }, agent.token);
  const ticketCount = async () => Number((await system.dataSource.query('SELECT count(*) AS n FROM tickets'))[0].n);
  const auditOf = (entityId: string) =>
    system.dataSource.query('SELECT action, actor_user_id, before, after FROM audit_log WHERE entity_type = $1 AND entity_id = $2 ORDER BY id', [
      'ticket_field_definition',
      entityId,
    ]);

  let product: { id: string };

  beforeAll(async () => {
    system = await startTestSystem();
    admin = await system.signIn(['admin']);
    agent = await system.signIn(['agent']);
  });
  afterAll(() => system.stop());

  it('lets an admin define a CHOICE and a NUMBER field, audited, and agents read them in form order', async () => {
    product = dataOf(await define({ name: 'product', label: 'Product', kind: 'CHOICE', allowedValues: ['Portal', 'Mobile app'] })).createTicketFieldDefinition;
    const seats = dataOf(await define({ name: 'seats', label: 'Seats', kind: 'NUMBER' })).createTicketFieldDefinition;
    expect(product).toMatchObject({ name: 'product', kind: 'CHOICE', allowedValues: ['Portal', 'Mobile app'], active: true, position: 0 });
    expect(seats).toMatchObject({ name: 'seats', kind: 'NUMBER', allowedValues: [], active: true, position: 1 });

    expect(dataOf(await system.graphql(DEFINITIONS, {}, agent.token)).ticketFieldDefinitions.map((d: { name: string }) => d.name)).toEqual([
      'product',
      'seats',
    ]);
    expect(await auditOf(product.id)).toEqual([
      { action: 'ticket_field_definition.created', actor_user_id: admin.userId, before: null, after: expect.objectContaining({ name: 'product', kind: 'choice' }) },
    ]);
  });

  it('refuses a non-admin (FORBIDDEN), a bad definition (BAD_USER_INPUT naming the field) and a taken name (CONFLICT), writing nothing', async () => {
    const before = await system.dataSource.query('SELECT count(*) AS n FROM ticket_field_definitions');
    expect(onlyError(await define({ name: 'plan', label: 'Plan', kind: 'TEXT' }, agent.token)).code).toBe('FORBIDDEN');

    const noValues = onlyError(await define({ name: 'plan', label: 'Plan', kind: 'CHOICE', allowedValues: [] }));
    expect(noValues).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { fields: [{ field: 'allowedValues', message: expect.any(String) }] } });
    const valuesOnNumber = onlyError(await define({ name: 'plan', label: 'Plan', kind: 'NUMBER', allowedValues: ['1'] }));
    expect(valuesOnNumber).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { fields: [expect.objectContaining({ field: 'allowedValues' })] } });
    const blankName = onlyError(await define({ name: '  ', label: 'Plan', kind: 'TEXT' }));
    expect(blankName).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { fields: [expect.objectContaining({ field: 'name' })] } });

    expect(onlyError(await define({ name: 'Product', label: 'Product again', kind: 'TEXT' })).code).toBe('CONFLICT');
    expect(await system.dataSource.query('SELECT count(*) AS n FROM ticket_field_definitions')).toEqual(before);
  });

  it('refuses createTicket with a value outside a field’s definition, naming fields.<name>, and writes no ticket', async () => {
    const before = await ticketCount();
    const badChoice = onlyError(await createTicket([{ name: 'product', value: 'Desktop' }]));
    expect(badChoice).toMatchObject({
      code: 'BAD_USER_INPUT',
      extensions: { fields: [{ field: 'fields.product', message: 'fields.product: Product must be one of "Portal", "Mobile app"; got "Desktop".' }] },
    });
    const badNumber = onlyError(await createTicket([{ name: 'seats', value: 'a dozen' }]));
    expect(badNumber).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { fields: [expect.objectContaining({ field: 'fields.seats' })] } });
    expect(await ticketCount()).toBe(before);
  });

  it('stores defined values in their one spelling and keeps accepting fields nobody defined', async () => {
    const ticket = dataOf(await createTicket([{ name: 'Product', value: 'mobile APP' }, { name: 'seats', value: '012' }, { name: 'os', value: 'linux' }]))
      .createTicket;
    expect(ticket.fields).toEqual([
      { name: 'os', value: 'linux' },
      { name: 'product', value: 'Mobile app' },
      { name: 'seats', value: '12' },
    ]);
  });

  it('accepts a good value on updateTicketFields, on the timeline, and refuses a bad one leaving the ticket as it was', async () => {
    const ticket = dataOf(await createTicket([{ name: 'product', value: 'Portal' }])).createTicket;
    const refused = onlyError(await updateFields(ticket.id, [{ name: 'seats', value: '-' }]));
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { fields: [expect.objectContaining({ field: 'fields.seats' })] } });

    const updated = dataOf(await updateFields(ticket.id, [{ name: 'seats', value: '25' }])).updateTicketFields;
    expect(updated.fields).toEqual([
      { name: 'product', value: 'Portal' },
      { name: 'seats', value: '25' },
    ]);
    const { timeline } = dataOf(await system.graphql(TIMELINE, { id: ticket.id }, agent.token)).ticket;
    expect(timeline.filter((e: { type: string }) => e.type === 'fields_changed')).toEqual([
      { type: 'fields_changed', actor: agent.userId, data: { seats: { from: null, to: '25' } } },
    ]);
  });

  it('refuses setting a field an admin made inactive, audited with the row before and after', async () => {
    const legacy = dataOf(await define({ name: 'legacyCode', label: 'Legacy code', kind: 'TEXT' })).createTicketFieldDefinition;
    const updated = dataOf(await system.graphql(UPDATE_DEFINITION, { id: legacy.id, input: { active: false } }, admin.token)).updateTicketFieldDefinition;
    expect(updated.active).toBe(false);
    expect((await auditOf(legacy.id)).map((entry: { action: string; before: { active: boolean } | null; after: { active: boolean } }) => [entry.action, entry.before?.active ?? null, entry.after.active])).toEqual([
      ['ticket_field_definition.created', null, true],
      ['ticket_field_definition.updated', true, false],
    ]);
    const refused = onlyError(await createTicket([{ name: 'legacyCode', value: 'X1' }]));
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { fields: [expect.objectContaining({ field: 'fields.legacyCode' })] } });
  });

  it('refuses an SLA policy or routing rule matching a choice field on a value it never holds, writing nothing', async () => {
    const before = await system.dataSource.query('SELECT (SELECT count(*) FROM sla_policies) AS policies, (SELECT count(*) FROM routing_rules) AS rules');
    const policy = onlyError(
      await system.graphql(
        CREATE_SLA,
        {
          input: {
            name: 'Misspelt',
            conditions: { fields: [{ name: 'product', values: ['portal'] }] },
            targets: [{ priority: 'HIGH', metric: 'FIRST_REPLY', minutes: 30 }],
          },
        },
        admin.token,
      ),
    );
    expect(policy).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'Conditions: the field "product" never holds "portal"; its values are "Portal", "Mobile app".',
    });

    const group = dataOf(await system.graphql('mutation { createGroup(input: { name: "Portal team" }) { id } }', {}, admin.token)).createGroup;
    const rule = onlyError(
      await system.graphql(
        'mutation($input: RoutingRuleInput!) { createRoutingRule(input: $input) { rule { id } } }',
        { input: { name: 'Desktop', criteria: { fields: [{ name: 'product', values: ['Desktop'] }] }, result: { groupId: group.id } } },
        admin.token,
      ),
    );
    expect(rule).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'Criteria: the field "product" never holds "Desktop"; its values are "Portal", "Mobile app".',
    });
    expect(await system.dataSource.query('SELECT (SELECT count(*) FROM sla_policies) AS policies, (SELECT count(*) FROM routing_rules) AS rules')).toEqual(before);
  });

  it('applies an SLA policy with a field condition to a ticket with that value, on create and after a field change, naming the field', async () => {
    const policy = dataOf(
      await system.graphql(
        CREATE_SLA,
        {
          input: {
            name: 'Portal customers',
            conditions: { fields: [{ name: 'product', values: ['Portal'] }] },
            targets: [{ priority: 'HIGH', metric: 'FIRST_REPLY', minutes: 30, businessHours: false }],
          },
        },
        admin.token,
      ),
    ).createSlaPolicy;
    const reason = `Policy "Portal customers" (position ${policy.position}) matched: field product = Portal.`;

    const portal = dataOf(await createTicket([{ name: 'product', value: 'portal' }], 'HIGH')).createTicket;
    expect((await readSlaTicket(system, portal.id, agent.token)).sla.policy).toEqual({ id: policy.id, name: 'Portal customers', reason });

    const mobile = dataOf(await createTicket([{ name: 'product', value: 'Mobile app' }], 'HIGH')).createTicket;
    expect((await readSlaTicket(system, mobile.id, agent.token)).sla.policy).toBeNull();
    dataOf(await updateFields(mobile.id, [{ name: 'product', value: 'Portal' }]));
    const changed = await readSlaTicket(system, mobile.id, agent.token);
    expect(changed.sla.policy).toEqual({ id: policy.id, name: 'Portal customers', reason });
    expect(changed.timeline.filter((e) => e.type === 'sla_policy_applied').at(-1)?.data).toEqual({ id: policy.id, name: 'Portal customers', reason });
  });
});
