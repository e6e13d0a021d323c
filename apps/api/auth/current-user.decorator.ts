import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { AuthenticatedUser } from './authenticated-user.js';
import { requestOf } from './request-of.js';

/** The authenticated caller; only on handlers the guard has admitted with a role. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthenticatedUser => {
  const user = requestOf(GqlExecutionContext.create(context)).user;
  if (!user) throw new Error('CurrentUser used on a handler without @Roles');
  return user;
});
