import type { Role } from '../gql/schema-types';

/** A console area: where it lives, and the roles the API admits to what it shows (so it is offered to them only). */
export interface ConsoleArea {
  id: 'tickets' | 'board' | 'rollouts' | 'migrations' | 'admin';
  path: string;
  label: string;
  roles: readonly Role[];
}

// The same role lists as the API's resolvers (apps/api/*/…roles.ts): a screen is offered to whoever may read its data.
export const CONSOLE_AREAS: readonly ConsoleArea[] = [
  { id: 'tickets', path: '/app/tickets', label: 'Tickets', roles: ['AGENT', 'SUPERVISOR', 'ADMIN'] },
  { id: 'board', path: '/app/board', label: 'SLA board', roles: ['SUPERVISOR', 'ADMIN'] },
  { id: 'rollouts', path: '/app/rollouts', label: 'Rollouts', roles: ['IMPLEMENTATION_LEAD', 'ADMIN'] },
  { id: 'migrations', path: '/app/migrations', label: 'Migrations', roles: ['MIGRATION_OPERATOR', 'ADMIN'] },
  { id: 'admin', path: '/app/admin', label: 'Admin', roles: ['ADMIN'] },
];

export function mayOpen(area: ConsoleArea['id'], roles: readonly Role[]): boolean {
  return areaById(area).roles.some((role) => roles.includes(role));
}

/** The areas this user is offered, in the navigation's order. */
export function areasFor(roles: readonly Role[]): ConsoleArea[] {
  return CONSOLE_AREAS.filter((area) => mayOpen(area.id, roles));
}

/** Where a user lands after signing in: their first area (a supervisor's is the ticket list, like an agent's). */
export function homePathFor(roles: readonly Role[]): string | undefined {
  return areasFor(roles)[0]?.path;
}

function areaById(id: ConsoleArea['id']): ConsoleArea {
  const area = CONSOLE_AREAS.find((candidate) => candidate.id === id);
  if (!area) throw new Error(`unknown console area ${id}`);
  return area;
}
