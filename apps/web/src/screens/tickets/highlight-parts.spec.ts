import { highlightParts } from './highlight-parts';

describe('highlightParts', () => {
  it('splits marks from text and unescapes both, so nothing is rendered as HTML', () => {
    expect(highlightParts('Reset your <mark>password</mark> &amp; &lt;b&gt;')).toEqual([
      { text: 'Reset your ', marked: false },
      { text: 'password', marked: true },
      { text: ' & <b>', marked: false },
    ]);
  });

  it('keeps a text without marks whole', () => {
    expect(highlightParts('Plain')).toEqual([{ text: 'Plain', marked: false }]);
  });
});
