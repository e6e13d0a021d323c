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

  it('unescapes the text around several marks', () => {
    expect(highlightParts('Reset the <mark>VPN</mark> &amp; <mark>Wi-Fi</mark> &lt;now&gt;')).toEqual([
      { text: 'Reset the ', marked: false },
      { text: 'VPN', marked: true },
      { text: ' & ', marked: false },
      { text: 'Wi-Fi', marked: true },
      { text: ' <now>', marked: false },
    ]);
  });
});
