import { Catch, HttpStatus, Logger, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import { unreachableDependency } from './unreachable-dependency.js';
import { USER_ERROR_CODES, userError, type UserErrorCode } from './user-error.js';

/** How a user error reads on a plain HTTP route (the CSV export, the survey page). */
export const USER_ERROR_HTTP_STATUS: Record<UserErrorCode, number> = {
  BAD_USER_INPUT: HttpStatus.BAD_REQUEST,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  CONFLICT: HttpStatus.CONFLICT,
  SERVICE_UNAVAILABLE: HttpStatus.SERVICE_UNAVAILABLE,
  TOO_MANY_REQUESTS: HttpStatus.TOO_MANY_REQUESTS,
};

/** Retry-After of a plain HTTP route while PostgreSQL or Temporal is out of reach: a restart takes seconds. */
export const UNREACHABLE_RETRY_AFTER_SECONDS = 5;

const logger = new Logger('HTTP');

/**
 * User errors go back to the client as they are, without Nest logging each one as a server error: to GraphQL as the
 * error itself, to an HTTP route as JSON `{ code, message, … }` with the status the code stands for (and Retry-After
 * when the error says when to retry). On an HTTP route, a failure for an unreachable PostgreSQL or Temporal alone is
 * SERVICE_UNAVAILABLE the same way (503, Retry-After), as formatError makes it for GraphQL; anything else gets Nest's
 * own answer (its HTTP exceptions, or a logged 500).
 */
@Catch()
export class GraphQLErrorFilter extends BaseExceptionFilter implements GqlExceptionFilter {
  override catch(error: unknown, host: ArgumentsHost): GraphQLError | void {
    if (host.getType() !== 'http') {
      // GraphQL: formatError decides how anything else reads.
      if (error instanceof GraphQLError) return error;
      throw error;
    }
    const userFacing = error instanceof GraphQLError ? error : unreachableDependencyError(error);
    if (!userFacing) return super.catch(error, host);
    const response = host.switchToHttp().getResponse<Response>();
    const code = String(userFacing.extensions.code ?? '');
    if (!(USER_ERROR_CODES as readonly string[]).includes(code)) {
      logger.error(userFacing.stack ?? userFacing.message);
      response.status(HttpStatus.INTERNAL_SERVER_ERROR).json({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' });
      return;
    }
    const retryAfterSeconds = userFacing.extensions.retryAfterSeconds;
    if (typeof retryAfterSeconds === 'number') response.setHeader('Retry-After', String(retryAfterSeconds));
    response.status(USER_ERROR_HTTP_STATUS[code as UserErrorCode]).json({ ...userFacing.extensions, code, message: userFacing.message });
  }
}

function unreachableDependencyError(error: unknown): GraphQLError | undefined {
  const message = unreachableDependency(error);
  if (!message) return undefined;
  logger.warn(`${message} (${error instanceof Error ? error.message : String(error)})`);
  return userError('SERVICE_UNAVAILABLE', message, { retryAfterSeconds: UNREACHABLE_RETRY_AFTER_SECONDS });
}
