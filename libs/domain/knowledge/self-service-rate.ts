/** Public knowledge searches over a period, and how many of them led to opening an article. */
export interface SearchOutcomes {
  searches: number;
  searchesWithClick: number;
}

/**
 * The self-service rate: the share of public searches after which the customer opened (clicked) a result, i.e.
 * searches with a click / all public searches. null when there was no search (no rate, rather than 0 or 1).
 */
export function selfServiceRate({ searches, searchesWithClick }: SearchOutcomes): number | null {
  if (!Number.isInteger(searches) || !Number.isInteger(searchesWithClick) || searchesWithClick < 0 || searchesWithClick > searches) {
    throw new RangeError(`Invalid search counts: ${searchesWithClick} with a click out of ${searches}.`);
  }
  return searches === 0 ? null : searchesWithClick / searches;
}
