/**
 * `{{ name }}` placeholders: a dotted name of letters and digits. Anything else between braces is left as it is,
 * so the template language has no expressions, no lookups beyond the given variables, nothing to inject.
 */
const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*)\s*\}\}/g;

export interface Rendered {
  text: string;
  /** Placeholders with no value given (rendered as nothing). */
  missing: string[];
}

/** The variable names a template's text refers to, each once, in order of first use. */
export function placeholdersOf(source: string): string[] {
  return [...new Set(Array.from(source.matchAll(PLACEHOLDER), (match) => match[1]))];
}

/**
 * Fills the placeholders in one pass: a value is inserted as it is and never read as template text again, so a
 * customer writing `{{agent.name}}` in a subject gets those characters back, not a lookup. Only own properties of
 * `variables` count (`{{constructor}}` is missing, not a function's source).
 */
export function renderTemplate(source: string, variables: Readonly<Record<string, string>>): Rendered {
  const missing = new Set<string>();
  const text = source.replace(PLACEHOLDER, (_placeholder, name: string) => {
    if (Object.hasOwn(variables, name)) return variables[name];
    missing.add(name);
    return '';
  });
  return { text, missing: [...missing] };
}

/** A header value: one line (a value with line breaks cannot add headers), spaces collapsed. */
export function renderHeaderLine(source: string, variables: Readonly<Record<string, string>>): Rendered {
  const rendered = renderTemplate(source, variables);
  return { ...rendered, text: rendered.text.replace(/\s+/g, ' ').trim() };
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** The HTML part of a rendered plain-text body: everything escaped, paragraphs and line breaks kept. */
export function textToHtml(text: string): string {
  const escaped = text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
  const paragraphs = escaped.split(/\n{2,}/).map((paragraph) => `<p>${paragraph.replace(/\n/g, '<br>')}</p>`);
  return `<!doctype html><html><body>${paragraphs.join('\n')}</body></html>`;
}
