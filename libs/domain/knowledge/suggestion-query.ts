/** How many distinct words of a ticket a suggestion searches for: enough for its gist, bounded for the planner. */
export const SUGGESTION_TERMS_MAX = 40;

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'_]*/gu;

/**
 * A websearch query matching articles that share ANY word with the texts (a ticket's subject, then its description),
 * as `word1 or word2 or …`: a whole ticket would match nothing if every word were required. Ranking then prefers the
 * articles sharing the most (and the rarest-placed, title over body) words. Words keep their first-seen order, the
 * subject's first; single characters and the operator word `or` itself are dropped; stop words and stemming are left
 * to PostgreSQL's english configuration. null when no word is left.
 */
export function suggestionQuery(texts: readonly string[]): string | null {
  const terms = new Set<string>();
  for (const text of texts) {
    for (const [word] of text.normalize('NFKC').toLowerCase().matchAll(WORD)) {
      const term = word.replace(/'+$/u, '');
      if (term.length < 2 || term === 'or') continue;
      terms.add(term);
      if (terms.size === SUGGESTION_TERMS_MAX) return [...terms].join(' or ');
    }
  }
  return terms.size > 0 ? [...terms].join(' or ') : null;
}
