import type { FieldMiddleware } from '@nestjs/graphql';
import type { Role } from '../../../libs/domain/auth/roles.js';
import { userError } from '../common/user-error.js';
import type { AuthenticatedRequest } from './request-of.js';

/**
 * The roles admitted to one field, checked by the field itself: `@ResolveField(..., { middleware: [fieldRoles(...)] })`.
 * Why not @Roles: Nest runs guards on root queries and mutations only (not on field resolvers, unless
 * `fieldResolverEnhancers` is set, which would send every field of every type through the guard), so @Roles on a
 * @ResolveField is silently ignored. This checks the caller the root operation's guard authenticated, so a future query
 * with wider access that returns the parent type cannot leak the field; a caller no guard authenticated (a @Public
 * root) is refused as well.
 */
export function fieldRoles(...roles: readonly Role[]): FieldMiddleware<unknown, { req?: AuthenticatedRequest }> {
  return ({ context, info }, next) => {
    const field = info ? `${info.parentType.name}.${info.fieldName}` : 'This field';
    const user = context.req?.user;
    if (!user) throw userError('UNAUTHENTICATED', `${field} needs a signed-in caller.`);
    if (!roles.some((role) => user.roles.includes(role))) {
      throw userError('FORBIDDEN', `${field} needs one of the roles: ${roles.join(', ')}.`);
    }
    return next();
  };
}
