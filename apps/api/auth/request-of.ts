import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import type { AuthenticatedUser } from './authenticated-user.js';

export type AuthenticatedRequest = Request & { user?: AuthenticatedUser };

/** The HTTP request behind a GraphQL call (the context is built as `{ req }` in app.module.ts). */
export function requestOf(context: GqlExecutionContext): AuthenticatedRequest {
  return context.getContext<{ req: AuthenticatedRequest }>().req;
}

/** The request behind a guard's call, whether it came to a plain HTTP route or to GraphQL. */
export function requestOfAny(context: ExecutionContext): AuthenticatedRequest {
  return context.getType() === 'http' ? context.switchToHttp().getRequest() : requestOf(GqlExecutionContext.create(context));
}
