/** Size limits at the API edge for configuration inputs; the domain validators judge the content. */
export const CONFIG_LIMITS = {
  nameMaxLength: 100,
  timeZoneMaxLength: 64,
  clockTimeMaxLength: 16,
  dateMaxLength: 16,
  intervalsMax: 100,
  holidaysMax: 500,
  conditionValuesMax: 100,
  conditionValueMaxLength: 100,
  targetsMax: 50,
  pauseRulesMax: 10,
  thresholdsMax: 20,
  stepsMax: 50,
  idMaxLength: 100,
} as const;

export const NOT_BLANK = /\S/;
