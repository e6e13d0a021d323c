import type { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import type { AuthenticatedUser } from './authenticated-user.js';

export type AuthenticatedRequest = Request & { user?: AuthenticatedUser };

/** The HTTP request behind a GraphQL call (the context is built as `{ req }` in app.module.ts). */
export function requestOf(context: GqlExecutionContext): AuthenticatedRequest {
  return context.getContext<{ req: AuthenticatedRequest }>().req;
}
