import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { FAKE_AGENT as AGENT, fakeNewTicket as newTicket, fakeTicketActivities } from '../../test/support/ticket-workflow-fakes.js';
import { waitForEnd, withTicketWorker, type StartTicket } from '../../test/support/ticket-workflow-runs.js';
import { timeSkippingEnvPerTest } from '../../test/support/time-skipping-env.js';
import { surveyWorkflowId } from '../survey/survey.contract.js';
import { collaboratorChangedUpdate } from './ticket-collaborators.contract.js';
import { mergeIntoUpdate } from './ticket-merge.contract.js';
import {
  agentReplyUpdate,
  changeStatusUpdate,
  ticketStateQuery,
  TICKET_CLOSED_FAILURE,
  type NewTicket,
} from './ticket.contract.js';

// Merge and collaborator changes in the ticket workflow, its activities replaced by in-memory fakes (the real ones,
// the API and the mail are covered end to end in test/e2e/ticket-merge.e2e.spec.ts).

const merge = (primary: NewTicket) => ({ primaryTicketId: primary.id, primaryNumber: primary.subject, primarySubject: 'The first one', actorUserId: AGENT });

describe('merging tickets in the ticket workflow', () => {
  let env: TestWorkflowEnvironment;
  timeSkippingEnvPerTest((started) => (env = started));

  async function run(body: (start: StartTicket, fakes: ReturnType<typeof fakeTicketActivities>) => Promise<void>): Promise<void> {
    const fakes = fakeTicketActivities();
    await withTicketWorker(env, fakes.activities, (start) => body(start, fakes));
  }


  it('closes the duplicate as merged (not solved, no survey, clocks dropped), notes it on the primary, mails the requester once', async () => {
    await run(async (start, fakes) => {
      const primary = newTicket('1');
      const duplicate = newTicket('2');
      const primaryHandle = await start(primary);
      const duplicateHandle = await start(duplicate);
      await duplicateHandle.executeUpdate(agentReplyUpdate, { args: [{ messageId: 'm-1', actorUserId: AGENT, isPublic: true, at: new Date().toISOString() }] });

      const state = await duplicateHandle.executeUpdate(mergeIntoUpdate, { args: [merge(primary)], updateId: 'merge' });
      await duplicateHandle.result();

      expect(state).toMatchObject({ status: 'closed', mergedInto: primary.id, solvedAt: null, sla: { clocks: {} } });
      const merged = fakes.eventsOf(duplicate.id).filter((event) => event.type === 'merged');
      expect(merged).toEqual([expect.objectContaining({ actor: AGENT, data: { into: primary.id, intoNumber: '1', from: 'open' } })]);
      // Closed by the merge, not by a status change: nothing says it was solved or that its clocks were met.
      const afterMerge = fakes.eventsOf(duplicate.id).slice(fakes.eventsOf(duplicate.id).indexOf(merged[0]));
      expect(afterMerge.map((event) => event.type)).toEqual(['merged']);
      expect(fakes.lastSnapshotOf(duplicate.id)).toMatchObject({ status: 'closed', solvedAt: null, slaDeadline: null });
      await expect(env.client.workflow.getHandle(surveyWorkflowId(duplicate.id)).describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);

      const primaryTimeline = fakes.eventsOf(primary.id);
      expect(primaryTimeline.filter((event) => event.type === 'merged_in')).toEqual([
        expect.objectContaining({ actor: AGENT, data: { from: duplicate.id, fromNumber: '2' } }),
      ]);
      expect(primaryTimeline.map((event) => event.sequence)).toEqual(primaryTimeline.map((_event, index) => index + 1));
      expect((await primaryHandle.query(ticketStateQuery)).status).toBe('new');

      expect(fakes.mails.filter((mail) => mail.template === 'merged')).toEqual([
        { idempotencyKey: `${duplicate.id}:merged`, template: 'merged', ticketId: duplicate.id, variables: { 'primary.number': '1', 'primary.subject': 'The first one' } },
      ]);
    });
  });

  it('cancels the survey a duplicate started when it was solved before', async () => {
    await run(async (start) => {
      const primary = newTicket('1');
      const duplicate = newTicket('2');
      await start(primary);
      const duplicateHandle = await start(duplicate);
      await duplicateHandle.executeUpdate(changeStatusUpdate, { args: [{ status: 'solved', actorUserId: AGENT }] });
      const survey = env.client.workflow.getHandle(surveyWorkflowId(duplicate.id));
      expect((await survey.describe()).status.name).toBe('RUNNING');

      await duplicateHandle.executeUpdate(mergeIntoUpdate, { args: [merge(primary)] });

      await expect(survey.result()).rejects.toThrow();
      expect((await survey.describe()).status.name).toBe('CANCELLED');
    });
  });

  it('refuses a merge into itself, a second merge, and a primary whose workflow has ended, changing nothing', async () => {
    await run(async (start, fakes) => {
      const duplicate = newTicket('2');
      const ended = newTicket('3');
      const primary = newTicket('1');
      const duplicateHandle = await start(duplicate);
      const endedHandle = await start(ended);
      await start(primary);
      await endedHandle.executeUpdate(changeStatusUpdate, { args: [{ status: 'solved', actorUserId: AGENT }] });
      await endedHandle.executeUpdate(changeStatusUpdate, { args: [{ status: 'closed', actorUserId: AGENT }] });
      await waitForEnd(endedHandle);

      const intoItself = duplicateHandle.executeUpdate(mergeIntoUpdate, { args: [merge(duplicate)] });
      await expect(intoItself).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
      await expect(intoItself).rejects.toMatchObject({ cause: { message: 'A ticket cannot be merged into itself.' } });
      const intoEnded = duplicateHandle.executeUpdate(mergeIntoUpdate, { args: [merge(ended)] });
      await expect(intoEnded).rejects.toMatchObject({ cause: { type: TICKET_CLOSED_FAILURE, message: 'Ticket #3 is closed: nothing can be merged into it.' } });
      expect(await duplicateHandle.query(ticketStateQuery)).toMatchObject({ status: 'new' });
      expect((await duplicateHandle.query(ticketStateQuery)).mergedInto).toBeUndefined();

      await duplicateHandle.executeUpdate(mergeIntoUpdate, { args: [merge(primary)] });
      const again = newTicket('4');
      await start(again);
      await expect(duplicateHandle.executeUpdate(mergeIntoUpdate, { args: [merge(again)] })).rejects.toThrow();
      expect(fakes.eventsOf(duplicate.id).filter((event) => event.type === 'merged')).toHaveLength(1);
      expect(fakes.eventsOf(again.id).filter((event) => event.type === 'merged_in')).toHaveLength(0);
    });
  });

  it('puts each collaborator change on the timeline, and refuses one on a closed ticket', async () => {
    await run(async (start, fakes) => {
      const ticket = newTicket('5');
      const handle = await start(ticket);
      await handle.executeUpdate(collaboratorChangedUpdate, { args: [{ action: 'added', email: 'boss@example.com', actorUserId: AGENT }] });
      await handle.executeUpdate(collaboratorChangedUpdate, { args: [{ action: 'removed', email: 'boss@example.com', actorUserId: AGENT }] });
      expect(fakes.eventsOf(ticket.id).filter((event) => event.type.startsWith('collaborator_'))).toEqual([
        expect.objectContaining({ type: 'collaborator_added', actor: AGENT, data: { email: 'boss@example.com' } }),
        expect.objectContaining({ type: 'collaborator_removed', actor: AGENT, data: { email: 'boss@example.com' } }),
      ]);

      await handle.executeUpdate(changeStatusUpdate, { args: [{ status: 'solved', actorUserId: AGENT }] });
      await handle.executeUpdate(changeStatusUpdate, { args: [{ status: 'closed', actorUserId: AGENT }] });
      await expect(
        handle.executeUpdate(collaboratorChangedUpdate, { args: [{ action: 'added', email: 'late@example.com', actorUserId: AGENT }] }),
      ).rejects.toThrow();
    });
  });
});
