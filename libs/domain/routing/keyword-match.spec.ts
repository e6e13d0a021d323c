import { compileKeyword, keywordImplies, mentions, partMentioning, searchableText, type Keyword } from './keyword-match.js';

const kw = (raw: string): Keyword => compileKeyword(raw) as Keyword;

describe('compileKeyword', () => {
  it.each<[string, Omit<Keyword, 'words'> & { words: string[] } | null]>([
    ['Refund', { text: 'refund', boundaryBefore: true, boundaryAfter: true, words: ['refund'], single: true }],
    ['  Reset \t PASSWORD ', { text: 'reset password', boundaryBefore: true, boundaryAfter: true, words: ['reset', 'password'], single: false }],
    ['C++', { text: 'c++', boundaryBefore: true, boundaryAfter: false, words: ['c'], single: false }],
    ['.NET', { text: '.net', boundaryBefore: false, boundaryAfter: true, words: ['net'], single: false }],
    ['++', { text: '++', boundaryBefore: false, boundaryAfter: false, words: [], single: false }],
    ['Ünïcode_2', { text: 'ünïcode_2', boundaryBefore: true, boundaryAfter: true, words: ['ünïcode_2'], single: true }],
    ['😀 ok', { text: '😀 ok', boundaryBefore: false, boundaryAfter: true, words: ['ok'], single: false }],
    ['   ', null],
    ['', null],
  ])('%j', (raw, expected) => {
    expect(compileKeyword(raw)).toEqual(expected);
  });
});

describe('mentions: whole words, case-insensitive, in any part but never across two', () => {
  const text = searchableText('Login FAILS after SSO-migration', 'Error E42 on the “reset  password” page 😀ok\nc++ build');
  it.each<[string, boolean, number]>([
    ['login', true, 0],
    ['fails after', true, 0],
    ['sso', true, 0],
    ['migration', true, 0],
    ['sso-migration', true, 0],
    ['so', false, -1],
    ['migra', false, -1],
    ['e42', true, 1],
    ['e4', false, -1],
    ['reset password', true, 1],
    ['“reset', true, 1],
    ['migration error', false, -1],
    ['😀ok', true, 1],
    ['ok', true, 1],
    ['c++', true, 1],
    ['c++ build', true, 1],
    ['ok c++', true, 1],
  ])('%s → %s', (raw, found, part) => {
    expect(mentions(text, kw(raw))).toBe(found);
    expect(partMentioning(text, kw(raw))).toBe(part);
  });

  it('finds a later whole-word occurrence after a partial one', () => {
    expect(mentions(searchableText('refunded, then a refund'), kw('refund'))).toBe(true);
    expect(mentions(searchableText('xc++ then c++'), kw('c++'))).toBe(true);
  });
});

describe('keywordImplies: every text with the first keyword has the second', () => {
  it.each<[string, string, boolean]>([
    ['refund', 'refund', true],
    ['Refund  request', 'refund', true],
    ['refund request', 'request', true],
    ['full refund request', 'refund', true],
    ['refund', 'refund request', false],
    ['refunds', 'refund', false],
    ['prefund', 'fund', false],
    ['sso-login', 'sso', true],
    ['sso-login', 'login', true],
    ['sso-login', 'o-l', false],
    ['c++ build', 'c++', true],
    ['c++', 'c', true],
    ['c', 'c++', false],
    ['asp.net', '.net', true],
    ['asp.net', 'net', true],
    ['asp.net', 'asp.net core', false],
  ])('%s ⇒ %s: %s', (k, e, expected) => {
    expect(keywordImplies(kw(k), kw(e))).toBe(expected);
  });

  it('is sound: whenever a text mentions k, it mentions e (checked on sample texts)', () => {
    const keywords = ['refund', 'refund request', 'c++', 'c', '.net', 'asp.net', 'net', 'sso-login', 'login', 'a b', 'b'];
    const texts = ['A refund request', 'xrefund request', 'c++ and asp.net', 'sso-login.net', 'a  b', 'c++x', 'asp.netx', '_c++', 'ab'];
    for (const k of keywords) {
      for (const e of keywords) {
        if (!keywordImplies(kw(k), kw(e))) continue;
        for (const t of texts) {
          if (mentions(searchableText(t), kw(k))) expect({ k, e, t, mentioned: mentions(searchableText(t), kw(e)) }).toEqual({ k, e, t, mentioned: true });
        }
      }
    }
  });
});
