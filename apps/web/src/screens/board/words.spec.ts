import { enumWord } from './words';

describe('enum values as words', () => {
  it.each([
    ['URGENT', 'Urgent'],
    ['ON_HOLD', 'On hold'],
    ['FIRST_REPLY', 'First reply'],
  ])('%s', (value, word) => expect(enumWord(value)).toBe(word));
});
