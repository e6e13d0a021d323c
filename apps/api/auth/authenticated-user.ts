import type { Role } from '../../../libs/domain/auth/roles.js';

/** The caller, as the guard established it from the bearer token and the users table. */
export interface AuthenticatedUser {
  id: string;
  email: string;
  roles: Role[];
}
