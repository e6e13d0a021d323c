import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '../../../libs/domain/auth/roles.js';
import { userError } from '../common/user-error.js';
import { requestOfAny } from './request-of.js';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator.js';
import { TokenService } from './token.service.js';

/** Global guard: deny by default; a handler is reachable only through @Public or @Roles. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles?.length) throw userError('FORBIDDEN', 'This operation is not open to any role.');

    const request = requestOfAny(context);
    const user = await this.tokens.authenticate(request.headers.authorization);
    request.user = user;
    if (!roles.some((role) => user.roles.includes(role))) {
      throw userError('FORBIDDEN', `This operation needs one of the roles: ${roles.join(', ')}.`);
    }
    return true;
  }
}
