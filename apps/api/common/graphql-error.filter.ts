import { Catch, HttpStatus, Logger, type ArgumentsHost } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import { USER_ERROR_CODES, type UserErrorCode } from './user-error.js';

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

const logger = new Logger('HTTP');

/**
 * User errors go back to the client as they are, without Nest logging each one as a server error: to GraphQL as the
 * error itself, to an HTTP route as JSON `{ code, message, … }` with the status the code stands for (and Retry-After
 * when the error says when to retry).
 */
@Catch(GraphQLError)
export class GraphQLErrorFilter implements GqlExceptionFilter {
  catch(error: GraphQLError, host: ArgumentsHost): GraphQLError | void {
    if (host.getType() !== 'http') return error;
    const code = String(error.extensions.code ?? '');
    const response = host.switchToHttp().getResponse<Response>();
    if (!(USER_ERROR_CODES as readonly string[]).includes(code)) {
      logger.error(error.stack ?? error.message);
      response.status(HttpStatus.INTERNAL_SERVER_ERROR).json({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' });
      return;
    }
    const retryAfterSeconds = error.extensions.retryAfterSeconds;
    if (typeof retryAfterSeconds === 'number') response.setHeader('Retry-After', String(retryAfterSeconds));
    response.status(USER_ERROR_HTTP_STATUS[code as UserErrorCode]).json({ ...error.extensions, code, message: error.message });
  }
}
