const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/**
 * The API's highlighted text (HTML-escaped, matches in `<mark>…</mark>`) as plain pieces, marked or not, so the
 * screen renders them as text and never parses the API's HTML.
 */
export function highlightParts(html: string): { text: string; marked: boolean }[] {
  return html
    .split(/(<mark>.*?<\/mark>)/)
    .filter((piece) => piece.length > 0)
    .map((piece) => {
      const marked = piece.startsWith('<mark>');
      const text = (marked ? piece.slice(6, -7) : piece).replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]);
      return { text, marked };
    });
}
