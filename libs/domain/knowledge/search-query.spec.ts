import { normalizeSearchQuery } from './search-query.js';

describe('normalizeSearchQuery', () => {
  it.each<[string, string, string | null]>([
    ['plain words stay', 'reset password', 'reset password'],
    ['trims and collapses whitespace', '  reset \t\n  password  ', 'reset password'],
    ['control characters become spaces', 'reset\u0000password\u0007', 'reset password'],
    ['full-width letters become plain (NFKC)', 'ｐａｓｓｗｏｒｄ', 'password'],
    ['ligatures unfold (NFKC)', 'conﬁgure', 'configure'],
    ['websearch syntax is kept', '"single sign-on" or saml -okta', '"single sign-on" or saml -okta'],
    ['digits are something to search for', ' 2fa ', '2fa'],
    ['non-Latin letters count', 'пароль', 'пароль'],
    ['empty', '', null],
    ['only whitespace', ' \t\n ', null],
    ['only punctuation and operators', ' "" - ( ) ', null],
  ])('%s', (_case, raw, expected) => {
    expect(normalizeSearchQuery(raw)).toBe(expected);
  });
});
