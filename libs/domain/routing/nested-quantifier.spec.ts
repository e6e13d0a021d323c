import { findNestedQuantifier } from './nested-quantifier.js';

describe('findNestedQuantifier', () => {
  it.each<[string, string | null]>([
    ['(a+)+', '(a+)+'],
    ['^(a*)*$', '(a*)*'],
    ['(\\w+\\s?)*x', '(\\w+\\s?)*'],
    ['(?:x*y)+', '(?:x*y)+'],
    ['((ab)+c)+', '((ab)+c)+'],
    ['(a{2,})+', '(a{2,})+'],
    ['(a+){3,}', '(a+){3,}'],
    ['(a+)+?', '(a+)+?'],
    ['(?<word>\\w+)*', '(?<word>\\w+)*'],
    ['(a+)?', null],
    ['(a+){2,5}', null],
    ['(a{2,5})+', null],
    ['(ab)+', null],
    ['a+b*', null],
    ['([a-z+*]x)+', null],
    ['(\\+x)+', null],
    ['\\(a+\\)+', null],
    ['(?=a+)b', null],
    ['inv-\\d{4,}', null],
  ])('%s → %s', (pattern, expected) => {
    expect(findNestedQuantifier(pattern)).toBe(expected);
  });
});
