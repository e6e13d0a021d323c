/**
 * The readable text of an article's Markdown, for search snippets: what a reader sees, without the markup (headings'
 * `#`, emphasis, list and quote markers, code fences, link targets and image addresses). Not a Markdown renderer: it
 * keeps every word and drops only the syntax, line by line.
 */
export function markdownToText(markdown: string): string {
  return markdown
    .replace(/\r\n?/g, '\n')
    .replace(/^\s*(```|~~~).*$/gm, '') // code fences (the code itself stays)
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1') // images: their alt text
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1') // links: their text
    .replace(/^\s{0,3}#{1,6}\s+/gm, '') // headings
    .replace(/^\s*>\s?/gm, '') // block quotes
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+/gm, '') // list items
    .replace(/^\s*(?:[-*_]\s*){3,}$/gm, '') // horizontal rules
    .replace(/(\*\*|__|~~)(?=\S)(.+?)(?<=\S)\1/g, '$2') // bold, strike-through
    .replace(/(^|[^\w*])[*_](?=\S)(.+?)(?<=\S)[*_](?![\w*])/g, '$1$2') // italics (not snake_case words)
    .replace(/`([^`]*)`/g, '$1') // inline code
    .replace(/\s+/g, ' ')
    .trim();
}
