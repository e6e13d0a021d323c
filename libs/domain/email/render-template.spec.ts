import { placeholdersOf, renderHeaderLine, renderTemplate, textToHtml } from './render-template.js';

describe('renderTemplate', () => {
  it.each<[string, Record<string, string>, string, string[]]>([
    ['Hello {{customer.name}}', { 'customer.name': 'Ana' }, 'Hello Ana', []],
    ['Hello {{ customer.name }}!', { 'customer.name': 'Ana' }, 'Hello Ana!', []],
    ['#{{ticket.number}} {{ticket.number}}', { 'ticket.number': '7' }, '#7 7', []],
    ['Hello {{customer.name}}', {}, 'Hello ', ['customer.name']],
    // a value that looks like a placeholder is text, never looked up (no template injection)
    ['Re: {{ticket.subject}}', { 'ticket.subject': '{{agent.name}}', 'agent.name': 'secret' }, 'Re: {{agent.name}}', []],
    // prototype members are not variables
    ['{{constructor}}{{toString}}', {}, '', ['constructor', 'toString']],
    // no expressions: anything but a dotted name stays as written
    ['{{ 1 + 1 }} {{a[0]}} {{#each x}} {{', {}, '{{ 1 + 1 }} {{a[0]}} {{#each x}} {{', []],
  ])('%j with %j → %j, missing %j', (source, variables, text, missing) => {
    expect(renderTemplate(source, variables)).toEqual({ text, missing });
  });

  it('leaves HTML in values alone in the text part: escaping belongs to the HTML part', () => {
    expect(renderTemplate('{{message.body}}', { 'message.body': '<b>x</b>' }).text).toBe('<b>x</b>');
  });
});

describe('renderHeaderLine', () => {
  it('keeps a value with line breaks on one line, so it cannot add a header', () => {
    expect(renderHeaderLine('Re: {{ticket.subject}}', { 'ticket.subject': 'Hi\r\nBcc: victim@example.com' }).text).toBe(
      'Re: Hi Bcc: victim@example.com',
    );
  });
});

describe('textToHtml', () => {
  it('escapes markup and quotes, and keeps paragraphs and line breaks', () => {
    expect(textToHtml('<script>alert("x")</script> & \'y\'\nnext line\n\nnew paragraph')).toBe(
      '<!doctype html><html><body><p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;<br>next line</p>\n<p>new paragraph</p></body></html>',
    );
  });
});

describe('placeholdersOf', () => {
  it('lists each variable once, in order of first use', () => {
    expect(placeholdersOf('{{b}} {{ a.x }} {{b}} {{ not valid }}')).toEqual(['b', 'a.x']);
  });
});
