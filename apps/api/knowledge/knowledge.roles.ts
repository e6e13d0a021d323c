import type { Role } from '../../../libs/domain/auth/roles.js';

/** Staff: they read every article (internal ones included), search, see suggestions and link articles to tickets. */
export const KNOWLEDGE_READERS: readonly Role[] = ['agent', 'supervisor', 'admin'];
/** Who writes articles (create, edit, publish, archive). */
export const KNOWLEDGE_WRITERS: readonly Role[] = ['agent', 'admin'];
