import { escapeHtml } from './escape-html.js';

describe('escapeHtml', () => {
  it.each<[string, string]>([
    ['plain text', 'plain text'],
    ['<script>alert("x")</script>', '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'],
    ["Tom & Jerry's", 'Tom &amp; Jerry&#39;s'],
    ['&lt; already escaped', '&amp;lt; already escaped'],
    ['<mark>', '&lt;mark&gt;'],
  ])('%p → %p', (text, escaped) => {
    expect(escapeHtml(text)).toBe(escaped);
  });
});
