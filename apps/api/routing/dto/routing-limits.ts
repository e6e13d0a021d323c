/** Size limits at the API edge for routing inputs; the domain validator judges the content. */
export const ROUTING_LIMITS = {
  nameMaxLength: 100,
  valuesMax: 100,
  valueMaxLength: 254,
  fieldsMax: 20,
  patternMaxLength: 1000,
  keywordsMax: 50,
  skillsMax: 50,
  tagsMax: 20,
  groupsMax: 50,
  languagesMax: 20,
  workingHoursMax: 50,
  scenariosMax: 1000,
  draftRulesMax: 1000,
} as const;
