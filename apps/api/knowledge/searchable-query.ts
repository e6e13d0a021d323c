import { normalizeSearchQuery } from '../../../libs/domain/knowledge/index.js';
import { userError } from '../common/user-error.js';

/** The normalised query, or BAD_USER_INPUT when nothing is left to search for. */
export function searchableQuery(raw: string): string {
  const query = normalizeSearchQuery(raw);
  if (query === null) throw userError('BAD_USER_INPUT', 'Type a word to search for.');
  return query;
}
