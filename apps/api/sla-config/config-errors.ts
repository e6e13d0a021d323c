import { isUUID } from 'class-validator';
import { QueryFailedError } from 'typeorm';
import { userError, type UserErrorCode } from '../common/user-error.js';

/** Everything wrong with an input, in one BAD_USER_INPUT: the sentences joined, and listed in `extensions.problems`. */
export function invalidInput(problems: string[]): Error {
  return userError('BAD_USER_INPUT', problems.join(' '), { problems });
}

/** The columns are uuids: anything else would make PostgreSQL fail the query (an internal error, not an answer). */
export function assertUuid(id: string, what: string): void {
  if (!isUUID(id)) throw userError('BAD_USER_INPUT', `"${id}" is not ${what} id (ids are UUIDs).`);
}

/** The PostgreSQL error behind a failed query, when it is the violation of the named constraint. */
export function violatedConstraint(error: unknown): { code: string; constraint: string } | null {
  if (!(error instanceof QueryFailedError)) return null;
  const driverError = error.driverError as { code?: unknown; constraint?: unknown };
  if (typeof driverError.code !== 'string' || typeof driverError.constraint !== 'string') return null;
  return { code: driverError.code, constraint: driverError.constraint };
}

const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';

/**
 * Runs a write, turning the violation of a named unique or foreign-key constraint into a user error; the constraints
 * are the last word when two admins race (the checks before them give the friendlier messages).
 */
export async function mapConstraintErrors<T>(
  write: () => Promise<T>,
  messages: Record<string, { code: UserErrorCode; message: string }>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const violation = violatedConstraint(error);
    if (violation && (violation.code === UNIQUE_VIOLATION || violation.code === FOREIGN_KEY_VIOLATION)) {
      const known = messages[violation.constraint];
      if (known) throw userError(known.code, known.message);
    }
    throw error;
  }
}

/**
 * The CONFLICT for deleting what SLA policies still use (`subject`, e.g. 'The business calendar "Support"'), naming
 * the policies and what to give them instead (`alternative`, e.g. 'another calendar').
 */
export function inUseBySlaPolicies(subject: string, alternative: string, policyNames: string[]): Error {
  const policies = policyNames.length === 1 ? `the SLA policy ${quotedList(policyNames)}` : `the SLA policies ${quotedList(policyNames)}`;
  return userError('CONFLICT', `${subject} is used by ${policies}; give them ${alternative} (or none) before deleting it.`, {
    policies: policyNames,
  });
}

/** "A", "A and B", "A, B and C", each quoted. */
export function quotedList(names: string[]): string {
  const quoted = names.map((name) => `"${name}"`);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}
