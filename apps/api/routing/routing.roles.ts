import type { Role } from '../../../libs/domain/auth/roles.js';

/** Supervisors read the routing configuration (to understand where tickets go); only admins change it. */
export const ROUTING_READERS: readonly Role[] = ['admin', 'supervisor'];
export const ROUTING_WRITERS: readonly Role[] = ['admin'];
/** Who may run the simulator: the rollout's implementation lead tests routing before go-live. */
export const SIMULATOR_USERS: readonly Role[] = ['admin', 'supervisor', 'implementation_lead'];
/** Who may set another agent's availability. */
export const AVAILABILITY_MANAGERS: readonly Role[] = ['admin', 'supervisor'];
