/** The roles a user can hold; every resolver names the ones it admits (DESIGN.md §1). */
export const ROLES = ['agent', 'supervisor', 'admin', 'implementation_lead', 'migration_operator'] as const;
export type Role = (typeof ROLES)[number];
