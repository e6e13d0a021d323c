import { highlightParts } from './highlight';

describe('search highlights', () => {
  it('splits marked matches from the rest and unescapes the text', () => {
    expect(highlightParts('Reset the <mark>VPN</mark> &amp; <mark>Wi-Fi</mark> &lt;now&gt;')).toEqual([
      { text: 'Reset the ', marked: false },
      { text: 'VPN', marked: true },
      { text: ' & ', marked: false },
      { text: 'Wi-Fi', marked: true },
      { text: ' <now>', marked: false },
    ]);
  });
});
