/** The longest search text accepted, after normalisation. */
export const SEARCH_QUERY_MAX_LENGTH = 200;

/**
 * What a person typed, as the search runs it and the search log keeps it: Unicode-normalised (NFKC, so full-width and
 * ligature forms match their plain letters), control characters dropped, whitespace collapsed. null when nothing is
 * left to search for. The text stays in websearch syntax ("quoted phrases", `or`, `-excluded`), which PostgreSQL's
 * websearch_to_tsquery parses without ever failing.
 */
export function normalizeSearchQuery(raw: string): string | null {
  const text = raw
    .normalize('NFKC')
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  return /[\p{L}\p{N}]/u.test(text) ? text : null;
}
