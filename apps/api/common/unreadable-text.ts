// With the u flag a surrogate pair is one code point, so \p{Cs} matches only the lone halves.
const UNREADABLE = /[\u0000\p{Cs}]/u;

/**
 * The path (`fields.0.name`) of the first string in a GraphQL argument that no part of the system can take: one
 * holding a NUL character (PostgreSQL text refuses it) or a lone UTF-16 surrogate (not Unicode: validator's isEmail
 * throws on it); '' for the argument itself, null when there is none. Only the plain objects and arrays GraphQL
 * builds from input are walked.
 */
export function unreadableTextPath(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return UNREADABLE.test(value) ? path : null;
  const children = Array.isArray(value) ? value.entries() : isPlainObject(value) ? Object.entries(value) : [];
  for (const [key, child] of children) {
    const found = unreadableTextPath(child, path ? `${path}.${key}` : String(key));
    if (found !== null) return found;
  }
  return null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === null || prototype === Object.prototype;
}
