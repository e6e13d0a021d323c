import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import type { ServiceRequestActivities } from '../../activities/service-requests/service-request.activities.js';
import type { ItemApproval } from '../../libs/domain/catalog/catalog-item.js';
import { FAKE_AGENT, fakeNewTicket, fakeTicketActivities } from '../../test/support/ticket-workflow-fakes.js';
import { waitUntil } from '../../test/support/ticket-workflow-runs.js';
import { workflowBundle } from '../../test/support/test-stack.js';
import { timeSkippingEnvPerTest } from '../../test/support/time-skipping-env.js';
import { mergeIntoUpdate } from '../ticket/ticket-merge.contract.js';
import { changeStatusUpdate, openTicketUpdate, TICKET_WORKFLOW_TYPE, ticketWorkflowId } from '../ticket/ticket.contract.js';
import {
  APPROVAL_NOT_PENDING_FAILURE,
  decideApprovalUpdate,
  fulfilmentStateQuery,
  fulfilmentTaskSolvedSignal,
  SERVICE_REQUEST_WORKFLOW_TYPE,
  serviceRequestWorkflowId,
  type FulfilmentPlan,
  type ServiceRequestInput,
} from './service-request.contract.js';

// The service request's fulfilment workflow with its activities replaced by in-memory fakes (the real ones, the ticket
// workflows of the request and its tasks, and the API are covered end to end in
// test/e2e/service-request-fulfilment.e2e.spec.ts).

const APPROVER = 'user-approver';
const BOSS = 'user-boss';
const TASKS: FulfilmentPlan['tasks'] = [
  { title: 'Order the laptop', description: 'From the usual supplier', assigneeId: 'user-buyer', groupId: null },
  { title: 'Set it up', description: 'Image and hand over', assigneeId: null, groupId: 'group-it' },
];
const APPROVAL: ItemApproval = { approverUserId: APPROVER, approverRole: null, escalateAfterMinutes: 60, escalateToUserId: BOSS };

type Call = { name: keyof ServiceRequestActivities; input: unknown };

function fakeActivities(plan: FulfilmentPlan) {
  const calls: Call[] = [];
  const record = (name: keyof ServiceRequestActivities) => async (input: unknown) => {
    calls.push({ name, input });
  };
  const activities: ServiceRequestActivities = {
    readFulfilmentPlan: async (input) => {
      calls.push({ name: 'readFulfilmentPlan', input });
      return plan;
    },
    recordApprovalRequested: record('recordApprovalRequested'),
    escalateApproval: record('escalateApproval'),
    recordApprovalDecision: record('recordApprovalDecision'),
    closeRejectedRequest: record('closeRejectedRequest'),
    startFulfilmentTask: record('startFulfilmentTask'),
    solveFulfilledRequest: record('solveFulfilledRequest'),
  };
  const named = (name: Call['name']) => calls.filter((call) => call.name === name).map((call) => call.input as Record<string, unknown>);
  return { activities, calls, named };
}

describe('a service request: approval, then fulfilment through ordered tasks', () => {
  let env: TestWorkflowEnvironment;
  timeSkippingEnvPerTest((started) => (env = started));

  /** Starts a request's fulfilment on a fresh task queue, whose worker also runs `moreActivities` (a task's ticket workflow's). */
  async function run(
    plan: FulfilmentPlan,
    body: (handle: WorkflowHandle, fakes: ReturnType<typeof fakeActivities>, taskQueue: string) => Promise<void>,
    moreActivities: object = {},
  ): Promise<void> {
    const fakes = fakeActivities(plan);
    const taskQueue = `service-request-${randomUUID()}`;
    const activities = { ...moreActivities, ...fakes.activities };
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: workflowBundle(), activities });
    const input: ServiceRequestInput = { requestId: randomUUID(), itemId: 'item-laptop' };
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(SERVICE_REQUEST_WORKFLOW_TYPE, { workflowId: serviceRequestWorkflowId(input.requestId), taskQueue, args: [input] });
      await body(handle, fakes, taskQueue);
    });
  }

  const approve = (handle: WorkflowHandle, actorUserId = APPROVER) =>
    handle.executeUpdate(decideApprovalUpdate, { args: [{ decision: 'approved', actorUserId }] });
  const stageOf = async (handle: WorkflowHandle) => (await handle.query(fulfilmentStateQuery)).stage;
  const taskSolved = (handle: WorkflowHandle, taskId: unknown) => handle.signal(fulfilmentTaskSolvedSignal, { taskId: String(taskId) });

  it('escalates an approval left waiting its minutes, not before, once, and keeps waiting', async () => {
    await run({ itemName: 'Laptop', approval: APPROVAL, tasks: TASKS }, async (handle, fakes) => {
      await waitUntil(async () => (await stageOf(handle)) === 'awaiting_approval');
      await env.sleep('59 minutes');
      expect(fakes.named('escalateApproval')).toEqual([]);
      expect((await handle.query(fulfilmentStateQuery)).approval).toMatchObject({ state: 'pending', escalatedAt: null });

      await env.sleep('2 minutes');
      await waitUntil(async () => fakes.named('escalateApproval').length === 1);
      expect(fakes.named('escalateApproval')[0]).toMatchObject({ escalateToUserId: BOSS, afterMinutes: 60 });
      expect((await handle.query(fulfilmentStateQuery)).approval).toMatchObject({ state: 'pending', escalatedTo: BOSS, escalatedAt: expect.any(String) });

      await env.sleep('1 day');
      expect(fakes.named('escalateApproval')).toHaveLength(1);
      expect(await stageOf(handle)).toBe('awaiting_approval');
      expect(fakes.named('startFulfilmentTask')).toEqual([]);

      // Still decidable after the escalation.
      const state = await approve(handle, BOSS);
      expect(state.approval).toMatchObject({ state: 'approved', decidedBy: BOSS });
    });
  });

  it('approved: starts the tasks in order, the second only once the first is solved, and solves the request after both', async () => {
    await run({ itemName: 'Laptop', approval: APPROVAL, tasks: TASKS }, async (handle, fakes) => {
      await waitUntil(async () => (await stageOf(handle)) === 'awaiting_approval');
      expect(fakes.named('startFulfilmentTask')).toEqual([]);
      const decided = await approve(handle);
      expect(decided.approval).toMatchObject({ state: 'approved', decidedBy: APPROVER, reason: null });
      expect(fakes.named('recordApprovalDecision')).toEqual([expect.objectContaining({ decision: 'approved', actorUserId: APPROVER })]);

      await waitUntil(async () => fakes.named('startFulfilmentTask').length === 1);
      const [first] = fakes.named('startFulfilmentTask');
      expect(first).toMatchObject({ position: 1, task: TASKS[0] });
      await env.sleep('3 days'); // however long the first task takes, the second waits for it
      expect(fakes.named('startFulfilmentTask')).toHaveLength(1);
      expect(fakes.named('solveFulfilledRequest')).toEqual([]);

      await taskSolved(handle, first.taskId);
      await waitUntil(async () => fakes.named('startFulfilmentTask').length === 2);
      const second = fakes.named('startFulfilmentTask')[1];
      expect(second).toMatchObject({ position: 2, task: TASKS[1] });
      expect(second.taskId).not.toBe(first.taskId);
      expect(fakes.named('solveFulfilledRequest')).toEqual([]);

      await taskSolved(handle, first.taskId); // re-sent: changes nothing
      await taskSolved(handle, second.taskId);
      await handle.result();
      expect(fakes.named('solveFulfilledRequest')).toHaveLength(1);
      const state = await handle.query(fulfilmentStateQuery);
      expect(state.stage).toBe('fulfilled');
      expect(state.tasks).toEqual([
        { position: 1, ticketId: first.taskId, title: TASKS[0].title, solved: true },
        { position: 2, ticketId: second.taskId, title: TASKS[1].title, solved: true },
      ]);
      expect(fakes.calls.map((call) => call.name)).toEqual([
        'readFulfilmentPlan',
        'recordApprovalRequested',
        'recordApprovalDecision',
        'startFulfilmentTask',
        'startFulfilmentTask',
        'solveFulfilledRequest',
      ]);
    });
  });

  it('refuses a second decision', async () => {
    await run({ itemName: 'Laptop', approval: APPROVAL, tasks: TASKS }, async (handle) => {
      await waitUntil(async () => (await stageOf(handle)) === 'awaiting_approval');
      await approve(handle);
      const second = handle.executeUpdate(decideApprovalUpdate, { args: [{ decision: 'rejected', actorUserId: APPROVER, reason: 'changed my mind' }] });
      await expect(second).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
      await expect(second).rejects.toMatchObject({ cause: { type: APPROVAL_NOT_PENDING_FAILURE, message: 'The approval was approved already: it is decided once.' } });
    });
  });

  it('rejected: starts no task and closes the request with the reason', async () => {
    await run({ itemName: 'Laptop', approval: APPROVAL, tasks: TASKS }, async (handle, fakes) => {
      await waitUntil(async () => (await stageOf(handle)) === 'awaiting_approval');
      const withoutReason = handle.executeUpdate(decideApprovalUpdate, { args: [{ decision: 'rejected', actorUserId: APPROVER }] });
      await expect(withoutReason).rejects.toMatchObject({ cause: { message: 'reason: say why the request is rejected; its requester is told.' } });

      const decided = await handle.executeUpdate(decideApprovalUpdate, { args: [{ decision: 'rejected', actorUserId: APPROVER, reason: ' No budget. ' }] });
      expect(decided.approval).toMatchObject({ state: 'rejected', reason: 'No budget.' });
      await handle.result();
      expect(fakes.named('closeRejectedRequest')).toEqual([
        { requestId: expect.any(String), messageId: expect.any(String), itemName: 'Laptop', reason: 'No budget.', actorUserId: APPROVER },
      ]);
      expect(fakes.named('startFulfilmentTask')).toEqual([]);
      expect(fakes.named('solveFulfilledRequest')).toEqual([]);
      expect(await stageOf(handle)).toBe('rejected');
    });
  });

  it('without an approval step goes straight to the tasks, and refuses any decision', async () => {
    await run({ itemName: 'Laptop', approval: null, tasks: TASKS.slice(0, 1) }, async (handle, fakes) => {
      await waitUntil(async () => fakes.named('startFulfilmentTask').length === 1);
      await expect(approve(handle)).rejects.toMatchObject({ cause: { type: APPROVAL_NOT_PENDING_FAILURE, message: 'The request has no approval waiting.' } });
      expect(fakes.named('recordApprovalRequested')).toEqual([]);
      await taskSolved(handle, fakes.named('startFulfilmentTask')[0].taskId);
      await handle.result();
      expect(fakes.named('solveFulfilledRequest')).toHaveLength(1);
    });
  });

  it("a task's own ticket workflow tells the request when it is solved (a second time harmlessly), and mails nobody", async () => {
    const tickets = fakeTicketActivities();
    const plan = { itemName: 'Laptop', approval: null, tasks: TASKS.slice(0, 1) };
    await run(
      plan,
      async (request, fakes, taskQueue) => {
        await waitUntil(async () => fakes.named('startFulfilmentTask').length === 1);
        // What the real startFulfilmentTask starts: the task's ticket workflow, knowing its request.
        const requestId = request.workflowId.slice('service-request:'.length);
        const task = { ...fakeNewTicket('1', 'task'), id: String(fakes.named('startFulfilmentTask')[0].taskId), parentRequestId: requestId, taskPosition: 1 };
        const taskTicket = await env.client.workflow.start(TICKET_WORKFLOW_TYPE, { workflowId: ticketWorkflowId(task.id), taskQueue, args: [{ ticket: task }] });
        await taskTicket.executeUpdate(openTicketUpdate);

        await taskTicket.executeUpdate(changeStatusUpdate, { args: [{ status: 'solved', actorUserId: FAKE_AGENT }] });
        // Reopened and solved again at once: the second notice changes nothing.
        await taskTicket.executeUpdate(changeStatusUpdate, { args: [{ status: 'open', actorUserId: FAKE_AGENT }] });
        await taskTicket.executeUpdate(changeStatusUpdate, { args: [{ status: 'solved', actorUserId: FAKE_AGENT }] });
        await request.result();
        expect(fakes.named('solveFulfilledRequest')).toHaveLength(1);
        expect(fakes.named('startFulfilmentTask')).toHaveLength(1);
        expect(tickets.mails).toEqual([]);
      },
      tickets.activities,
    );
  });

  it('a task merged into another ticket counts as done: the request does not wait for it', async () => {
    const tickets = fakeTicketActivities();
    await run(
      { itemName: 'Laptop', approval: null, tasks: TASKS },
      async (request, fakes, taskQueue) => {
        await waitUntil(async () => fakes.named('startFulfilmentTask').length === 1);
        const requestId = request.workflowId.slice('service-request:'.length);
        const task = { ...fakeNewTicket('1', 'task'), id: String(fakes.named('startFulfilmentTask')[0].taskId), parentRequestId: requestId, taskPosition: 1 };
        const primary = fakeNewTicket('2', 'task');
        const [taskTicket, primaryTicket] = await Promise.all(
          [task, primary].map((ticket) => env.client.workflow.start(TICKET_WORKFLOW_TYPE, { workflowId: ticketWorkflowId(ticket.id), taskQueue, args: [{ ticket }] })),
        );
        await Promise.all([taskTicket, primaryTicket].map((handle) => handle.executeUpdate(openTicketUpdate)));

        await taskTicket.executeUpdate(mergeIntoUpdate, { args: [{ primaryTicketId: primary.id, primaryNumber: '2', primarySubject: 'Order', actorUserId: FAKE_AGENT }] });
        await waitUntil(async () => fakes.named('startFulfilmentTask').length === 2);
        expect(fakes.named('startFulfilmentTask')[1]).toMatchObject({ position: 2 });
      },
      tickets.activities,
    );
  });
});
