import { GraphQLError } from 'graphql';

/**
 * The stable codes a client can act on (DESIGN.md §6). SERVICE_UNAVAILABLE: a part the answer needs (Temporal, a busy
 * worker) did not answer in time; nothing is wrong with the request, and the same request can be tried again shortly.
 * TOO_MANY_REQUESTS: an abuse limit refused the request; `extensions.retryAfterSeconds` says when to try again.
 */
export const USER_ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'SERVICE_UNAVAILABLE',
  'TOO_MANY_REQUESTS',
] as const;
export type UserErrorCode = (typeof USER_ERROR_CODES)[number];

/** A GraphQL error with a stable code and a message a person can act on. */
export function userError(code: UserErrorCode, message: string, details?: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details } });
}

/** BAD_USER_INPUT about one input field, named in `extensions.fields` as the validation pipe names them. */
export function fieldError(field: string, message: string): GraphQLError {
  return userError('BAD_USER_INPUT', message, { fields: [{ field, message }] });
}
