import { enumLabel } from './enum-label';

describe('enumLabel', () => {
  it.each([
    ['URGENT', 'Urgent'],
    ['ON_HOLD', 'On hold'],
    ['FIRST_REPLY', 'First reply'],
    ['EMAIL', 'Email'],
    ['API', 'API'],
  ])('%s', (value, label) => expect(enumLabel(value)).toBe(label));
});
