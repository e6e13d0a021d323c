/** When a ticket's satisfaction survey goes out, is reminded and expires; admins edit it, each survey keeps a copy. */
export interface SurveySettings {
  enabled: boolean;
  /** The ticket status that starts the countdown: `solved`, or `closed` (after the auto-close or by hand). */
  trigger: SurveyTrigger;
  /** Minutes between the trigger and sending; 0 sends at once. */
  delayMinutes: number;
  /** Days after sending a reminder goes out if unanswered; null: no reminder. Less than `expiresAfterDays`. */
  reminderAfterDays: number | null;
  /** Days after sending the link stops working. */
  expiresAfterDays: number;
  /**
   * Whether the survey also asks the NPS question (0 to 10). Optional because surveys started before the option
   * existed keep a copy without it: absent means not asked.
   */
  askNps?: boolean;
}

export const SURVEY_TRIGGERS = ['solved', 'closed'] as const;
export type SurveyTrigger = (typeof SURVEY_TRIGGERS)[number];

export const SURVEY_SETTING_LIMITS = {
  delayMinutes: { min: 0, max: 30 * 24 * 60 },
  reminderAfterDays: { min: 1, max: 60 },
  expiresAfterDays: { min: 1, max: 90 },
} as const;

/** Why the settings cannot be used, or null when they can. */
export function surveySettingsError(settings: SurveySettings): string | null {
  for (const field of ['delayMinutes', 'reminderAfterDays', 'expiresAfterDays'] as const) {
    const value = settings[field];
    if (value === null) continue;
    const { min, max } = SURVEY_SETTING_LIMITS[field];
    if (!Number.isInteger(value) || value < min || value > max) return `${field} must be a whole number from ${min} to ${max}.`;
  }
  if (settings.reminderAfterDays !== null && settings.reminderAfterDays >= settings.expiresAfterDays) {
    return `reminderAfterDays (${settings.reminderAfterDays}) must be less than expiresAfterDays (${settings.expiresAfterDays}): a reminder after the link expired is no use.`;
  }
  return null;
}

/** Whether a ticket in `status` has reached the survey's trigger (a closed ticket has been solved, too). */
export function surveyTriggerReached(trigger: SurveyTrigger, status: string): boolean {
  return status === 'closed' || (trigger === 'solved' && status === 'solved');
}
