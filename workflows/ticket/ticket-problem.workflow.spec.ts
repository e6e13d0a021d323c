import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { FAKE_AGENT as AGENT, fakeNewTicket, fakeTicketActivities } from '../../test/support/ticket-workflow-fakes.js';
import { recordHistory, waitForEnd, waitUntil, withTicketWorker, type StartTicket } from '../../test/support/ticket-workflow-runs.js';
import { timeSkippingEnvPerTest } from '../../test/support/time-skipping-env.js';
import {
  linkToProblemUpdate,
  problemSolvedSignal,
  solveProblemUpdate,
  unlinkFromProblemUpdate,
  type ProblemSolvedNotice,
} from './ticket-problem.contract.js';
import { changeStatusUpdate, customerReplyUpdate, ticketStateQuery, TICKET_CLOSED_FAILURE, type NewTicket } from './ticket.contract.js';

// Problems and their incidents in the ticket workflow, its activities replaced by in-memory fakes (the real ones, the
// API and the mail are covered end to end in test/e2e/ticket-problems.e2e.spec.ts).

const SOLUTION = 'solution-note-1';

describe('problems and their incidents in the ticket workflow', () => {
  let env: TestWorkflowEnvironment;
  timeSkippingEnvPerTest((started) => (env = started));

  async function run(body: (start: StartTicket, fakes: ReturnType<typeof fakeTicketActivities>) => Promise<void>): Promise<void> {
    const fakes = fakeTicketActivities();
    await withTicketWorker(env, fakes.activities, (start) => body(start, fakes));
  }

  const link = (incident: WorkflowHandle, problem: NewTicket) =>
    incident.executeUpdate(linkToProblemUpdate, { args: [{ problemId: problem.id, problemNumber: problem.subject, actorUserId: AGENT }] });
  const statusOf = async (handle: WorkflowHandle) => (await handle.query(ticketStateQuery)).status;
  const solvedNotice = (problem: NewTicket): ProblemSolvedNotice => ({ problemId: problem.id, problemNumber: problem.subject, solutionMessageId: SOLUTION, actorUserId: AGENT });

  /** A problem with three open incidents linked (each of its own requester), and one incident already solved. */
  async function problemWithIncidents(start: StartTicket) {
    const problem = fakeNewTicket('100', 'problem');
    const problemHandle = await start(problem);
    const incidents = ['1', '2', '3'].map((number) => fakeNewTicket(number, 'incident', `requester-${number}@example.com`));
    const handles = await Promise.all(incidents.map((incident) => start(incident)));
    const alreadySolved = fakeNewTicket('4', 'incident');
    const alreadySolvedHandle = await start(alreadySolved);
    for (const handle of [...handles, alreadySolvedHandle]) await link(handle, problem);
    await alreadySolvedHandle.executeUpdate(changeStatusUpdate, { args: [{ status: 'solved', actorUserId: AGENT }] });
    return { problem, problemHandle, incidents, handles, alreadySolved, alreadySolvedHandle };
  }

  it('solves the problem, then each open incident through its own workflow: one public reply mailed, no solved notice', async () => {
    await run(async (start, fakes) => {
      const { problem, problemHandle, incidents, handles, alreadySolved } = await problemWithIncidents(start);
      await waitUntil(async () => fakes.eventsOf(problem.id).filter((event) => event.type === 'incident_linked').length === 4);
      expect(incidents.map((incident) => fakes.problemIdOf(incident.id))).toEqual([problem.id, problem.id, problem.id]);

      const solved = await problemHandle.executeUpdate(solveProblemUpdate, { args: [{ solutionMessageId: SOLUTION, actorUserId: AGENT }] });
      expect(solved.status).toBe('solved');
      await waitUntil(async () => (await Promise.all(handles.map(statusOf))).every((status) => status === 'solved'));

      for (const incident of incidents) {
        const replies = fakes.storedReplies.filter((reply) => reply.incidentId === incident.id);
        expect(replies).toEqual([{ incidentId: incident.id, solutionMessageId: SOLUTION, messageId: expect.any(String), actorUserId: AGENT }]);
        const afterCreation = fakes.mails.filter((mail) => mail.ticketId === incident.id && mail.template !== 'acknowledgment');
        expect(afterCreation).toEqual([
          { idempotencyKey: `${incident.id}:agent_reply:${replies[0].messageId}`, template: 'agent_reply', ticketId: incident.id, messageId: replies[0].messageId },
        ]);
        const types = fakes.eventsOf(incident.id).map((event) => event.type);
        expect(types.slice(types.indexOf('agent_replied'))).toEqual(expect.arrayContaining(['agent_replied', 'solved_with_problem', 'status_changed']));
        expect(fakes.eventsOf(incident.id).find((event) => event.type === 'solved_with_problem')).toMatchObject({
          actor: AGENT,
          data: { problemId: problem.id, problemNumber: '100', messageId: replies[0].messageId },
        });
        expect(fakes.lastSnapshotOf(incident.id)).toMatchObject({ status: 'solved' });
      }
      // The incident solved before was left as it was; the problem's own solve told its requester as any solve does.
      expect(fakes.storedReplies.filter((reply) => reply.incidentId === alreadySolved.id)).toEqual([]);
      expect(fakes.mails.filter((mail) => mail.ticketId === problem.id && mail.template === 'solved')).toHaveLength(1);

      // A notice delivered again (or a retried solve's) is answered no second time.
      await handles[0].signal(problemSolvedSignal, solvedNotice(problem));
      expect(await statusOf(handles[0])).toBe('solved');
      expect(fakes.storedReplies.filter((reply) => reply.incidentId === incidents[0].id)).toHaveLength(1);
      await recordHistory(problemHandle, 'problem-solved-with-incidents');
      await recordHistory(handles[0], 'incident-solved-with-problem');
    });
  });

  it('a reopened incident leaves the problem alone, and a late notice leaves the reopened incident alone', async () => {
    await run(async (start, fakes) => {
      const { problem, problemHandle, incidents, handles } = await problemWithIncidents(start);
      await problemHandle.executeUpdate(solveProblemUpdate, { args: [{ solutionMessageId: SOLUTION, actorUserId: AGENT }] });
      await waitUntil(async () => (await statusOf(handles[0])) === 'solved');
      const problemEvents = fakes.eventsOf(problem.id).length;

      await handles[0].executeUpdate(customerReplyUpdate, { args: [{ messageId: 'still-broken', actorUserId: null, at: new Date().toISOString() }] });
      await handles[0].signal(problemSolvedSignal, solvedNotice(problem));

      expect(await statusOf(handles[0])).toBe('open');
      expect(await statusOf(problemHandle)).toBe('solved');
      expect(fakes.eventsOf(problem.id)).toHaveLength(problemEvents);
      expect(fakes.storedReplies.filter((reply) => reply.incidentId === incidents[0].id)).toHaveLength(1);
      expect(fakes.mails.filter((mail) => mail.ticketId === incidents[0].id && mail.template === 'agent_reply')).toHaveLength(1);
      expect(fakes.problemIdOf(incidents[0].id)).toBe(problem.id);
    });
  });

  it('unlinks, noting it on both timelines; an unlinked incident is not solved with the problem', async () => {
    await run(async (start, fakes) => {
      const problem = fakeNewTicket('200', 'problem');
      const problemHandle = await start(problem);
      const incident = fakeNewTicket('5', 'incident');
      const handle = await start(incident);
      await link(handle, problem);
      await link(handle, problem); // linked already: nothing more

      const state = await handle.executeUpdate(unlinkFromProblemUpdate, { args: [{ actorUserId: AGENT }] });
      expect(state.problemId).toBeNull();
      expect(fakes.problemIdOf(incident.id)).toBeNull();
      expect(fakes.eventsOf(incident.id).filter((event) => event.type.endsWith('_problem'))).toEqual([
        expect.objectContaining({ type: 'linked_to_problem', actor: AGENT, data: { problemId: problem.id, problemNumber: '200' } }),
        expect.objectContaining({ type: 'unlinked_from_problem', actor: AGENT, data: { problemId: problem.id } }),
      ]);
      await waitUntil(async () => fakes.eventsOf(problem.id).some((event) => event.type === 'incident_unlinked'));
      expect(fakes.eventsOf(problem.id).filter((event) => event.type.startsWith('incident_'))).toEqual([
        expect.objectContaining({ type: 'incident_linked', data: { incidentId: incident.id, incidentNumber: '5' } }),
        expect.objectContaining({ type: 'incident_unlinked', data: { incidentId: incident.id, incidentNumber: '5' } }),
      ]);
      await expect(handle.executeUpdate(unlinkFromProblemUpdate, { args: [{ actorUserId: AGENT }] })).rejects.toMatchObject({
        cause: { message: 'The ticket is not linked to a problem.' },
      });

      await problemHandle.executeUpdate(solveProblemUpdate, { args: [{ solutionMessageId: SOLUTION, actorUserId: AGENT }] });
      await handle.signal(problemSolvedSignal, solvedNotice(problem));
      expect(await statusOf(handle)).toBe('new');
      expect(fakes.storedReplies).toEqual([]);
    });
  });

  it('refuses a link from a non-incident, to a second problem, and to a closed problem; a non-problem is not solved with incidents', async () => {
    await run(async (start, fakes) => {
      const problem = fakeNewTicket('300', 'problem');
      await start(problem);
      const other = fakeNewTicket('301', 'problem');
      await start(other);
      const closed = fakeNewTicket('302', 'problem');
      const closedHandle = await start(closed);
      await closedHandle.executeUpdate(changeStatusUpdate, { args: [{ status: 'solved', actorUserId: AGENT }] });
      await closedHandle.executeUpdate(changeStatusUpdate, { args: [{ status: 'closed', actorUserId: AGENT }] });
      await waitForEnd(closedHandle);
      const question = fakeNewTicket('6');
      const questionHandle = await start(question);
      const incident = fakeNewTicket('7', 'incident');
      const handle = await start(incident);

      const fromQuestion = link(questionHandle, problem);
      await expect(fromQuestion).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
      await expect(fromQuestion).rejects.toMatchObject({ cause: { message: 'incidentId: ticket #6 is a question; only an incident links to a problem.' } });
      await expect(link(handle, closed)).rejects.toMatchObject({ cause: { type: TICKET_CLOSED_FAILURE, message: 'Ticket #302 is closed: no incident can be linked to it.' } });
      expect((await handle.query(ticketStateQuery)).problemId).toBeNull();
      await link(handle, problem);
      await expect(link(handle, other)).rejects.toMatchObject({ cause: { message: 'incidentId: ticket #7 is linked to another problem; unlink it first.' } });
      await expect(handle.executeUpdate(solveProblemUpdate, { args: [{ solutionMessageId: SOLUTION, actorUserId: AGENT }] })).rejects.toMatchObject({
        cause: { message: 'The ticket is of type incident: only a problem is solved with its incidents.' },
      });
      expect(fakes.problemIdOf(incident.id)).toBe(problem.id);
      expect(fakes.eventsOf(other.id).filter((event) => event.type === 'incident_linked')).toEqual([]);
    });
  });
});
