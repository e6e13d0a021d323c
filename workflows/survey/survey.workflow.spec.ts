import type { TestWorkflowEnvironment } from '@temporalio/testing';
import proto from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { SendTemplatedEmailInput } from '../../activities/email/email.activities.js';
import type { SurveySettings } from '../../libs/domain/survey/survey-settings.js';
import { timeSkippingEnvPerTest } from '../../test/support/time-skipping-env.js';
import { workflowBundle } from '../../test/support/test-stack.js';
import {
  surveyAnsweredSignal,
  surveyStateQuery,
  surveyWorkflowId,
  ticketStatusChangedSignal,
  type SurveyInvitationReference,
  type SurveyStep,
  type SurveyWorkflowInput,
} from './survey.contract.js';

// The survey workflow on Temporal's time-skipping server, its activities replaced by in-memory fakes (this file is
// about the workflow's timing; the real activities and the answer are covered end to end).

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Email = SendTemplatedEmailInput & { at: number };

function fakeActivities(env: TestWorkflowEnvironment, settings: Partial<SurveySettings> = {}) {
  const fakes = {
    emails: [] as Email[],
    steps: [] as Array<{ step: SurveyStep; at: number }>,
    /** Set by a test: the customer answered (the database says so, whatever the signal does). */
    answeredInDatabase: false,
  };
  const now = () => env.currentTimeMs();
  const activities = {
    loadSurveySettings: async (): Promise<SurveySettings> => ({
      enabled: true,
      trigger: 'closed',
      delayMinutes: 60,
      reminderAfterDays: 3,
      expiresAfterDays: 7,
      ...settings,
    }),
    openSurveyInvitation: async ({ expiresAt }: { ticketId: string; expiresAt: number }): Promise<SurveyInvitationReference | null> =>
      fakes.answeredInDatabase ? null : { surveyId: 'survey-1', expiresAt: new Date(expiresAt).toISOString() },
    recordSurveyStep: async ({ step }: { ticketId: string; step: SurveyStep }): Promise<boolean> => {
      if (step === 'expired' && fakes.answeredInDatabase) return false;
      fakes.steps.push({ step, at: await now() });
      return true;
    },
    sendTemplatedEmail: async (input: SendTemplatedEmailInput) => {
      fakes.emails.push({ ...input, at: await now() });
      return { messageId: `m-${fakes.emails.length}`, alreadySent: false };
    },
  };
  return { fakes, activities };
}

describe('the survey workflow on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;

  timeSkippingEnvPerTest((started) => (env = started));

  async function run(
    activities: ReturnType<typeof fakeActivities>['activities'],
    input: Omit<SurveyWorkflowInput, 'ticketId'>,
    body: (handle: Awaited<ReturnType<TestWorkflowEnvironment['client']['workflow']['start']>>, startedAt: number) => Promise<void>,
  ): Promise<void> {
    const taskQueue = `survey-${randomUUID()}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: workflowBundle(), activities });
    await worker.runUntil(async () => {
      const startedAt = await env.currentTimeMs();
      const handle = await env.client.workflow.start('surveyWorkflow', {
        workflowId: surveyWorkflowId(randomUUID()),
        taskQueue,
        args: [{ ticketId: randomUUID(), ...input } satisfies SurveyWorkflowInput],
      });
      await body(handle, startedAt);
    });
  }

  const stage = (handle: { query: (q: typeof surveyStateQuery) => Promise<{ stage: string }> }) =>
    handle.query(surveyStateQuery).then((state) => state.stage);

  it('waits the delay, sends the link, reminds after 3 days and expires after 7, each counted from the sending', async () => {
    const { fakes, activities } = fakeActivities(env);
    await run(activities, { ticketStatus: 'closed' }, async (handle, startedAt) => {
      await env.sleep(59 * MINUTE);
      expect(fakes.emails).toEqual([]);
      expect(await stage(handle)).toBe('delaying');

      await env.sleep(2 * MINUTE);
      expect(fakes.emails.map((email) => email.template)).toEqual(['survey']);
      const { sentAt, expiresAt } = await handle.query(surveyStateQuery);
      expect(sentAt! - startedAt).toBeGreaterThanOrEqual(HOUR);
      expect(sentAt! - startedAt).toBeLessThan(HOUR + MINUTE);
      expect(expiresAt).toBe(sentAt! + 7 * DAY);
      // The mail names the survey; the email activity signs its link, so the token stays out of the history.
      expect(fakes.emails[0].surveyId).toBe('survey-1');
      expect(fakes.emails[0].variables).toBeUndefined();

      await env.sleep(3 * DAY - 2 * MINUTE);
      expect(fakes.emails).toHaveLength(1);
      await env.sleep(2 * MINUTE);
      expect(fakes.emails.map((email) => email.template)).toEqual(['survey', 'survey_reminder']);
      expect(fakes.emails[1].at - (sentAt! + 3 * DAY)).toBeLessThan(MINUTE);

      expect(await handle.result()).toBe('expired');
      expect(fakes.steps.map((step) => step.step)).toEqual(['sent', 'reminded', 'expired']);
      expect(fakes.steps[2].at - expiresAt!).toBeLessThan(MINUTE);
      expect(fakes.emails).toHaveLength(2);
    });
  });

  it('stops at the answer: no reminder, no expiry', async () => {
    const { fakes, activities } = fakeActivities(env, { delayMinutes: 0 });
    await run(activities, { ticketStatus: 'closed' }, async (handle) => {
      await env.sleep(DAY);
      expect(fakes.emails.map((email) => email.template)).toEqual(['survey']);
      fakes.answeredInDatabase = true;
      await handle.signal(surveyAnsweredSignal);

      expect(await handle.result()).toBe('answered');
      expect(fakes.emails).toHaveLength(1);
      expect(fakes.steps.map((step) => step.step)).toEqual(['sent']);
    });
  });

  it('sends no reminder for an answer whose signal has not arrived (the database is asked first)', async () => {
    const { fakes, activities } = fakeActivities(env, { delayMinutes: 0 });
    await run(activities, { ticketStatus: 'closed' }, async (handle) => {
      await env.sleep(DAY);
      fakes.answeredInDatabase = true;
      expect(await handle.result()).toBe('answered');
      expect(fakes.emails.map((email) => email.template)).toEqual(['survey']);
      expect(fakes.steps.map((step) => step.step)).toEqual(['sent']);
    });
  });

  it('on trigger "closed", a solved ticket waits for its close, then the delay', async () => {
    const { fakes, activities } = fakeActivities(env);
    await run(activities, { ticketStatus: 'solved' }, async (handle) => {
      await env.sleep(4 * DAY);
      expect(fakes.emails).toEqual([]);
      expect(await stage(handle)).toBe('waiting_for_trigger');

      await handle.signal(ticketStatusChangedSignal, 'closed');
      const closedAt = await env.currentTimeMs();
      await env.sleep(2 * HOUR);
      expect(fakes.emails.map((email) => email.template)).toEqual(['survey']);
      expect(fakes.emails[0].at - (closedAt + HOUR)).toBeLessThan(MINUTE);
      expect(fakes.emails[0].at).toBeGreaterThanOrEqual(closedAt + HOUR);
    });
  });

  it('on trigger "solved", a reopen during the delay cancels the sending; solved again, the delay starts over', async () => {
    const { fakes, activities } = fakeActivities(env, { trigger: 'solved', delayMinutes: 24 * 60 });
    await run(activities, { ticketStatus: 'solved' }, async (handle) => {
      await env.sleep(12 * HOUR);
      await handle.signal(ticketStatusChangedSignal, 'open');
      await env.sleep(3 * DAY);
      expect(fakes.emails).toEqual([]);
      expect(await stage(handle)).toBe('waiting_for_trigger');

      await handle.signal(ticketStatusChangedSignal, 'solved');
      const solvedAgainAt = await env.currentTimeMs();
      await env.sleep(23 * HOUR);
      expect(fakes.emails).toEqual([]);
      await env.sleep(2 * HOUR);
      expect(fakes.emails.map((email) => email.template)).toEqual(['survey']);
      expect(fakes.emails[0].at).toBeGreaterThanOrEqual(solvedAgainAt + DAY);
    });
  });

  it('sends nothing when surveys are disabled', async () => {
    const { fakes, activities } = fakeActivities(env, { enabled: false });
    await run(activities, { ticketStatus: 'closed' }, async (handle) => {
      expect(await handle.result()).toBe('disabled');
      expect(fakes.emails).toEqual([]);
    });
  });

  it('without a reminder, expires at the expiry having sent one mail', async () => {
    const { fakes, activities } = fakeActivities(env, { reminderAfterDays: null, expiresAfterDays: 2 });
    await run(activities, { ticketStatus: 'closed' }, async (handle) => {
      expect(await handle.result()).toBe('expired');
      expect(fakes.emails.map((email) => email.template)).toEqual(['survey']);
      expect(fakes.steps.map((step) => step.step)).toEqual(['sent', 'expired']);
    });
  });
});

describe('survey histories saved by older code', () => {
  it('replay on the current code: a survey that mailed its link before the patch keeps doing so', async () => {
    // Recorded (sent, reminded, expired) by the code that passed the link through the workflow; see ticket.replay.spec.ts.
    const file = new URL('./histories/link-in-history.json', import.meta.url);
    const history = proto.temporal.api.history.v1.History.fromObject(JSON.parse(readFileSync(file, 'utf8')));
    await Worker.runReplayHistory({ workflowBundle: workflowBundle() }, history, 'survey-replay-link-in-history');
  });
});
