import { useEffect, useState, type FormEvent } from 'react';
import type { TicketPriority, TicketStatus } from '../../gql/schema-types';
import { PAGE_SIZES, PRIORITIES, SORT_CHOICES, STATUSES, parseSort, sortValue, type InboxParams } from './inbox-params';
import { PRIORITY_LABELS, STATUS_LABELS } from './ticket-labels';
import type { TicketQueue } from './use-ticket-queues';

/** Status, priority, group, text search, sort and page size; each change goes into the URL. */
export function InboxFilters({ params, queues, onChange }: { params: InboxParams; queues: TicketQueue[]; onChange(changes: Partial<InboxParams>): void }) {
  const [search, setSearch] = useState(params.search ?? '');
  useEffect(() => setSearch(params.search ?? ''), [params.search]);

  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    onChange({ search: search.trim() || undefined });
  };

  return (
    <form className="inbox-filters card" role="search" aria-label="Filter tickets" onSubmit={submitSearch}>
      <label>
        Search
        <input type="search" value={search} onChange={(event) => setSearch(event.target.value)} placeholder="Words in subject, description or messages" />
      </label>
      <button type="submit">Search</button>
      <label>
        Status
        <select value={params.status ?? ''} onChange={(event) => onChange({ status: (event.target.value || undefined) as TicketStatus | undefined })}>
          <option value="">Any status</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Priority
        <select value={params.priority ?? ''} onChange={(event) => onChange({ priority: (event.target.value || undefined) as TicketPriority | undefined })}>
          <option value="">Any priority</option>
          {PRIORITIES.map((priority) => (
            <option key={priority} value={priority}>
              {PRIORITY_LABELS[priority]}
            </option>
          ))}
        </select>
      </label>
      {params.view.kind !== 'queue' && (
        <label>
          Group
          <select value={params.groupId ?? ''} onChange={(event) => onChange({ groupId: event.target.value || undefined })}>
            <option value="">Any group</option>
            {queues.map((queue) => (
              <option key={queue.id} value={queue.id}>
                {queue.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        Sort
        <select value={sortValue(params.sort)} onChange={(event) => onChange({ sort: parseSort(event.target.value) })}>
          {SORT_CHOICES.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Rows per page
        <select value={params.pageSize} onChange={(event) => onChange({ pageSize: Number(event.target.value) })}>
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
