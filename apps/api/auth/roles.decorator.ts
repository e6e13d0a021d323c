import { SetMetadata } from '@nestjs/common';
import type { Role } from '../../../libs/domain/auth/roles.js';

export const ROLES_KEY = 'helpdesk:roles';
export const PUBLIC_KEY = 'helpdesk:public';

/** The roles admitted to a resolver or handler. Without this (or @Public) the guard refuses everyone. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Open to callers without a token (login, health). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
