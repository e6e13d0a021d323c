import { surveySchedule } from './survey-schedule.js';
import { surveySettingsError, surveyTriggerReached, type SurveySettings } from './survey-settings.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const T = Date.UTC(2026, 10, 23, 10, 0);
const settings = (overrides: Partial<SurveySettings> = {}): SurveySettings => ({
  enabled: true,
  trigger: 'closed',
  delayMinutes: 60,
  reminderAfterDays: 3,
  expiresAfterDays: 7,
  ...overrides,
});

describe('surveySchedule', () => {
  it.each<[string, Partial<SurveySettings>, { sendAt: number; remindAt: number | null; expiresAt: number }]>([
    ['delay, then reminder and expiry counted from the sending', {}, { sendAt: T + 60 * MINUTE, remindAt: T + 60 * MINUTE + 3 * DAY, expiresAt: T + 60 * MINUTE + 7 * DAY }],
    ['no delay: sent at the trigger', { delayMinutes: 0 }, { sendAt: T, remindAt: T + 3 * DAY, expiresAt: T + 7 * DAY }],
    ['no reminder', { reminderAfterDays: null, expiresAfterDays: 1 }, { sendAt: T + 60 * MINUTE, remindAt: null, expiresAt: T + 60 * MINUTE + DAY }],
  ])('%s', (_case, overrides, expected) => {
    expect(surveySchedule(settings(overrides), T)).toEqual(expected);
  });
});

describe('surveySettingsError', () => {
  it.each<[Partial<SurveySettings>, string | null]>([
    [{}, null],
    [{ delayMinutes: 0, reminderAfterDays: null, expiresAfterDays: 1 }, null],
    [{ delayMinutes: 43_200, reminderAfterDays: 60, expiresAfterDays: 90 }, null],
    [{ delayMinutes: -1 }, 'delayMinutes must be a whole number from 0 to 43200.'],
    [{ delayMinutes: 43_201 }, 'delayMinutes must be a whole number from 0 to 43200.'],
    [{ delayMinutes: 1.5 }, 'delayMinutes must be a whole number from 0 to 43200.'],
    [{ reminderAfterDays: 0 }, 'reminderAfterDays must be a whole number from 1 to 60.'],
    [{ expiresAfterDays: 0 }, 'expiresAfterDays must be a whole number from 1 to 90.'],
    [{ expiresAfterDays: 91 }, 'expiresAfterDays must be a whole number from 1 to 90.'],
    [{ reminderAfterDays: 7, expiresAfterDays: 7 }, expect.stringContaining('reminderAfterDays (7) must be less than expiresAfterDays (7)')],
  ])('%p → %p', (overrides, error) => {
    expect(surveySettingsError(settings(overrides))).toEqual(error);
  });
});

describe('surveyTriggerReached', () => {
  it.each<['solved' | 'closed', string, boolean]>([
    ['solved', 'solved', true],
    ['solved', 'closed', true],
    ['solved', 'open', false],
    ['closed', 'solved', false],
    ['closed', 'closed', true],
    ['closed', 'pending', false],
  ])('trigger %s, ticket %s → %p', (trigger, status, reached) => {
    expect(surveyTriggerReached(trigger, status)).toBe(reached);
  });
});
