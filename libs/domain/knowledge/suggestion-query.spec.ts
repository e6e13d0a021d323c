import { SUGGESTION_TERMS_MAX, anyTermQuery, suggestionQuery, suggestionTerms } from './suggestion-query.js';

describe('suggestionQuery', () => {
  it.each<[string, string[], string | null]>([
    ['any word of the subject may match', ['Cannot sign in'], 'cannot or sign or in'],
    ['subject words first, then new words of the description', ['Invoice wrong', 'The invoice total is wrong.'], 'invoice or wrong or the or total or is'],
    ['lower-cased and de-duplicated', ['VPN vpn Vpn'], 'vpn'],
    ['punctuation and websearch operators do not leak into the query', ['"quoted" -minus (paren) a|b'], 'quoted or minus or paren'],
    ['single characters and the word "or" are dropped', ['a or b or cd'], 'cd'],
    ['a trailing apostrophe goes, an inner one stays', ["customers' can't"], "customers or can't"],
    ['digits count as words', ['Error 502 on checkout'], 'error or 502 or on or checkout'],
    ['nothing to search for', ['', '!!! ?'], null],
  ])('%s', (_case, texts, expected) => {
    expect(suggestionQuery(texts)).toBe(expected);
  });

  it(`keeps the first ${SUGGESTION_TERMS_MAX} distinct words`, () => {
    const words = Array.from({ length: SUGGESTION_TERMS_MAX + 10 }, (_, i) => `word${i}`);
    const query = suggestionQuery([words.join(' ')]);
    expect(query!.split(' or ')).toEqual(words.slice(0, SUGGESTION_TERMS_MAX));
  });
});

describe('suggestionTerms', () => {
  it('is the words suggestionQuery ORs, in the same order', () => {
    const texts = ['Invoice wrong', 'The invoice total is wrong.'];
    expect(suggestionTerms(texts)).toEqual(['invoice', 'wrong', 'the', 'total', 'is']);
    expect(anyTermQuery(suggestionTerms(texts))).toBe(suggestionQuery(texts));
  });

  it('is empty when nothing is left, and anyTermQuery then null', () => {
    expect(suggestionTerms(['!!! a'])).toEqual([]);
    expect(anyTermQuery([])).toBeNull();
  });
});
