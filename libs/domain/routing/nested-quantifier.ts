/**
 * The simple, common shape of catastrophic backtracking: an unbounded repeat (`*`, `+`, `{n,}`) of a group that itself
 * contains an unbounded repeat, as in `(a+)+`, `(\w+\s?)*` or `(?:x*y)+` ("star height" above 1, the rule safe-regex
 * uses). It is conservative: `(\d+,)+` is refused though a separator keeps it linear, and alternations such as
 * `(a|aa)+` are not caught. Returns the offending group with its quantifier, or null.
 * Expects a pattern that compiles; what it says about one that does not is meaningless.
 */
export function findNestedQuantifier(pattern: string): string | null {
  const groups: { start: number; repeats: boolean }[] = [];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === '\\') {
      i += 2;
    } else if (c === '[') {
      i = classEnd(pattern, i);
    } else if (c === '(') {
      groups.push({ start: i, repeats: false });
      i = groupBodyStart(pattern, i);
    } else if (c === ')') {
      const group = groups.pop();
      const quantifier = quantifierAt(pattern, i + 1);
      if (group && quantifier?.unbounded && group.repeats) return pattern.slice(group.start, i + 1 + quantifier.length);
      const parent = groups[groups.length - 1];
      if (parent && group) parent.repeats ||= group.repeats || Boolean(quantifier?.unbounded);
      i += 1 + (quantifier?.length ?? 0);
    } else {
      const quantifier = quantifierAt(pattern, i);
      if (quantifier?.unbounded && groups.length > 0) groups[groups.length - 1].repeats = true;
      i += quantifier?.length ?? 1;
    }
  }
  return null;
}

/** The quantifier starting at `at` (with a lazy '?' suffix), if any. */
function quantifierAt(pattern: string, at: number): { length: number; unbounded: boolean } | null {
  const c = pattern[at];
  let length = 0;
  let unbounded = false;
  if (c === '*' || c === '+') [length, unbounded] = [1, true];
  else if (c === '?') length = 1;
  else if (c === '{') {
    const braces = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(at, at + 24));
    if (!braces) return null;
    [length, unbounded] = [braces[0].length, braces[2] !== undefined && braces[3] === ''];
  } else return null;
  if (pattern[at + length] === '?') length++;
  return { length, unbounded };
}

/** Just past the ']' closing the character class opened at `at`. */
function classEnd(pattern: string, at: number): number {
  let i = at + 1;
  while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
  return i + 1;
}

/** Just past a group's opening: '(' and any '?:', '?=', '?!', '?<=', '?<!' or '?<name>'. */
function groupBodyStart(pattern: string, at: number): number {
  if (pattern[at + 1] !== '?') return at + 1;
  const prefix = /^\(\?(?::|=|!|<=|<!|<[^>]*>)?/.exec(pattern.slice(at, at + 64));
  return at + (prefix ? prefix[0].length : 2);
}
