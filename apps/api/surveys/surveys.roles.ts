import type { Role } from '../../../libs/domain/auth/roles.js';

/** Supervisors read survey settings and CSAT; only admins change the settings. */
export const SURVEY_READERS: readonly Role[] = ['admin', 'supervisor'];
export const SURVEY_WRITERS: readonly Role[] = ['admin'];
