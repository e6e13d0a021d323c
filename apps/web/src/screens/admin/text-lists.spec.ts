import { formatList, parseList, toggled } from './text-lists';

describe('text lists', () => {
  it('parses a comma-separated entry without blanks or repeats', () => {
    expect(parseList(' billing, refunds ,,billing, ')).toEqual(['billing', 'refunds']);
    expect(parseList('   ')).toEqual([]);
  });

  it('formats a list back for editing', () => {
    expect(formatList(['a', 'b'])).toBe('a, b');
  });

  it('toggles a value on and off', () => {
    expect(toggled(['AGENT'], 'ADMIN', true)).toEqual(['AGENT', 'ADMIN']);
    expect(toggled(['AGENT', 'ADMIN'], 'AGENT', false)).toEqual(['ADMIN']);
    expect(toggled(['AGENT'], 'AGENT', true)).toEqual(['AGENT']);
  });
});
