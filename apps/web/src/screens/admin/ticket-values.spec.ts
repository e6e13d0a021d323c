import { enumLabel } from './ticket-values';

describe('enum labels', () => {
  it('reads an enum value as words', () => {
    expect(enumLabel('FIRST_REPLY')).toBe('First reply');
    expect(enumLabel('EMAIL')).toBe('Email');
    expect(enumLabel('API')).toBe('API');
  });
});
