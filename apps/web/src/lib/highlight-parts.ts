/** A piece of a search highlight: plain text, or a matched word. */
export interface HighlightPart {
  text: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };

function unescape(html: string): string {
  return html.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (entity) => ENTITIES[entity]);
}

/**
 * The API's highlights are HTML-escaped text with <mark>…</mark> around matches: split them into parts React renders
 * as text, so nothing from an article is ever injected as HTML.
 */
export function highlightParts(highlight: string): HighlightPart[] {
  return highlight
    .split(/(<mark>.*?<\/mark>)/s)
    .filter((piece) => piece !== '')
    .map((piece) => {
      const marked = piece.startsWith('<mark>') && piece.endsWith('</mark>');
      return { text: unescape(marked ? piece.slice('<mark>'.length, -'</mark>'.length) : piece), marked };
    });
}
