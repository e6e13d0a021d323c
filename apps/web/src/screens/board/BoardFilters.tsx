import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { TicketPriority } from '../../gql/schema-types';
import { enumLabel } from '../../lib/enum-label';

const BoardGroupsQuery = graphql(`
  query BoardGroups {
    groups {
      id
      name
    }
  }
`);

export const PRIORITIES: readonly TicketPriority[] = ['URGENT', 'HIGH', 'NORMAL', 'LOW'];
export const WINDOW_CHOICES = [
  { minutes: 30, label: '30 minutes' },
  { minutes: 60, label: '1 hour' },
  { minutes: 240, label: '4 hours' },
  { minutes: 1440, label: '1 day' },
] as const;

export interface BoardFilterValues {
  groupId: string;
  priority: TicketPriority | '';
  withinMinutes: number;
}

/** The group, priority and time window the whole board shows (the live events and the KPIs follow them too). */
export function BoardFilters({ value, onChange }: { value: BoardFilterValues; onChange(next: BoardFilterValues): void }) {
  const [{ data }] = useQuery({ query: BoardGroupsQuery });
  return (
    <form className="row board-filters" aria-label="Board filters" onSubmit={(event) => event.preventDefault()}>
      <label>
        Group
        <select value={value.groupId} onChange={(event) => onChange({ ...value, groupId: event.target.value })}>
          <option value="">All groups</option>
          {data?.groups.map((group) => (
            <option key={group.id} value={group.id}>
              {group.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Priority
        <select value={value.priority} onChange={(event) => onChange({ ...value, priority: event.target.value as TicketPriority | '' })}>
          <option value="">All priorities</option>
          {PRIORITIES.map((priority) => (
            <option key={priority} value={priority}>
              {enumLabel(priority)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Deadline within
        <select value={value.withinMinutes} onChange={(event) => onChange({ ...value, withinMinutes: Number(event.target.value) })}>
          {WINDOW_CHOICES.map(({ minutes, label }) => (
            <option key={minutes} value={minutes}>
              {label}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}

/** The group names by id, for screens that show a ticket's group (ids not among the groups show as they are). */
export function useGroupNames(): (groupId: string | null | undefined) => string {
  const [{ data }] = useQuery({ query: BoardGroupsQuery });
  return (groupId) => (groupId ? (data?.groups.find((group) => group.id === groupId)?.name ?? groupId) : 'No group');
}
