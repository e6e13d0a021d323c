import type { SortDirection, TicketOrderInput, TicketPriority, TicketSortKey, TicketStatus, TicketsFilterInput } from '../../gql/schema-types';

/** Which tickets the inbox lists: the caller's own, one group's queue, or every ticket they may see. */
export type InboxView = { kind: 'mine' } | { kind: 'all' } | { kind: 'queue'; groupId: string };

/** The inbox as its URL holds it, so a shared link opens the same list (and page). */
export interface InboxParams {
  view: InboxView;
  status?: TicketStatus;
  priority?: TicketPriority;
  /** A group to narrow "My tickets" or "All tickets" to (a queue view is its group already). */
  groupId?: string;
  search?: string;
  sort: TicketOrderInput;
  /** Rows per page (PAGE_SIZES; the API's complexity limit keeps pages modest). */
  pageSize: number;
  /** The endCursor of the page before (absent: the first page). */
  after?: string;
}

export const PAGE_SIZES: readonly number[] = [10, 25];
const DEFAULT_PAGE_SIZE = 25;

export const STATUSES: readonly TicketStatus[] = ['NEW', 'OPEN', 'PENDING', 'ON_HOLD', 'SOLVED', 'CLOSED'];
export const PRIORITIES: readonly TicketPriority[] = ['LOW', 'NORMAL', 'HIGH', 'URGENT'];
const SORT_KEYS: readonly TicketSortKey[] = ['CREATED_AT', 'UPDATED_AT', 'SLA_DEADLINE', 'PRIORITY'];
const DIRECTIONS: readonly SortDirection[] = ['ASC', 'DESC'];

export const DEFAULT_SORT: TicketOrderInput = { by: 'CREATED_AT', direction: 'DESC' };

/** The sorts offered, as "KEY:DIRECTION" (the form of the `sort` URL parameter). */
export const SORT_CHOICES: ReadonlyArray<{ value: string; label: string }> = [
  { value: 'CREATED_AT:DESC', label: 'Newest first' },
  { value: 'CREATED_AT:ASC', label: 'Oldest first' },
  { value: 'UPDATED_AT:DESC', label: 'Recently updated' },
  { value: 'SLA_DEADLINE:ASC', label: 'Next SLA deadline' },
  { value: 'PRIORITY:DESC', label: 'Highest priority' },
];

export function sortValue(sort: TicketOrderInput): string {
  return `${sort.by}:${sort.direction}`;
}

export function parseSort(value: string | null): TicketOrderInput {
  const [by, direction] = (value ?? '').split(':');
  const key = SORT_KEYS.find((candidate) => candidate === by);
  const dir = DIRECTIONS.find((candidate) => candidate === direction);
  return key && dir ? { by: key, direction: dir } : DEFAULT_SORT;
}

function parseView(value: string | null): InboxView {
  if (value === 'all') return { kind: 'all' };
  if (value?.startsWith('queue:') && value.length > 'queue:'.length) return { kind: 'queue', groupId: value.slice('queue:'.length) };
  return { kind: 'mine' };
}

export function viewValue(view: InboxView): string {
  return view.kind === 'queue' ? `queue:${view.groupId}` : view.kind;
}

/** Reads the URL's parameters; values the API would not know are left out rather than sent. */
export function readInboxParams(search: URLSearchParams): InboxParams {
  const view = parseView(search.get('view'));
  const text = search.get('q')?.trim();
  return {
    view,
    status: STATUSES.find((status) => status === search.get('status')),
    priority: PRIORITIES.find((priority) => priority === search.get('priority')),
    groupId: view.kind === 'queue' ? undefined : search.get('group') || undefined,
    search: text || undefined,
    sort: parseSort(search.get('sort')),
    pageSize: PAGE_SIZES.find((size) => String(size) === search.get('size')) ?? DEFAULT_PAGE_SIZE,
    after: search.get('after') || undefined,
  };
}

/** The URL's parameters for these inbox settings (defaults left out, so links stay short). */
export function writeInboxParams(params: InboxParams): URLSearchParams {
  const search = new URLSearchParams();
  if (params.view.kind !== 'mine') search.set('view', viewValue(params.view));
  if (params.status) search.set('status', params.status);
  if (params.priority) search.set('priority', params.priority);
  if (params.groupId && params.view.kind !== 'queue') search.set('group', params.groupId);
  if (params.search) search.set('q', params.search);
  if (sortValue(params.sort) !== sortValue(DEFAULT_SORT)) search.set('sort', sortValue(params.sort));
  if (params.pageSize !== DEFAULT_PAGE_SIZE) search.set('size', String(params.pageSize));
  if (params.after) search.set('after', params.after);
  return search;
}

/** The `tickets` filter the inbox asks for. */
export function ticketsFilterOf(params: InboxParams): TicketsFilterInput {
  const filter: TicketsFilterInput = {};
  if (params.view.kind === 'mine') filter.assignee = { me: true };
  const groupId = params.view.kind === 'queue' ? params.view.groupId : params.groupId;
  if (groupId) filter.groupIds = [groupId];
  if (params.status) filter.status = [params.status];
  if (params.priority) filter.priority = [params.priority];
  if (params.search) filter.search = params.search;
  return filter;
}
