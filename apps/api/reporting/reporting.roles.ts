import type { Role } from '../../../libs/domain/auth/roles.js';

/** Who reads reports; an agent's reports are narrowed to the tickets assigned to them. */
export const REPORT_READERS: readonly Role[] = ['agent', 'supervisor', 'admin', 'implementation_lead'];
/** Who sees every agent's figures. */
export const REPORT_ALL_SEEING: readonly Role[] = ['supervisor', 'admin', 'implementation_lead'];
