/** Size limits at the API edge for knowledge inputs. */
export const KNOWLEDGE_LIMITS = {
  titleMaxLength: 200,
  bodyMaxLength: 100_000,
  tagsMax: 20,
  tagMaxLength: 50,
  searchPageMax: 50,
  publicSearchPageMax: 20,
  suggestionsMax: 20,
  suggestionTextMaxLength: 20_000,
} as const;
