import type { GraphQLError } from 'graphql';
import { userError } from '../common/user-error.js';

/** TOO_MANY_REQUESTS (HTTP 429 on plain routes), with the whole seconds the caller should wait. */
export function tooManyRequests(message: string, retryAfterSeconds: number): GraphQLError {
  return userError('TOO_MANY_REQUESTS', `${message} Try again in ${retryAfterSeconds} seconds.`, { retryAfterSeconds });
}
