import { GraphQLError } from 'graphql';

/** The stable codes a client can act on (DESIGN.md §6). */
export const USER_ERROR_CODES = ['BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT'] as const;
export type UserErrorCode = (typeof USER_ERROR_CODES)[number];

/** A GraphQL error with a stable code and a message a person can act on. */
export function userError(code: UserErrorCode, message: string, details?: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details } });
}
