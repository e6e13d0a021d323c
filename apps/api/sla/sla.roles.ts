import type { Role } from '../../../libs/domain/auth/roles.js';

/** Everyone who works tickets watches their SLA. */
export const SLA_WATCHERS: readonly Role[] = ['agent', 'supervisor', 'admin'];
