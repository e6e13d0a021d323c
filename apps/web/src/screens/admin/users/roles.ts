import type { Role } from '../../../gql/schema-types';

/** Every role, in the order the forms offer them, with the words a person reads. */
export const ROLE_LABELS: Record<Role, string> = {
  AGENT: 'Agent',
  SUPERVISOR: 'Supervisor',
  ADMIN: 'Admin',
  IMPLEMENTATION_LEAD: 'Implementation lead',
  MIGRATION_OPERATOR: 'Migration operator',
};

export const ALL_ROLES = Object.keys(ROLE_LABELS) as Role[];
