import { headingLevel, parseInline, parseMarkdown, safeHref } from './markdown';

describe('article Markdown', () => {
  it('reads headings, paragraphs, lists, quotes, code and rules', () => {
    const blocks = parseMarkdown('# Reset a password\n\nOpen the\nsettings.\n\n- one\n- two\n\n1. first\n2) second\n\n> note\n\n```\ncode *here*\n```\n---');
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, children: [{ kind: 'text', text: 'Reset a password' }] },
      { kind: 'paragraph', children: [{ kind: 'text', text: 'Open the settings.' }] },
      { kind: 'list', ordered: false, items: [[{ kind: 'text', text: 'one' }], [{ kind: 'text', text: 'two' }]] },
      { kind: 'list', ordered: true, items: [[{ kind: 'text', text: 'first' }], [{ kind: 'text', text: 'second' }]] },
      { kind: 'quote', children: [{ kind: 'text', text: 'note' }] },
      { kind: 'code', text: 'code *here*' },
      { kind: 'rule' },
    ]);
  });

  it('reads bold, italics, inline code and links, leaving snake_case words alone', () => {
    expect(parseInline('Press **Save** or _Cancel_ in `settings`, see [the guide](https://example.com/g) and my_file_name')).toEqual([
      { kind: 'text', text: 'Press ' },
      { kind: 'strong', children: [{ kind: 'text', text: 'Save' }] },
      { kind: 'text', text: ' or ' },
      { kind: 'em', children: [{ kind: 'text', text: 'Cancel' }] },
      { kind: 'text', text: ' in ' },
      { kind: 'code', text: 'settings' },
      { kind: 'text', text: ', see ' },
      { kind: 'link', href: 'https://example.com/g', children: [{ kind: 'text', text: 'the guide' }] },
      { kind: 'text', text: ' and my_file_name' },
    ]);
  });

  it('keeps only safe link targets', () => {
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('//evil.example')).toBeNull();
    expect(safeHref('/portal/articles/1')).toBe('/portal/articles/1');
    expect(safeHref('mailto:help@example.com')).toBe('mailto:help@example.com');
    expect(parseInline('[click](javascript:alert(1))')).toEqual([{ kind: 'text', text: 'click' }, { kind: 'text', text: ')' }]);
  });

  it('reads CRLF bodies, joins paragraph lines and ends a list at the next paragraph', () => {
    expect(parseMarkdown('## Steps\r\n- Open the mail\n* Follow the link\n\n1. Type it\n2) Confirm\nDone.')).toEqual([
      { kind: 'heading', level: 2, children: [{ kind: 'text', text: 'Steps' }] },
      { kind: 'list', ordered: false, items: [[{ kind: 'text', text: 'Open the mail' }], [{ kind: 'text', text: 'Follow the link' }]] },
      { kind: 'list', ordered: true, items: [[{ kind: 'text', text: 'Type it' }], [{ kind: 'text', text: 'Confirm' }]] },
      { kind: 'paragraph', children: [{ kind: 'text', text: 'Done.' }] },
    ]);
  });

  it('keeps markup as text, and has no blocks for an empty body', () => {
    expect(parseMarkdown('<script>alert(1)</script>')).toEqual([{ kind: 'paragraph', children: [{ kind: 'text', text: '<script>alert(1)</script>' }] }]);
    expect(parseMarkdown('\n\n')).toEqual([]);
  });

  it('opens # and ## headings at the page\'s first level below its title, deeper ones below that, never past h6', () => {
    expect([1, 2, 3, 4].map((level) => headingLevel(level, 2))).toEqual([2, 2, 3, 4]);
    expect([1, 2, 3, 6].map((level) => headingLevel(level, 3))).toEqual([3, 3, 4, 6]);
  });
});
