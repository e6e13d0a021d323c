import { articleBlocks } from './article-blocks';

describe('articleBlocks', () => {
  it('reads headings (from h2), paragraphs joined across lines, and bullet and numbered lists', () => {
    const markdown = '# Reset your password\r\nOpen the sign-in page\nand choose "Forgot".\n\n## Steps\n- Open the mail\n* Follow the link\n\n1. Type it\n2) Confirm\nDone.';
    expect(articleBlocks(markdown)).toEqual([
      { kind: 'heading', level: 2, text: 'Reset your password' },
      { kind: 'paragraph', text: 'Open the sign-in page and choose "Forgot".' },
      { kind: 'heading', level: 2, text: 'Steps' },
      { kind: 'list', ordered: false, items: ['Open the mail', 'Follow the link'] },
      { kind: 'list', ordered: true, items: ['Type it', 'Confirm'] },
      { kind: 'paragraph', text: 'Done.' },
    ]);
  });

  it('keeps markup as text and makes deeper headings h3', () => {
    expect(articleBlocks('### Note\n<script>alert(1)</script>')).toEqual([
      { kind: 'heading', level: 3, text: 'Note' },
      { kind: 'paragraph', text: '<script>alert(1)</script>' },
    ]);
  });

  it('has no blocks for an empty body', () => {
    expect(articleBlocks('\n\n')).toEqual([]);
  });
});
