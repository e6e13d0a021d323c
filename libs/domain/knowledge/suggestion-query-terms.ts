/** A word of a suggestion and in how many of the articles it may suggest that word is (0: in none). */
export interface TermFrequency {
  term: string;
  articles: number;
}

/**
 * The words a suggestion searches for: the rarest first, as long as the articles they match together (the sum of
 * their frequencies) stay within `matchesMax`, the rarest always; in the ticket's order. A common word ("wrong",
 * "something") matches thousands of articles, which are all ranked (slow) and crowd out the few about the ticket's
 * subject; the rarest words are what tells those apart. Words in no article are left out: they cannot match. With few
 * articles every word is kept. Empty when no word is in any article.
 */
export function discriminatingTerms(frequencies: readonly TermFrequency[], matchesMax: number): string[] {
  const present = frequencies.filter((frequency) => frequency.articles > 0);
  const rarestFirst = [...present].sort((a, b) => a.articles - b.articles);
  const kept = new Set<string>();
  let matches = 0;
  for (const { term, articles } of rarestFirst) {
    if (kept.size > 0 && matches + articles > matchesMax) break;
    kept.add(term);
    matches += articles;
  }
  return present.filter((frequency) => kept.has(frequency.term)).map((frequency) => frequency.term);
}
