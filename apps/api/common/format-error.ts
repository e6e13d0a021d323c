import { Logger } from '@nestjs/common';
import type { GraphQLFormattedError } from 'graphql';
import { unreachableDependency } from './unreachable-dependency.js';
import { USER_ERROR_CODES } from './user-error.js';

// Codes Apollo itself assigns to a malformed request; safe to show as they are.
const REQUEST_ERROR_CODES = ['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND'];
const SHOWN_CODES = new Set<string>([...USER_ERROR_CODES, ...REQUEST_ERROR_CODES]);
const logger = new Logger('GraphQL');

/** Passes user errors through; anything else is logged here and reaches the client without internals. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = String(formatted.extensions?.code ?? '');
  if (SHOWN_CODES.has(code)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  const unreachable = unreachableDependency(error);
  if (unreachable) {
    logger.warn(`${unreachable} (${error instanceof Error ? error.message : String(error)})`);
    return { message: unreachable, path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE' } };
  }
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
