import type { Role } from '../../../libs/domain/auth/roles.js';

/** Who works tickets: reads them, replies, changes them. */
export const TICKET_WORKERS: readonly Role[] = ['agent', 'supervisor', 'admin'];
