import { randomBytes } from 'node:crypto';
import { waitFor } from '../../libs/devstack/wait-for.js';
import { SERVICE_REQUEST_WORKFLOW_TYPE, serviceRequestWorkflowId } from '../../workflows/service-request/service-request.contract.js';
import { awaitMail } from '../support/dev-outbox.js';
import { dataOf, onlyError } from '../support/graphql-responses.js';
import { requestTokenIn } from '../support/portal-links.js';
import { CREATE_SLA } from '../support/sla.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

// The service catalog (issue 15) on the real API, worker, PostgreSQL and Temporal dev server: an admin defines a
// service with a request item (a form with each field kind) and a per-service SLA policy; the portal shows only what
// customers may request; an agent and a portal customer each request the item; the form's errors are refused naming
// the field with nothing written; the request is a service_request ticket in the owner group, keeping its values, under
// the service's SLA policy with a reason naming the service; a retry with the same idempotency key opens one ticket.

const ITEM_FIELDS = 'id serviceId name description customerVisible active position formFields { name label kind required choices } approval { approverRole escalateAfterMinutes } fulfilmentTasks { title }';
const SERVICE_FIELDS = `id name description ownerGroupId customerVisible active items { ${ITEM_FIELDS} }`;
const CREATE_SERVICE = `mutation($input: ServiceInput!) { createService(input: $input) { ${SERVICE_FIELDS} } }`;
const UPDATE_SERVICE = `mutation($id: ID!, $input: ServiceInput!) { updateService(id: $id, input: $input) { ${SERVICE_FIELDS} } }`;
const CREATE_ITEM = `mutation($input: ServiceRequestItemInput!) { createServiceRequestItem(input: $input) { ${ITEM_FIELDS} } }`;
const UPDATE_ITEM = `mutation($id: ID!, $input: ServiceRequestItemInput!) { updateServiceRequestItem(id: $id, input: $input) { ${ITEM_FIELDS} } }`;
const CATALOG = `query { serviceCatalog { id name active items { name active } } }`;
const PORTAL_CATALOG = `query { portalServiceCatalog { id name description items { id name description formFields { name label kind required choices } } } }`;
const REQUEST_TICKET_FIELDS = `id number type subject description groupId channel priority
  service { id name } requestItem { id name } requestValues { name label value }`;
const CREATE_REQUEST = `mutation($input: CreateServiceRequestInput!) { createServiceRequest(input: $input) { ${REQUEST_TICKET_FIELDS} } }`;
const SUBMIT_PORTAL_REQUEST = `mutation($input: SubmitPortalServiceRequestInput!) { submitPortalServiceRequest(input: $input) { sentTo } }`;
const READ = `query($id: ID!) { ticket(id: $id) { ${REQUEST_TICKET_FIELDS} sla { policy { name reason } } timeline { type data } } }`;
const BY_SERVICE = `query($serviceIds: [String!]) { tickets(filter: { serviceIds: $serviceIds }, first: 50) { edges { node { id } } } }`;

const FORM = [
  { name: 'reason', label: 'Why', kind: 'TEXT', required: true },
  { name: 'model', label: 'Model', kind: 'CHOICE', required: true, choices: ['13 inch', '15 inch'] },
  { name: 'neededBy', label: 'Needed by', kind: 'DATE', required: true },
  { name: 'count', label: 'How many', kind: 'NUMBER', required: false },
];
const GOOD_VALUES = [
  { name: 'reason', value: ' New hire ' },
  { name: 'model', value: '15 inch' },
  { name: 'neededBy', value: '2027-03-01' },
  { name: 'count', value: '2' },
];

interface RequestTicket {
  id: string;
  number: string;
  type: string;
  subject: string;
  description: string;
  groupId: string;
  service: { id: string; name: string } | null;
  requestItem: { id: string; name: string } | null;
  requestValues: Array<{ name: string; label: string; value: string }> | null;
}

describe('service catalog and service requests (real API, PostgreSQL, Temporal)', () => {
  let system: TestSystem;
  let admin: string;
  let agent: string;
  let groupId: string;
  let laptop: { id: string };
  let newLaptop: { id: string };
  let staffOnlyItem: { id: string };
  let retiredItem: { id: string };
  let internalService: { id: string; items: Array<{ id: string }> };

  const uniqueAddress = (name: string) => `${name}-${randomBytes(3).toString('hex')}@customer.example`;
  const serviceInput = (overrides: Record<string, unknown> = {}) => ({ name: 'Laptop', description: 'Laptops and their accessories.', ownerGroupId: groupId, ...overrides });
  const itemInput = (overrides: Record<string, unknown> = {}) => ({ serviceId: laptop.id, name: 'New laptop', formFields: FORM, ...overrides });
  const ticketCount = async () => Number((await system.dataSource.query('SELECT count(*) AS n FROM tickets'))[0].n);
  const read = async (id: string) =>
    dataOf(await system.graphql<{ ticket: RequestTicket & { sla: { policy: { name: string; reason: string } | null }; timeline: Array<{ type: string; data: Record<string, unknown> }> } }>(READ, { id }, agent)).ticket;
  const policyApplied = (id: string) =>
    waitFor('the request’s SLA policy', async () => {
      const now = await read(id);
      if (!now.sla.policy) throw new Error('no policy yet');
      return now;
    }, 20_000);
  /** The request's fulfilment (approval, tasks: workflows/service-request/) was started for it. */
  const fulfilmentStarted = async (ticketId: string) =>
    (await system.temporal.workflow.getHandle(serviceRequestWorkflowId(ticketId)).describe()).type;
  const requestAsAgent = (input: Record<string, unknown>) => system.graphql<{ createServiceRequest: RequestTicket }>(CREATE_REQUEST, { input }, agent);

  beforeAll(async () => {
    system = await startTestSystem();
    ({ token: admin } = await system.signIn(['admin']));
    ({ token: agent } = await system.signIn(['agent']));
    groupId = dataOf(await system.graphql(`mutation { createGroup(input: { name: "Hardware desk" }) { id } }`, {}, admin)).createGroup.id;
    laptop = dataOf(await system.graphql(CREATE_SERVICE, { input: serviceInput() }, admin)).createService;
    newLaptop = dataOf(await system.graphql(CREATE_ITEM, { input: itemInput({ description: 'A laptop for a new colleague.' }) }, admin)).createServiceRequestItem;
    staffOnlyItem = dataOf(await system.graphql(CREATE_ITEM, { input: itemInput({ name: 'Loaner', customerVisible: false, formFields: [] }) }, admin)).createServiceRequestItem;
    retiredItem = dataOf(await system.graphql(CREATE_ITEM, { input: itemInput({ name: 'Netbook', active: false, formFields: [] }) }, admin)).createServiceRequestItem;
    const internal = dataOf(await system.graphql(CREATE_SERVICE, { input: serviceInput({ name: 'Server room access', customerVisible: false }) }, admin)).createService;
    dataOf(await system.graphql(CREATE_ITEM, { input: { serviceId: internal.id, name: 'Badge' } }, admin));
    internalService = dataOf(await system.graphql(UPDATE_SERVICE, { id: internal.id, input: serviceInput({ name: 'Server room access', customerVisible: false }) }, admin)).updateService;
    // Laptop requests get a day to resolve, everything else a week.
    for (const [name, position, conditions, minutes] of [
      ['Laptop requests', 0, { serviceIds: [laptop.id] }, 1440],
      ['Standard', 1, {}, 10080],
    ] as const) {
      dataOf(await system.graphql(CREATE_SLA, { input: { name, position, conditions, targets: [{ priority: 'NORMAL', metric: 'RESOLUTION', minutes, businessHours: false }] } }, admin));
    }
  });
  afterAll(() => system.stop());

  it('keeps the definitions an admin wrote, audited', async () => {
    const catalog = dataOf(await system.graphql(CATALOG, {}, admin)).serviceCatalog;
    expect(catalog).toEqual([
      { id: laptop.id, name: 'Laptop', active: true, items: [{ name: 'New laptop', active: true }, { name: 'Loaner', active: true }, { name: 'Netbook', active: false }] },
      { id: internalService.id, name: 'Server room access', active: true, items: [{ name: 'Badge', active: true }] },
    ]);
    expect(internalService.items).toHaveLength(1);
    const [item] = catalog[0].items;
    expect(item).toEqual({ name: 'New laptop', active: true });
    const stored = dataOf(await system.graphql(UPDATE_ITEM, { id: newLaptop.id, input: itemInput({ description: 'A laptop for a new colleague.' }) }, admin)).updateServiceRequestItem;
    expect(stored).toMatchObject({
      position: 0,
      formFields: FORM.map((field) => ({ choices: [], ...field })),
      approval: null,
      fulfilmentTasks: [],
    });
    // Agents see what can be requested; only admins the inactive.
    expect(dataOf(await system.graphql(CATALOG, {}, agent)).serviceCatalog[0].items.map((i: { name: string }) => i.name)).toEqual(['New laptop', 'Loaner']);
    const audited = await system.dataSource.query<Array<{ action: string }>>(
      `SELECT action FROM audit_log WHERE entity_id = ANY($1) ORDER BY id`,
      [[laptop.id, newLaptop.id]],
    );
    expect(audited.map((row) => row.action)).toEqual(['service.created', 'service_request_item.created', 'service_request_item.updated']);
  });

  it('shows customers only active, customer-visible services and items, without logging in', async () => {
    const { data, errors } = await system.graphql(PORTAL_CATALOG);
    expect(errors).toBeUndefined();
    expect(data!.portalServiceCatalog).toEqual([
      {
        id: laptop.id,
        name: 'Laptop',
        description: 'Laptops and their accessories.',
        items: [{ id: newLaptop.id, name: 'New laptop', description: 'A laptop for a new colleague.', formFields: FORM.map((field) => ({ choices: [], ...field })) }],
      },
    ]);
  });

  it('opens an agent’s request as a service_request ticket in the owner group, with its values and the service’s SLA', async () => {
    const requesterEmail = uniqueAddress('agent-request');
    const ticket = dataOf(await requestAsAgent({ itemId: newLaptop.id, requesterEmail, values: GOOD_VALUES, idempotencyKey: 'laptop-1' })).createServiceRequest;
    expect(ticket).toMatchObject({
      type: 'SERVICE_REQUEST',
      subject: 'Laptop: New laptop',
      description: 'Requested: New laptop\nWhy: New hire\nModel: 15 inch\nNeeded by: 2027-03-01\nHow many: 2',
      groupId,
      priority: 'NORMAL',
      service: { id: laptop.id, name: 'Laptop' },
      requestItem: { id: newLaptop.id, name: 'New laptop' },
      requestValues: [
        { name: 'reason', label: 'Why', value: 'New hire' },
        { name: 'model', label: 'Model', value: '15 inch' },
        { name: 'neededBy', label: 'Needed by', value: '2027-03-01' },
        { name: 'count', label: 'How many', value: '2' },
      ],
    });
    const [row] = await system.dataSource.query('SELECT service_id, request_item_id, request_values, group_id FROM tickets WHERE id = $1', [ticket.id]);
    expect(row).toEqual({ service_id: laptop.id, request_item_id: newLaptop.id, request_values: { reason: 'New hire', model: '15 inch', neededBy: '2027-03-01', count: 2 }, group_id: groupId });

    const withSla = await policyApplied(ticket.id);
    expect(withSla.sla.policy).toEqual({ name: 'Laptop requests', reason: 'Policy "Laptop requests" (position 0) matched: service "Laptop".' });
    expect(withSla.timeline.find((event) => event.type === 'sla_policy_applied')?.data).toMatchObject({ name: 'Laptop requests' });

    expect(await fulfilmentStarted(ticket.id)).toBe(SERVICE_REQUEST_WORKFLOW_TYPE);

    // A retry with the same key (the answer lost, say) lands on the same ticket; a second one is not opened.
    const retried = dataOf(await requestAsAgent({ itemId: newLaptop.id, requesterEmail, values: GOOD_VALUES, idempotencyKey: 'laptop-1' })).createServiceRequest;
    expect(retried.id).toBe(ticket.id);
    expect(await system.dataSource.query('SELECT id FROM tickets WHERE requester_email = $1', [requesterEmail])).toEqual([{ id: ticket.id }]);
    // The same key with other values is a client's mistake worth hearing about.
    const reused = onlyError(await requestAsAgent({ itemId: newLaptop.id, requesterEmail, values: GOOD_VALUES.slice(0, 3), idempotencyKey: 'laptop-1' }));
    expect(reused.code).toBe('CONFLICT');
    // The list filter by service finds it; a ticket without a service is not among them.
    const listed = dataOf(await system.graphql(BY_SERVICE, { serviceIds: [laptop.id] }, agent)).tickets.edges.map((edge: { node: { id: string } }) => edge.node.id);
    expect(listed).toContain(ticket.id);
    expect(dataOf(await system.graphql(BY_SERVICE, { serviceIds: [internalService.id] }, agent)).tickets.edges).toEqual([]);
  });

  it('opens a portal customer’s request the same way and mails the acknowledgment with the link', async () => {
    const requesterEmail = uniqueAddress('portal-request');
    // A portal key names the ticket on its own (no caller): unique, as the run's test files share one Temporal server.
    const idempotencyKey = `form-${randomBytes(4).toString('hex')}`;
    const input = { itemId: newLaptop.id, requesterEmail, requesterName: 'Grace Hopper', values: GOOD_VALUES.slice(0, 3), idempotencyKey };
    const { data, errors } = await system.graphql(SUBMIT_PORTAL_REQUEST, { input });
    expect(errors).toBeUndefined();
    expect(data).toEqual({ submitPortalServiceRequest: { sentTo: requesterEmail } });
    // Sent again (a retry): still one request.
    expect((await system.graphql(SUBMIT_PORTAL_REQUEST, { input })).errors).toBeUndefined();
    const rows = await system.dataSource.query<Array<{ id: string; number: string; channel: string; customer_id: string | null }>>(
      'SELECT id, number, channel, customer_id FROM tickets WHERE requester_email = $1',
      [requesterEmail],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].channel).toBe('web');
    expect(rows[0].customer_id).not.toBeNull();
    const ticket = await policyApplied(rows[0].id);
    expect(ticket).toMatchObject({ type: 'SERVICE_REQUEST', groupId, service: { name: 'Laptop' }, requestItem: { name: 'New laptop' } });
    expect(ticket.requestValues!.map((value) => value.name)).toEqual(['reason', 'model', 'neededBy']);
    expect(ticket.sla.policy!.reason).toContain('service "Laptop"');
    expect(await fulfilmentStarted(rows[0].id)).toBe(SERVICE_REQUEST_WORKFLOW_TYPE);
    const mail = await awaitMail(system, admin, requesterEmail, (sent) => sent.subject.includes(`[#${rows[0].number}]`));
    // The mailed link reads the request, as a portal request's does.
    const { data: linked } = await system.graphql(`query($token: String!) { portalRequest(token: $token) { number subject } }`, { token: requestTokenIn(mail) });
    expect(linked).toEqual({ portalRequest: { number: rows[0].number, subject: 'Laptop: New laptop' } });
  });

  it('refuses a wrong form naming each field, and writes nothing', async () => {
    const before = await ticketCount();
    const cases: Array<[string, Array<{ name: string; value: string }>]> = [
      ['values.reason', GOOD_VALUES.filter((value) => value.name !== 'reason')],
      ['values.model', GOOD_VALUES.map((value) => (value.name === 'model' ? { name: 'model', value: '17 inch' } : value))],
      ['values.neededBy', GOOD_VALUES.map((value) => (value.name === 'neededBy' ? { name: 'neededBy', value: '2027-02-30' } : value))],
      ['values.count', GOOD_VALUES.map((value) => (value.name === 'count' ? { name: 'count', value: 'two' } : value))],
      ['values.colour', [...GOOD_VALUES, { name: 'colour', value: 'red' }]],
    ];
    for (const [field, values] of cases) {
      const error = onlyError(await requestAsAgent({ itemId: newLaptop.id, requesterEmail: uniqueAddress('wrong'), values }));
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.fields).toEqual([expect.objectContaining({ field })]);
      expect(error.message).toContain(field);
      const portal = onlyError(await system.graphql(SUBMIT_PORTAL_REQUEST, { input: { itemId: newLaptop.id, requesterEmail: uniqueAddress('wrong'), values } }));
      expect([portal.code, (portal.extensions.fields as Array<{ field: string }>)[0].field]).toEqual(['BAD_USER_INPUT', field]);
    }
    expect(await ticketCount()).toBe(before);
  });

  it('answers NOT_FOUND for an item that cannot be requested there, and refuses unsound definitions', async () => {
    const request = (itemId: string) => ({ itemId, requesterEmail: uniqueAddress('nope'), values: [] });
    expect(onlyError(await requestAsAgent(request(retiredItem.id))).code).toBe('NOT_FOUND');
    expect(onlyError(await requestAsAgent(request('6f1c0a52-0000-4000-8000-000000000000'))).code).toBe('NOT_FOUND');
    // Staff may request a staff-only item; customers may not, nor anything of a service hidden from them.
    dataOf(await requestAsAgent(request(staffOnlyItem.id)));
    expect(onlyError(await system.graphql(SUBMIT_PORTAL_REQUEST, { input: request(staffOnlyItem.id) })).code).toBe('NOT_FOUND');
    expect(onlyError(await system.graphql(SUBMIT_PORTAL_REQUEST, { input: request(internalService.items[0].id) })).code).toBe('NOT_FOUND');

    const noChoices = onlyError(
      await system.graphql(CREATE_ITEM, { input: itemInput({ name: 'Dock', formFields: [{ name: 'kind', label: 'Kind', kind: 'CHOICE', required: true, choices: [] }] }) }, admin),
    );
    expect([noChoices.code, noChoices.extensions.fields]).toEqual(['BAD_USER_INPUT', [expect.objectContaining({ field: 'formFields.0.choices' })]]);
    const twoApprovers = onlyError(
      await system.graphql(
        CREATE_ITEM,
        { input: itemInput({ name: 'Dock', approval: { approverUserId: null, approverRole: null, escalateAfterMinutes: 0 } }) },
        admin,
      ),
    );
    expect((twoApprovers.extensions.fields as Array<{ field: string }>).map((f) => f.field)).toEqual(['approval', 'approval.escalateAfterMinutes']);
    const unknownUser = onlyError(
      await system.graphql(
        CREATE_ITEM,
        { input: itemInput({ name: 'Dock', fulfilmentTasks: [{ title: 'Order', assigneeId: '6f1c0a52-0000-4000-8000-000000000001' }] }) },
        admin,
      ),
    );
    expect([unknownUser.code, unknownUser.extensions.fields]).toEqual(['BAD_USER_INPUT', [expect.objectContaining({ field: 'fulfilmentTasks.0.assigneeId' })]]);
    const unknownService = onlyError(await system.graphql(CREATE_ITEM, { input: itemInput({ serviceId: '6f1c0a52-0000-4000-8000-000000000004' }) }, admin));
    expect([unknownService.code, unknownService.extensions.fields]).toEqual(['BAD_USER_INPUT', [expect.objectContaining({ field: 'serviceId' })]]);
    const unknownGroup = onlyError(await system.graphql(CREATE_SERVICE, { input: serviceInput({ name: 'Phones', ownerGroupId: '6f1c0a52-0000-4000-8000-000000000002' }) }, admin));
    expect([unknownGroup.code, unknownGroup.extensions.fields]).toEqual(['BAD_USER_INPUT', [expect.objectContaining({ field: 'ownerGroupId' })]]);
    expect(onlyError(await system.graphql(CREATE_SERVICE, { input: serviceInput({ name: 'LAPTOP' }) }, admin)).code).toBe('CONFLICT');
    expect(onlyError(await system.graphql(CREATE_SERVICE, { input: serviceInput({ name: 'Phones' }) }, agent)).code).toBe('FORBIDDEN');
    const unknownSlaService = onlyError(
      await system.graphql(CREATE_SLA, { input: { name: 'Ghost', conditions: { serviceIds: ['6f1c0a52-0000-4000-8000-000000000003'] }, targets: [{ priority: 'NORMAL', metric: 'RESOLUTION', minutes: 60 }] } }, admin),
    );
    expect([unknownSlaService.code, unknownSlaService.message]).toEqual(['BAD_USER_INPUT', 'Conditions: there is no service 6f1c0a52-0000-4000-8000-000000000003.']);
  });
});
