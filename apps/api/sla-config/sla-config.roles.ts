import type { Role } from '../../../libs/domain/auth/roles.js';

/** Supervisors read the SLA configuration (to understand a ticket's targets); only admins change it. */
export const CONFIG_READERS: readonly Role[] = ['admin', 'supervisor'];
export const CONFIG_WRITERS: readonly Role[] = ['admin'];
