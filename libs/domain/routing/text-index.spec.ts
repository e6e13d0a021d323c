import { compileRoutingRules } from './evaluate-routing.js';
import { compileKeyword, containsKeyword, searchableText, type Keyword } from './keyword-match.js';
import type { RoutableTicket, RoutingRule } from './routing-rule.js';
import { TextIndex } from './text-index.js';

const kw = (raw: string): Keyword => compileKeyword(raw) as Keyword;

describe('TextIndex', () => {
  it('marks the criteria whose single-word keywords a text has, and the ones whose phrases it may have', () => {
    const index = new TextIndex();
    const refund = index.addKeywords([kw('refund'), kw('invoice')]);
    const phrase = index.addKeywords([kw('reset password')]);
    const wordless = index.addKeywords([kw('++')]);
    const login = index.addKeywords([kw('login'), kw('sso-login')]);
    const hits = index.scan(searchableText('Please reset my refund').words);
    expect([...hits.keywords]).toEqual([1, 0, 0, 0].map((v, slot) => (slot === refund ? 1 : v)));
    expect(hits.phrases[phrase]).toBe(1);
    expect(hits.phrases[wordless]).toBe(1);
    expect([hits.keywords[login], hits.phrases[login]]).toEqual([0, 0]);
  });

  it('finds pattern literals inside words, wherever they sit, sharing pieces or not', () => {
    const index = new TextIndex();
    for (const literal of ['inv', 'inv2041', 'inv2042', 'nv20', 'order', 'xyz']) index.addLiteral(literal);
    expect([...index.scan(searchableText('Re: INV2041 and reorders').words).literals].sort()).toEqual(
      ['inv', 'inv2041', 'nv20', 'order'].sort(),
    );
    expect(() => index.addLiteral('ab')).toThrow(RangeError);
  });
});

/** mulberry32 */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('routing with the text index decides exactly as a plain search would', () => {
  const random = prng(4);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  const vocabulary = ['reset', 'Password', 'inv-2041', 'INV2042', 'c++', 'café', 'login', 'sso', 'refund', 'refunds'];
  vocabulary.push('++', 'a.b', 'order#12', 'x');
  const patterns = ['inv-?\\d+', 'reset\\s+pass', 'refunds?\\b', '\\bsso\\b', 'c\\+\\+', 'caf.', 'login|sso'];
  patterns.push('inv2042', 'ORDER#\\d', 'pass(word)?', 'a\\.b', 'xyz\\d');
  const count = (from: number, to: number) => from + Math.floor(random() * (to - from + 1));
  const text = (words: number) => Array.from({ length: words }, () => pick(vocabulary)).join(pick([' ', '  ', '\n', ', ']));
  const keywords = () => Array.from({ length: count(1, 3) }, () => text(count(1, 2)));
  const ticketOf = (subject: string, description: string): RoutableTicket => ({
    ...{ channel: 'email', requesterEmail: 'a@b.co', organizationId: null, customerTier: null, priority: 'normal' },
    ...{ subject, description, fields: {}, arrivedAt: 0 },
  });

  const rules: RoutingRule[] = Array.from({ length: 60 }, (_, i) => ({
    id: `r${i}`,
    name: `R${i}`,
    position: i,
    criteria: i % 2 === 0 ? { keywords: keywords() } : { pattern: patterns[(i >> 1) % patterns.length] },
    result: { groupId: `g${i}`, requiredSkills: [], priorityAdjustment: 0, tags: [] },
  }));
  const tickets = Array.from({ length: 300 }, () => ({ subject: text(2), description: text(6) }));

  function plainlyMatches(rule: RoutingRule, subject: string, description: string): boolean {
    if (rule.criteria.pattern) return new RegExp(rule.criteria.pattern, 'i').test(`${subject}\n${description}`);
    const parts = searchableText(subject, description).parts;
    return rule.criteria.keywords!.some((k) => parts.some((part) => containsKeyword(part, kw(k))));
  }

  it('on random keywords, patterns and texts', () => {
    const compiled = compileRoutingRules(rules);
    const winners = new Set<string | null>();
    for (const { subject, description } of tickets) {
      const decision = compiled.route(ticketOf(subject, description), {});
      const expected = rules.find((rule) => plainlyMatches(rule, subject, description))?.id ?? null;
      const actual = decision.matched ? decision.rule.id : null;
      expect({ subject, description, actual }).toEqual({ subject, description, actual: expected });
      winners.add(actual);
    }
    expect(winners.size).toBeGreaterThan(5);
  });

  it('on each rule alone', () => {
    const outcomes = new Set<boolean>();
    for (const rule of rules) {
      const compiled = compileRoutingRules([rule]);
      for (const { subject, description } of tickets.slice(0, 60)) {
        const matched = compiled.route(ticketOf(subject, description), {}).matched;
        const expected = plainlyMatches(rule, subject, description);
        expect({ criteria: rule.criteria, subject, description, matched }).toEqual({
          ...{ criteria: rule.criteria, subject, description },
          matched: expected,
        });
        outcomes.add(matched);
      }
    }
    expect([...outcomes].sort()).toEqual([false, true]);
  });
});
