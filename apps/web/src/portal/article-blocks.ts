/** A block of an article's Markdown as the portal shows it: a heading, a paragraph, or a list. */
export type ArticleBlock =
  | { kind: 'heading'; level: 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] };

const HEADING = /^(#{1,6})\s+(.*)$/;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;

/**
 * The block structure of an article's Markdown (headings, paragraphs, lists), its text shown as written: enough to
 * read an answer on a phone, and nothing of it is ever injected as HTML. The page's own title is the only h1, so
 * article headings start at h2.
 */
export function articleBlocks(markdown: string): ArticleBlock[] {
  const blocks: ArticleBlock[] = [];
  let paragraph: string[] = [];
  const endParagraph = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    paragraph = [];
  };
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const heading = HEADING.exec(line);
    const item = BULLET.exec(line) ?? NUMBERED.exec(line);
    if (line.trim() === '') {
      endParagraph();
    } else if (heading) {
      endParagraph();
      blocks.push({ kind: 'heading', level: heading[1].length <= 2 ? 2 : 3, text: heading[2].trim() });
    } else if (item) {
      endParagraph();
      const ordered = !BULLET.test(line);
      const last = blocks.at(-1);
      if (last?.kind === 'list' && last.ordered === ordered) last.items.push(item[1].trim());
      else blocks.push({ kind: 'list', ordered, items: [item[1].trim()] });
    } else {
      paragraph.push(line.trim());
    }
  }
  endParagraph();
  return blocks;
}
