import { requiredLiteral } from './required-literal.js';

describe('requiredLiteral', () => {
  it.each<[string, string | null]>([
    ['refund', 'refund'],
    ['ReFund', 'refund'],
    ['inv-\\d{4,}', 'inv'],
    ['\\border\\s*#\\d+', 'order'],
    ['abc+def', 'def'],
    ['abcd?ef', 'abc'],
    ['abcd{2}ef', 'abc'],
    ['x{2,}yz1', 'yz1'],
    ['abc|defgh', null],
    ['(abc|def)ghij', 'ghij'],
    ['(?:longliteral)?abc', 'abc'],
    ['(?=lookahead)abc', 'abc'],
    ['[abcdef]gh', null],
    ['\\x41BCD', 'bcd'],
    ['\\u0041bcd', 'bcd'],
    ['\\cJabc', 'abc'],
    ['(?<n>x)\\k<n>abc', 'abc'],
    ['(x)\\12345', null],
    ['a.b.c', null],
    ['ab', null],
    ['\\d+', null],
    ['résumé', 'sum'],
    ['caf\\u00e9 latte', 'latte'],
  ])('%s → %s', (pattern, expected) => {
    expect(requiredLiteral(pattern)).toBe(expected);
  });

  it('is in the lowercased text whenever the pattern matches (sample patterns and texts)', () => {
    const patterns = ['refund', 'inv-\\d{4,}', 'abc+def', 'abcd?ef', 'x{2,}yz1', '(abc|def)ghij', 'ORDER\\s*#\\d+', '\\x41BCD'];
    const texts = ['REFUND please', 'Inv-20411', 'abcccDEF', 'ABCEF', 'xxxYZ1', 'defGHIJ', 'order #12', 'aBcD', 'İnv-1234 REFUND'];
    for (const pattern of patterns) {
      const literal = requiredLiteral(pattern);
      for (const text of texts) {
        if (literal !== null && new RegExp(pattern, 'i').test(text)) expect(text.toLowerCase()).toContain(literal);
      }
    }
  });
});
