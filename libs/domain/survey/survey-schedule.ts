import type { SurveySettings } from './survey-settings.js';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** Epoch ms of a survey's steps, once its ticket reached the trigger at `triggeredAt`. */
export interface SurveySchedule {
  sendAt: number;
  /** null: no reminder. */
  remindAt: number | null;
  expiresAt: number;
}

/** Reminder and expiry count from the sending, not from the trigger. */
export function surveySchedule(settings: SurveySettings, triggeredAt: number): SurveySchedule {
  const sendAt = triggeredAt + settings.delayMinutes * MINUTE_MS;
  return {
    sendAt,
    remindAt: settings.reminderAfterDays === null ? null : sendAt + settings.reminderAfterDays * DAY_MS,
    expiresAt: sendAt + settings.expiresAfterDays * DAY_MS,
  };
}
