import { discriminatingTerms, type TermFrequency } from './suggestion-query-terms.js';

const frequencies = (entries: Array<[string, number]>): TermFrequency[] => entries.map(([term, articles]) => ({ term, articles }));

describe('discriminatingTerms', () => {
  it.each<[string, Array<[string, number]>, number, string[]]>([
    ['keeps every word while their matches stay within the limit', [['printer', 40], ['toner', 3], ['jam', 12]], 100, ['printer', 'toner', 'jam']],
    [
      'takes the rarest first and leaves out the common words past the limit, in the ticket order',
      [['wrong', 3400], ['invoice', 2200], ['pdf', 90], ['something', 3300]],
      2500,
      ['invoice', 'pdf'],
    ],
    ['keeps the rarest word alone when even it is past the limit', [['invoice', 2261], ['something', 3317], ['wrong', 3401]], 1500, ['invoice']],
    ['stops at the first word that does not fit (every later one is commoner)', [['a1', 10], ['b2', 95], ['c3', 96]], 100, ['a1']],
    ['leaves out words no article has: they cannot match', [['333334', 0], ['invoice', 2261], ['fails', 0]], 1500, ['invoice']],
    ['breaks ties by the ticket order', [['first', 60], ['second', 60], ['third', 60]], 130, ['first', 'second']],
    ['nothing when no word is in any article', [['zzz', 0]], 1500, []],
    ['nothing for no word', [], 1500, []],
  ])('%s', (_case, entries, matchesMax, expected) => {
    expect(discriminatingTerms(frequencies(entries), matchesMax)).toEqual(expected);
  });
});
