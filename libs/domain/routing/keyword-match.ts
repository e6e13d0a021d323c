/**
 * Whole-word keyword and phrase matching, case-insensitive, without a regular expression per keyword: a text is
 * lowercased, its whitespace runs collapsed and its words collected once (searchableText). A keyword that is one word
 * is then a set lookup; any other is ruled out unless all of its words are in the set, and otherwise found by indexOf
 * with a word-boundary check at each end that starts or ends with a word character (as `\b` would).
 * Word characters are letters, digits, combining marks and '_', in any script.
 */

export interface Keyword {
  /** Lowercased, trimmed, whitespace runs as one space. */
  text: string;
  /** The first character is a word character, so the one before it in the text must not be. */
  boundaryBefore: boolean;
  /** The last character is a word character, so the one after it in the text must not be. */
  boundaryAfter: boolean;
  /** Its maximal runs of word characters: a text that contains the keyword has each of them among its words. */
  words: readonly string[];
  /** The keyword is a single word, all word characters. */
  single: boolean;
}

/** Texts (a ticket's subject and description) in the form keywords are looked for in. */
export interface SearchableText {
  /** Each text lowercased, whitespace runs as one space; a phrase is looked for in each, never across two. */
  parts: readonly string[];
  /** The maximal runs of word characters of all the parts. */
  words: ReadonlySet<string>;
}

const WORDS = /[\p{L}\p{N}\p{M}_]+/gu;

function normalize(raw: string): string {
  return raw.toLowerCase().replace(/\s+/g, ' ');
}

export function searchableText(...raw: string[]): SearchableText {
  const parts = raw.map(normalize);
  const words = new Set<string>();
  for (const part of parts) for (const word of part.match(WORDS) ?? []) words.add(word);
  return { parts, words };
}

/** Null for a keyword that is empty or only whitespace. */
export function compileKeyword(raw: string): Keyword | null {
  const text = normalize(raw).trim();
  if (text === '') return null;
  const words = text.match(WORDS) ?? [];
  return {
    text,
    boundaryBefore: isWordCodePoint(text.codePointAt(0) as number),
    boundaryAfter: isWordCodePoint(codePointBefore(text, text.length)),
    words,
    single: words.length === 1 && words[0] === text,
  };
}

/** Whether `keyword` occurs as whole words in one of the parts. */
export function mentions(searchable: SearchableText, keyword: Keyword): boolean {
  if (keyword.single) return searchable.words.has(keyword.text);
  for (const word of keyword.words) if (!searchable.words.has(word)) return false;
  for (const part of searchable.parts) if (containsKeyword(part, keyword)) return true;
  return false;
}

/** The index of the first part `keyword` occurs in as whole words, or -1. */
export function partMentioning(searchable: SearchableText, keyword: Keyword): number {
  return searchable.parts.findIndex((part) => containsKeyword(part, keyword));
}

/** Whether `keyword` occurs as whole words in `text`, which must be lowercased with whitespace runs collapsed. */
export function containsKeyword(text: string, keyword: Keyword): boolean {
  const { text: needle, boundaryBefore, boundaryAfter } = keyword;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    const end = at + needle.length;
    if (boundaryBefore && at > 0 && isWordCodePoint(codePointBefore(text, at))) continue;
    if (boundaryAfter && end < text.length && isWordCodePoint(text.codePointAt(end) as number)) continue;
    return true;
  }
  return false;
}

/**
 * Whether every text that contains `k` (as whole words) also contains `e` (as whole words): `e` occurs inside `k` at
 * word boundaries. Where `e` sits at an end of `k`, that end of `e` is a word character exactly when that end of `k`
 * is, so `k`'s own boundary check guarantees `e`'s; so this is containsKeyword(k's text, e), the ends of `k` counting
 * as boundaries.
 */
export function keywordImplies(k: Keyword, e: Keyword): boolean {
  return containsKeyword(k.text, e);
}

const NON_ASCII_WORD = /^[\p{L}\p{N}\p{M}_]$/u;

export function isWordCodePoint(cp: number): boolean {
  if (cp < 128) return (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122) || cp === 95;
  return NON_ASCII_WORD.test(String.fromCodePoint(cp));
}

/** The code point that ends just before `index`, a surrogate pair read whole. */
function codePointBefore(text: string, index: number): number {
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(index - 2) as number;
  }
  return low;
}
