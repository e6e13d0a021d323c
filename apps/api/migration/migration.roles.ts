import type { Role } from '../../../libs/domain/auth/roles.js';

/** Migration operators run imports; admins may too. */
export const MIGRATION_OPERATORS: readonly Role[] = ['admin', 'migration_operator'];
