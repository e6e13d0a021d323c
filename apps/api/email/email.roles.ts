import type { Role } from '../../../libs/domain/auth/roles.js';

/** Admins word the customer mails and read the dev outbox (what customers would have received). */
export const EMAIL_ADMINS: readonly Role[] = ['admin'];
/** Who works tickets may see what came with a customer's mail. */
export const ATTACHMENT_READERS: readonly Role[] = ['agent', 'supervisor', 'admin'];
/** Who replies to customers may attach files to the reply. */
export const ATTACHMENT_UPLOADERS: readonly Role[] = ['agent', 'supervisor', 'admin'];
