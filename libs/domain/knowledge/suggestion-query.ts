/** How many distinct words of a ticket a suggestion searches for: enough for its gist, bounded for the planner. */
export const SUGGESTION_TERMS_MAX = 40;

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'_]*/gu;

/**
 * The distinct words of the texts (a ticket's subject, then its description) a suggestion may search for, in their
 * first-seen order, the subject's first: lower-cased, single characters and the operator word `or` itself dropped;
 * stop words and stemming are left to PostgreSQL's english configuration.
 */
export function suggestionTerms(texts: readonly string[]): string[] {
  const terms = new Set<string>();
  for (const text of texts) {
    for (const [word] of text.normalize('NFKC').toLowerCase().matchAll(WORD)) {
      const term = word.replace(/'+$/u, '');
      if (term.length < 2 || term === 'or') continue;
      terms.add(term);
      if (terms.size === SUGGESTION_TERMS_MAX) return [...terms];
    }
  }
  return [...terms];
}

/** A websearch query matching what has ANY of the terms (`word1 or word2 or …`); null for no term. */
export function anyTermQuery(terms: readonly string[]): string | null {
  return terms.length > 0 ? terms.join(' or ') : null;
}

/**
 * A websearch query matching articles that share ANY word with the texts (see suggestionTerms): a whole ticket would
 * match nothing if every word were required. Ranking then prefers the articles sharing the most (and the
 * rarest-placed, title over body) words. null when no word is left.
 */
export function suggestionQuery(texts: readonly string[]): string | null {
  return anyTermQuery(suggestionTerms(texts));
}
