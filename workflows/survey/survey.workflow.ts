import { condition, patched, proxyActivities, setHandler } from '@temporalio/workflow';
import type { EmailActivities } from '../../activities/email/email.activities.js';
import type { SurveyActivities } from '../../activities/surveys/survey.activities.js';
import { surveySchedule, type SurveySchedule } from '../../libs/domain/survey/survey-schedule.js';
import { surveyTriggerReached } from '../../libs/domain/survey/survey-settings.js';
import {
  surveyAnsweredSignal,
  surveyStateQuery,
  ticketStatusChangedSignal,
  type SurveyInvitation,
  type SurveyInvitationReference,
  type SurveyInvitationRequest,
  type SurveyOutcome,
  type SurveyState,
  type SurveyWorkflowInput,
} from './survey.contract.js';

// Database and mail outages are waited out: a survey goes out late rather than never.
const retry = { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 } as const;
const surveys = proxyActivities<SurveyActivities>({ startToCloseTimeout: '30 seconds', retry });
const { sendTemplatedEmail } = proxyActivities<EmailActivities>({ startToCloseTimeout: '1 minute', retry });

/**
 * The survey link is a credential: surveys reaching the sending after this patch pass the survey's id and the email
 * activity signs the link; earlier ones (whose histories already hold the link) keep mailing the link they were given.
 */
const LINK_OUT_OF_HISTORY_PATCH = 'survey-link-out-of-history';

/** Waits for `done` until the instant `at`; true when `done` came first. */
function waitUntil(done: () => boolean, at: number): Promise<boolean> {
  const remaining = at - Date.now();
  // condition() with a timeout of 0 would wait forever: an instant already passed is checked at once.
  return remaining > 0 ? condition(done, remaining) : Promise.resolve(done());
}

/**
 * A ticket's satisfaction survey, a child of the ticket workflow that outlives it: once the ticket has stayed in the
 * trigger status (solved or closed) for the configured delay, mails a signed single-use link, reminds once if
 * unanswered, and expires. The answer itself is written by the API; its signal only stops the reminder and expiry.
 */
export async function surveyWorkflow(input: SurveyWorkflowInput): Promise<SurveyOutcome> {
  const { ticketId } = input;
  let ticketStatus = input.ticketStatus;
  let answered = false;
  const state: SurveyState = { stage: 'waiting_for_trigger', settings: null, sentAt: null, expiresAt: null };
  setHandler(ticketStatusChangedSignal, (status) => {
    ticketStatus = status;
  });
  setHandler(surveyAnsweredSignal, () => {
    answered = true;
  });
  setHandler(surveyStateQuery, () => state);
  const finish = (outcome: SurveyOutcome): SurveyOutcome => {
    state.stage = outcome;
    return outcome;
  };

  const settings = await surveys.loadSurveySettings();
  state.settings = settings;
  if (!settings.enabled) return finish('disabled');
  const triggered = () => surveyTriggerReached(settings.trigger, ticketStatus);

  // The delay runs while the ticket stays solved (or closed); a reopen before the sending starts the wait over.
  let schedule: SurveySchedule;
  for (;;) {
    state.stage = 'waiting_for_trigger';
    await condition(triggered);
    state.stage = 'delaying';
    schedule = surveySchedule(settings, Date.now());
    const reopened = await waitUntil(() => !triggered(), schedule.sendAt);
    if (!reopened) break;
  }

  const linkOutOfHistory = patched(LINK_OUT_OF_HISTORY_PATCH);
  const request: SurveyInvitationRequest = { ticketId, expiresAt: schedule.expiresAt, asksNps: settings.askNps };
  const invite = (): Promise<SurveyInvitation | SurveyInvitationReference | null> =>
    linkOutOfHistory ? surveys.openSurveyInvitation(request) : surveys.surveyInvitation(request);
  const mail = (template: 'survey' | 'survey_reminder', invitation: SurveyInvitation | SurveyInvitationReference) =>
    sendTemplatedEmail({
      idempotencyKey: `${template}:${ticketId}`,
      template,
      ticketId,
      ...('url' in invitation
        ? { variables: { 'survey.url': invitation.url, 'survey.expiresAt': invitation.expiresAt } }
        : { surveyId: invitation.surveyId }),
    });

  const invitation = await invite();
  if (invitation === null) return finish('answered'); // only on a re-run after the customer already answered
  await mail('survey', invitation);
  await surveys.recordSurveyStep({ ticketId, step: 'sent' });
  Object.assign(state, { stage: 'sent', sentAt: schedule.sendAt, expiresAt: schedule.expiresAt });

  if (schedule.remindAt !== null && !(await waitUntil(() => answered, schedule.remindAt))) {
    // Asked again rather than trusted to the signal: an answer whose signal is still on its way gets no reminder.
    const stillOpen = await invite();
    if (stillOpen === null) return finish('answered');
    await mail('survey_reminder', stillOpen);
    await surveys.recordSurveyStep({ ticketId, step: 'reminded' });
    state.stage = 'reminded';
  }

  if (await waitUntil(() => answered, schedule.expiresAt)) return finish('answered');
  const expired = await surveys.recordSurveyStep({ ticketId, step: 'expired' });
  return finish(expired ? 'expired' : 'answered');
}
