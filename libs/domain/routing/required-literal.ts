const MIN_LENGTH = 3;

/**
 * A run of ASCII letters and digits, lowercased, that every match of `pattern` (compiled with flag `i`, without `u`)
 * contains; null when none of at least 3 characters can be read off it. A text whose lowercased form lacks the run
 * cannot match, so the (much cheaper) indexOf can turn most texts away before the regular expression runs.
 *
 * Read conservatively off the top level of the pattern only: any alternation there gives up; groups, classes,
 * escapes, '.', anchors and any other character end a run; a character with a quantifier after it is left out. Under
 * `i` without `u` an ASCII letter matches only its own two cases, and lowercasing a text keeps its ASCII letters in
 * place, so the run is found in the lowercased text whenever the pattern matches.
 */
export function requiredLiteral(pattern: string): string | null {
  let best = '';
  let run = '';
  const endRun = () => {
    if (run.length > best.length) best = run;
    run = '';
  };
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === '|') return null;
    if (/[A-Za-z0-9]/.test(c)) {
      if (isQuantifierStart(pattern[i + 1])) endRun();
      else run += c.toLowerCase();
      i++;
      continue;
    }
    endRun();
    if (c === '\\') i = escapeEnd(pattern, i);
    else if (c === '[') i = classEnd(pattern, i);
    else if (c === '(') i = groupEnd(pattern, i);
    else i += c === '{' ? (BRACES.exec(pattern.slice(i, i + 24))?.[0].length ?? 1) : 1;
  }
  endRun();
  return best.length >= MIN_LENGTH ? best : null;
}

/** A {n}, {n,} or {n,m} quantifier; a '{' that starts none is a literal. */
const BRACES = /^\{\d+(,\d*)?\}/;

/** Just past the escape at `at`: \xHH, \uHHHH, \cX, \k<name>, \digits, or a backslash and one character. */
function escapeEnd(pattern: string, at: number): number {
  const rest = pattern.slice(at + 1, at + 64);
  const escape = /^(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|c[A-Za-z]|k<[^>]*>|\d+)/.exec(rest);
  return at + 1 + (escape ? escape[0].length : 1);
}

function isQuantifierStart(c: string | undefined): boolean {
  return c === '*' || c === '+' || c === '?' || c === '{';
}

/** Just past the ']' closing the character class opened at `at`. */
function classEnd(pattern: string, at: number): number {
  let i = at + 1;
  while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
  return i + 1;
}

/** Just past the ')' closing the group opened at `at`. */
function groupEnd(pattern: string, at: number): number {
  let depth = 0;
  let i = at;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === '\\') i += 2;
    else if (c === '[') i = classEnd(pattern, i);
    else {
      if (c === '(') depth++;
      else if (c === ')' && --depth === 0) return i + 1;
      i++;
    }
  }
  return i;
}
