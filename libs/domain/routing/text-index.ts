import type { Keyword } from './keyword-match.js';

/** What one pass over a ticket's words found, for every rule at once. */
export interface TextHits {
  /** By keyword slot: 1 when one of that criterion's single-word keywords is among the ticket's words. */
  keywords: Uint8Array;
  /**
   * By keyword slot: 1 when one of that criterion's other keywords (phrases, words with punctuation) may occur, so
   * they must be looked for (mentions); 0 when none of them can.
   */
  phrases: Uint8Array;
  /** The pattern literals (see requiredLiteral) that occur in the ticket's lowercased text. */
  literals: ReadonlySet<string>;
}

const GRAM = 3;

/**
 * An index over the text criteria of a whole rule set, so that turning most rules away costs a few lookups per word
 * of the ticket rather than a search per keyword and pattern of every rule:
 * - a single-word keyword is filed under its word;
 * - any other keyword under one of its words (a text that contains it has all of them), or, with no word characters
 *   at all ('++'), in a list that is always checked;
 * - a pattern literal (lowercase ASCII letters and digits, so any occurrence lies inside one word of the text) under
 *   one of its three-character pieces, each piece of each ticket word being looked up.
 * Phrases and literals are filed under the piece the fewest others share so far, so that a common prefix (inv-1…,
 * inv-2…) or a common first word ("reset password", "reset pin") does not pile them up in one bucket.
 */
export class TextIndex {
  private readonly singles = new Map<string, number[]>();
  private readonly phrases = new Map<string, number[]>();
  private readonly wordless: number[] = [];
  private readonly literalsByGram = new Map<string, { literal: string; offset: number }[]>();
  private readonly literals = new Set<string>();
  private slots = 0;

  /** Registers one keyword criterion; its slot in TextHits. */
  addKeywords(keywords: readonly Keyword[]): number {
    const slot = this.slots++;
    for (const keyword of keywords) {
      if (keyword.single) file(this.singles, keyword.text, slot);
      else if (keyword.words.length === 0) this.wordless.push(slot);
      else file(this.phrases, leastShared(this.phrases, keyword.words).piece, slot);
    }
    return slot;
  }

  /** Registers a pattern literal; one shorter than three characters cannot be indexed, and is refused. */
  addLiteral(literal: string): void {
    if (literal.length < GRAM) throw new RangeError(`A pattern literal needs ${GRAM} characters or more: "${literal}".`);
    if (this.literals.has(literal)) return;
    this.literals.add(literal);
    const pieces = Array.from({ length: literal.length - GRAM + 1 }, (_, at) => literal.slice(at, at + GRAM));
    const { piece, index: offset } = leastShared(this.literalsByGram, pieces);
    file(this.literalsByGram, piece, { literal, offset });
  }

  /** What the words of a text (SearchableText.words) hit. */
  scan(words: ReadonlySet<string>): TextHits {
    const keywords = new Uint8Array(this.slots);
    const phrases = new Uint8Array(this.slots);
    for (const slot of this.wordless) phrases[slot] = 1;
    const literals = new Set<string>();
    const findLiterals = this.literalsByGram.size > 0;
    for (const word of words) {
      const singles = this.singles.get(word);
      if (singles) for (const slot of singles) keywords[slot] = 1;
      const candidates = this.phrases.get(word);
      if (candidates) for (const slot of candidates) phrases[slot] = 1;
      if (!findLiterals) continue;
      for (let at = 0; at + GRAM <= word.length; at++) {
        const bucket = this.literalsByGram.get(word.slice(at, at + GRAM));
        if (!bucket) continue;
        for (const { literal, offset } of bucket) {
          if (at >= offset && word.startsWith(literal, at - offset)) literals.add(literal);
        }
      }
    }
    return { keywords, phrases, literals };
  }
}

function file<T>(buckets: Map<string, T[]>, key: string, entry: T): void {
  const bucket = buckets.get(key);
  if (!bucket) buckets.set(key, [entry]);
  else if (bucket[bucket.length - 1] !== entry) bucket.push(entry);
}

/** The first of `pieces` with the fewest entries filed under it. */
function leastShared(buckets: Map<string, unknown[]>, pieces: readonly string[]): { piece: string; index: number } {
  let best = { piece: pieces[0], index: 0, size: Infinity };
  pieces.forEach((piece, index) => {
    const size = buckets.get(piece)?.length ?? 0;
    if (size < best.size) best = { piece, index, size };
  });
  return best;
}
