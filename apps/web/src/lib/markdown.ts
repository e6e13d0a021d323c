/**
 * A small Markdown reader for knowledge articles, shared by the portal's article page and the admin's preview (so the
 * preview shows what customers will see): the block and inline forms articles use (headings, paragraphs, lists, block
 * quotes, code, rules; bold, italics, inline code, links). It builds a tree rendered as React elements, never HTML
 * strings, so an article cannot inject markup; links keep only http(s), mailto and relative targets.
 */
export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong' | 'em'; children: Inline[] }
  | { kind: 'code'; text: string }
  | { kind: 'link'; href: string; children: Inline[] };

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: Inline[] }
  | { kind: 'paragraph'; children: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  | { kind: 'quote'; children: Inline[] }
  | { kind: 'code'; text: string }
  | { kind: 'rule' };

const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const FENCE = /^\s*(```|~~~)/;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;
const QUOTE = /^\s*>\s?(.*)$/;
const RULE = /^\s*(?:[-*_]\s*){3,}$/;

export function parseMarkdown(markdown: string): Block[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index];
    if (line.trim() === '') {
      index += 1;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const code: string[] = [];
      index += 1;
      while (index < lines.length && !lines[index].trim().startsWith(fence[1])) code.push(lines[index++]);
      index += 1; // the closing fence (or the end)
      blocks.push({ kind: 'code', text: code.join('\n') });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ kind: 'heading', level: heading[1].length as 1 | 2 | 3 | 4 | 5 | 6, children: parseInline(heading[2]) });
      index += 1;
      continue;
    }
    if (RULE.test(line)) {
      blocks.push({ kind: 'rule' });
      index += 1;
      continue;
    }
    const listPattern = BULLET.test(line) ? BULLET : NUMBERED.test(line) ? NUMBERED : null;
    if (listPattern) {
      const items: Inline[][] = [];
      for (let item = listPattern.exec(lines[index]); item; item = index < lines.length ? listPattern.exec(lines[index]) : null) {
        items.push(parseInline(item[1]));
        index += 1;
      }
      blocks.push({ kind: 'list', ordered: listPattern === NUMBERED, items });
      continue;
    }
    if (QUOTE.test(line)) {
      const quoted: string[] = [];
      for (let quote = QUOTE.exec(lines[index]); quote; quote = index < lines.length ? QUOTE.exec(lines[index]) : null) {
        quoted.push(quote[1]);
        index += 1;
      }
      blocks.push({ kind: 'quote', children: parseInline(quoted.join(' ')) });
      continue;
    }
    const paragraph: string[] = [];
    while (index < lines.length && lines[index].trim() !== '' && !startsBlock(lines[index])) paragraph.push(lines[index++].trim());
    blocks.push({ kind: 'paragraph', children: parseInline(paragraph.join(' ')) });
  }
  return blocks;
}

function startsBlock(line: string): boolean {
  return [FENCE, HEADING, BULLET, NUMBERED, QUOTE, RULE].some((pattern) => pattern.test(line));
}

// The first inline form at or after a position: code, link, bold, italics (in that order of precedence).
const INLINE = /`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)|(\*\*|__)(?=\S)(.+?)(?<=\S)\4|(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\6(?![\w*])/;

export function parseInline(text: string): Inline[] {
  const parts: Inline[] = [];
  let rest = text;
  for (let match = INLINE.exec(rest); match; match = INLINE.exec(rest)) {
    const before = rest.slice(0, match.index);
    if (before) parts.push({ kind: 'text', text: before });
    if (match[1] !== undefined) parts.push({ kind: 'code', text: match[1] });
    else if (match[2] !== undefined) {
      const href = safeHref(match[3]);
      parts.push(href ? { kind: 'link', href, children: parseInline(match[2]) } : { kind: 'text', text: match[2] });
    } else if (match[4] !== undefined) parts.push({ kind: 'strong', children: parseInline(match[5]) });
    else parts.push({ kind: 'em', children: parseInline(match[7]) });
    rest = rest.slice(match.index + match[0].length);
  }
  if (rest) parts.push({ kind: 'text', text: rest });
  return parts;
}

/** The link target when it is safe to follow (web, mail, or a path on this site); javascript: and the like are dropped. */
export function safeHref(href: string): string | null {
  if (/^(https?:|mailto:)/i.test(href)) return href;
  if (/^[/#?]/.test(href) && !href.startsWith('//')) return href;
  return null;
}

/**
 * The HTML heading level of a Markdown heading under a page whose own heading sits just above `top`: articles use `#`
 * and `##` for their sections alike, so both open at `top`, and deeper ones follow (never past h6).
 */
export function headingLevel(markdownLevel: number, top: number): 1 | 2 | 3 | 4 | 5 | 6 {
  return Math.min(6, top + Math.max(0, markdownLevel - 2)) as 1 | 2 | 3 | 4 | 5 | 6;
}
