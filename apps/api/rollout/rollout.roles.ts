import type { Role } from '../../../libs/domain/auth/roles.js';

/** Who runs rollouts: implementation leads, and admins. */
export const ROLLOUT_USERS: readonly Role[] = ['admin', 'implementation_lead'];
/** Templates are configuration: leads read them, admins edit them. */
export const TEMPLATE_EDITORS: readonly Role[] = ['admin'];
/** Agents answer the pilot's confidence question for themselves. */
export const PILOT_RESPONDENTS: readonly Role[] = ['admin', 'implementation_lead', 'agent', 'supervisor'];
