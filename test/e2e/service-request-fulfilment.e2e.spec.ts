import { randomBytes } from 'node:crypto';
import { waitFor } from '../../libs/devstack/wait-for.js';
import { dataOf, onlyError } from '../support/graphql-responses.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { eventsOfType } from '../support/tickets.js';
import { ticketWorkflowId } from '../../workflows/ticket/ticket.contract.js';

// A service request after its ticket exists, on the real stack: the approval (who may decide, once), then its tasks as
// tickets of type task started one after another, the request solved when both are; a rejected request closed with
// the reason in a public reply.

const CREATE_GROUP = `mutation($name: String!) { createGroup(input: { name: $name }) { id } }`;
const CREATE_SERVICE = `mutation($input: ServiceInput!) { createService(input: $input) { id } }`;
const CREATE_ITEM = `mutation($input: ServiceRequestItemInput!) { createServiceRequestItem(input: $input) { id } }`;
const CREATE_REQUEST = `mutation($input: CreateServiceRequestInput!) { createServiceRequest(input: $input) { id number status } }`;
const APPROVE = `mutation($input: ApproveServiceRequestInput!) { approveServiceRequest(input: $input) { id approval { state decidedBy reason } } }`;
const REJECT = `mutation($input: RejectServiceRequestInput!) { rejectServiceRequest(input: $input) { id approval { state decidedBy reason } } }`;
const PENDING = `query { pendingApprovals { id } }`;
const STATUS = `mutation($input: ChangeTicketStatusInput!) { changeTicketStatus(input: $input) { status } }`;
const REQUEST = `query($id: ID!) { ticket(id: $id) {
  id status
  approval { state approverUserId approverRole escalatedAt decidedBy reason }
  fulfilmentTasks { id type subject status assigneeId groupId parentRequest { id } }
  messages { body isPublic authorType }
  timeline { type actor data } } }`;

interface RequestRead {
  id: string;
  status: string;
  approval: { state: string; approverUserId: string | null; approverRole: string | null; escalatedAt: string | null; decidedBy: string | null; reason: string | null } | null;
  fulfilmentTasks: Array<{ id: string; type: string; subject: string; status: string; assigneeId: string | null; groupId: string | null; parentRequest: { id: string } | null }>;
  messages: Array<{ body: string; isPublic: boolean; authorType: string }>;
  timeline: Array<{ type: string; actor: string; data: Record<string, unknown> }>;
}

describe('service requests: approval and fulfilment (real API, PostgreSQL, Temporal)', () => {
  let system: TestSystem;
  let admin: string;
  let agent: string;
  let approver: string;
  let approverId: string;
  let buyerId: string;
  let itemId: string;
  let groupId: string;

  beforeAll(async () => {
    system = await startTestSystem();
    ({ token: admin } = await system.signIn(['admin']));
    ({ token: agent } = await system.signIn(['agent']));
    ({ token: approver, userId: approverId } = await system.signIn(['agent']));
    ({ userId: buyerId } = await system.signIn(['agent']));
    const suffix = randomBytes(3).toString('hex');
    groupId = dataOf(await system.graphql(CREATE_GROUP, { name: `Workplace ${suffix}` }, admin)).createGroup.id;
    const service = { name: `Workplace equipment ${suffix}`, description: 'Laptops and phones', ownerGroupId: groupId, customerVisible: true, active: true };
    const serviceId = dataOf(await system.graphql(CREATE_SERVICE, { input: service }, admin)).createService.id;
    const item = {
      serviceId,
      name: 'New laptop',
      approval: { approverUserId: approverId, escalateAfterMinutes: 60 },
      fulfilmentTasks: [
        { title: 'Order the laptop', description: 'From the usual supplier.', assigneeId: buyerId },
        { title: 'Set up the laptop', description: 'Image it and hand it over.' },
      ],
    };
    itemId = dataOf(await system.graphql(CREATE_ITEM, { input: item }, admin)).createServiceRequestItem.id;
  });
  afterAll(() => system.stop());

  const requestLaptop = async (): Promise<{ id: string; requesterEmail: string }> => {
    const requesterEmail = `requester-${randomBytes(3).toString('hex')}@customer.example`;
    const { id } = dataOf(await system.graphql(CREATE_REQUEST, { input: { itemId, requesterEmail, priority: 'NORMAL', values: [] } }, agent)).createServiceRequest;
    return { id, requesterEmail };
  };
  const read = async (id: string): Promise<RequestRead> => dataOf(await system.graphql(REQUEST, { id }, admin)).ticket;
  const readWhen = (what: string, id: string, check: (request: RequestRead) => boolean) =>
    waitFor(what, async () => {
      const request = await read(id);
      if (!check(request)) throw new Error('not yet');
      return request;
    }, 30_000);
  /** A task is started once the request's timeline notes it (written after the task got its assignee). */
  const tasksStarted = (request: RequestRead) => eventsOfType(request.timeline, 'fulfilment_task_created').length;
  const solve = async (ticketId: string) => dataOf(await system.graphql(STATUS, { input: { ticketId, status: 'SOLVED' } }, agent));

  it('waits for its approver, refuses anyone else, then starts its tasks one after another and is solved when both are', async () => {
    const request = await requestLaptop();
    const pending = await readWhen('the approval requested', request.id, (now) => now.approval !== null);
    expect(pending.approval).toEqual({ state: 'PENDING', approverUserId: approverId, approverRole: null, escalatedAt: null, decidedBy: null, reason: null });
    expect(pending.fulfilmentTasks).toEqual([]);
    expect(dataOf(await system.graphql(PENDING, {}, approver)).pendingApprovals).toContainEqual({ id: request.id });
    expect(dataOf(await system.graphql(PENDING, {}, agent)).pendingApprovals).not.toContainEqual({ id: request.id });

    expect(onlyError(await system.graphql(APPROVE, { input: { requestId: request.id } }, agent)).code).toBe('FORBIDDEN');
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(onlyError(await system.graphql(APPROVE, { input: { requestId: unknown } }, approver)).code).toBe('NOT_FOUND');

    const approved = dataOf(await system.graphql(APPROVE, { input: { requestId: request.id, reason: 'Due for a new one.' } }, approver)).approveServiceRequest;
    expect(approved).toEqual({ id: request.id, approval: { state: 'APPROVED', decidedBy: approverId, reason: 'Due for a new one.' } });
    expect(onlyError(await system.graphql(APPROVE, { input: { requestId: request.id } }, approver)).code).toBe('CONFLICT');
    expect(dataOf(await system.graphql(PENDING, {}, approver)).pendingApprovals).not.toContainEqual({ id: request.id });

    const first = await readWhen('task 1 started', request.id, (now) => tasksStarted(now) === 1);
    expect(first.fulfilmentTasks).toEqual([
      { id: expect.any(String), type: 'TASK', subject: 'Order the laptop', status: expect.any(String), assigneeId: buyerId, groupId, parentRequest: { id: request.id } },
    ]);
    const [task1] = first.fulfilmentTasks;
    // Task 2 waits for task 1, however long it takes.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await read(request.id)).fulfilmentTasks).toHaveLength(1);

    await solve(task1.id);
    const second = await readWhen('task 2 started', request.id, (now) => tasksStarted(now) === 2);
    const task2 = second.fulfilmentTasks[1];
    expect(task2).toMatchObject({ type: 'TASK', subject: 'Set up the laptop', assigneeId: null, groupId, parentRequest: { id: request.id } });
    expect(second.status).not.toBe('SOLVED');

    await solve(task2.id);
    const done = await readWhen('the request solved', request.id, (now) => now.status === 'SOLVED');
    expect(done.fulfilmentTasks.map((task) => [task.id, task.status])).toEqual([
      [task1.id, 'SOLVED'],
      [task2.id, 'SOLVED'],
    ]);
    const steps = eventsOfType(done.timeline, 'approval_requested', 'approval_approved', 'fulfilment_task_created', 'request_fulfilled');
    expect(steps.map((event) => [event.type, event.data.taskId ?? null])).toEqual([
      ['approval_requested', null],
      ['approval_approved', null],
      ['fulfilment_task_created', task1.id],
      ['fulfilment_task_created', task2.id],
      ['request_fulfilled', null],
    ]);
    // The tasks are internal work: their requester got no mail about them.
    const taskMails = await system.dataSource.query('SELECT template FROM sent_emails WHERE ticket_id = ANY($1::uuid[])', [[task1.id, task2.id]]);
    expect(taskMails).toEqual([]);
  });

  it('rejected: starts no task and ends closed, its requester told why in a public reply', async () => {
    const request = await requestLaptop();
    await readWhen('the approval requested', request.id, (now) => now.approval !== null);
    const withoutReason = onlyError(await system.graphql(REJECT, { input: { requestId: request.id, reason: ' ' } }, approver));
    expect(withoutReason).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { fields: [{ field: 'reason' }] } });

    const rejected = dataOf(await system.graphql(REJECT, { input: { requestId: request.id, reason: 'No budget this quarter.' } }, approver)).rejectServiceRequest;
    expect(rejected.approval).toEqual({ state: 'REJECTED', decidedBy: approverId, reason: 'No budget this quarter.' });
    expect(onlyError(await system.graphql(APPROVE, { input: { requestId: request.id } }, admin)).code).toBe('CONFLICT');

    const closed = await readWhen('the request closed', request.id, (now) => now.status === 'CLOSED');
    expect(closed.messages).toEqual([{ body: 'Your request for "New laptop" was not approved.\n\nReason: No budget this quarter.', isPublic: true, authorType: 'agent' }]);
    expect(closed.fulfilmentTasks).toEqual([]);
    expect(eventsOfType(closed.timeline, 'approval_rejected')).toEqual([{ type: 'approval_rejected', actor: approverId, data: { reason: 'No budget this quarter.' } }]);
    // A closed ticket's workflow ends once its mail is out: the reply told the requester, no solved notice follows.
    await system.temporal.workflow.getHandle(ticketWorkflowId(request.id)).result();
    const mails = await system.dataSource.query('SELECT template FROM sent_emails WHERE ticket_id = $1 ORDER BY created_at', [request.id]);
    expect(mails.map((mail: { template: string }) => mail.template)).not.toContain('solved');
    expect(mails.map((mail: { template: string }) => mail.template)).toContain('agent_reply');
  });
});
