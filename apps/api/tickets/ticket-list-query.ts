import type { SelectQueryBuilder } from 'typeorm';
import type { TicketEntity } from '../../../libs/db/entities/ticket.entity.js';
import { normalizeSearchQuery } from '../../../libs/domain/knowledge/search-query.js';
import { userError } from '../common/user-error.js';
import type { TicketsFilterInput } from './dto/tickets-filter.input.js';
import type { TicketCursor } from './ticket-cursor.js';
import { SORT_COLUMNS, sortKeySql, type TicketOrder } from './ticket-sort.js';

const MINUTE_MS = 60_000;

/**
 * The list's filters as SQL on the tickets alias `t`. Each is written the way its index (ticket-workspace migration)
 * can serve it: `= ANY` on btree columns, `@>` on the GIN-indexed tags and fields, `@@` on the search vectors.
 * `searchMatches`: the search's matching ids when they are few (ticket-search-matches.ts), read by primary key.
 */
export function applyTicketFilters(
  query: SelectQueryBuilder<TicketEntity>,
  filter: TicketsFilterInput | undefined,
  callerId: string,
  now: Date,
  searchMatches: string[] | null = null,
): void {
  if (!filter) return;
  if (filter.status?.length) query.andWhere('t.status = ANY(:status)', { status: filter.status });
  if (filter.priority?.length) query.andWhere('t.priority = ANY(:priority)', { priority: filter.priority });
  if (filter.types?.length) query.andWhere('t.type = ANY(:types)', { types: filter.types });
  if (filter.channel?.length) query.andWhere('t.channel = ANY(:channel)', { channel: filter.channel });
  if (filter.requesterEmail) query.andWhere('t.requester_email = :email', { email: filter.requesterEmail.toLowerCase() });
  if (filter.groupIds?.length) query.andWhere('t.group_id = ANY(:groupIds)', { groupIds: filter.groupIds });
  if (filter.serviceIds?.length) query.andWhere('t.service_id = ANY(:serviceIds)', { serviceIds: filter.serviceIds });
  if (filter.organizationIds?.length) query.andWhere('t.organization_id = ANY(:organizationIds)', { organizationIds: filter.organizationIds });
  if (filter.tags?.length) query.andWhere('t.tags @> CAST(:tags AS text[])', { tags: filter.tags });
  if (filter.fields?.length) {
    const fields = Object.fromEntries(filter.fields.map(({ name, value }) => [name, value]));
    query.andWhere('t.fields @> CAST(:fields AS jsonb)', { fields: JSON.stringify(fields) });
  }
  applyAssignee(query, filter.assignee, callerId);
  if (filter.createdAt?.from) query.andWhere('t.created_at >= :createdFrom', { createdFrom: filter.createdAt.from });
  if (filter.createdAt?.to) query.andWhere('t.created_at < :createdTo', { createdTo: filter.createdAt.to });
  if (filter.updatedAt?.from) query.andWhere('t.updated_at >= :updatedFrom', { updatedFrom: filter.updatedAt.from });
  if (filter.updatedAt?.to) query.andWhere('t.updated_at < :updatedTo', { updatedTo: filter.updatedAt.to });
  if (filter.sla?.breached === true) query.andWhere('(t.sla_breached_at IS NOT NULL OR t.sla_deadline <= :now)', { now });
  if (filter.sla?.breached === false) {
    query.andWhere('t.sla_breached_at IS NULL AND (t.sla_deadline IS NULL OR t.sla_deadline > :now)', { now });
  }
  if (filter.sla?.atRiskWithinMinutes) {
    const horizon = new Date(now.getTime() + filter.sla.atRiskWithinMinutes * MINUTE_MS);
    query.andWhere('t.sla_deadline > :now AND t.sla_deadline <= :horizon', { now, horizon });
  }
  if (filter.search !== undefined) applySearch(query, filter.search, searchMatches);
}

/** "Any of": the caller, nobody, or the agents named. */
function applyAssignee(query: SelectQueryBuilder<TicketEntity>, assignee: TicketsFilterInput['assignee'], callerId: string): void {
  const anyOf: string[] = [];
  if (assignee?.me) anyOf.push('t.assignee_id = :me');
  if (assignee?.unassigned) anyOf.push('t.assignee_id IS NULL');
  if (assignee?.agentIds?.length) anyOf.push('t.assignee_id = ANY(CAST(:agentIds AS uuid[]))');
  if (anyOf.length > 0) query.andWhere(`(${anyOf.join(' OR ')})`, { me: callerId, agentIds: assignee?.agentIds });
}

/**
 * Full text as the knowledge base searches (websearch syntax, english stemming): a ticket matches on its subject or
 * description, or on any of its messages. A search with few matches (ticket-search-matches.ts) reads them by id.
 * Otherwise the messages' matches are looked up once (their GIN index) into an array of ticket ids, so the condition
 * on the ticket row is an OR of two indexable tests, and PostgreSQL walks the list's order index testing each row
 * (or reads both indexes, BitmapOr on tickets_search and the primary key). A semi-join to a UNION of the two lookups
 * made it hash-join every ticket: a scan of the whole table, about 1 s at 1,000,000 tickets.
 */
function applySearch(query: SelectQueryBuilder<TicketEntity>, raw: string, matches: string[] | null): void {
  const search = normalizeSearchQuery(raw);
  if (search === null) throw userError('BAD_USER_INPUT', 'search needs at least one letter or digit.', { field: 'filter.search' });
  if (matches !== null) {
    query.andWhere('t.id = ANY(CAST(:searchMatches AS uuid[]))', { searchMatches: matches });
    return;
  }
  query.andWhere(
    `(t.search_vector @@ websearch_to_tsquery('english', :search)
      OR t.id = ANY(ARRAY(SELECT m.ticket_id FROM ticket_messages m WHERE m.search_vector @@ websearch_to_tsquery('english', :search))))`,
    { search },
  );
}

/** Sorts by the order's column then id, starting after the cursor when there is one; selects each row's key as `sort_key`. */
export function applyTicketOrder(query: SelectQueryBuilder<TicketEntity>, order: TicketOrder, after: TicketCursor | null): void {
  const { column, type } = SORT_COLUMNS[order.by];
  const direction = order.direction === 'asc' ? 'ASC' : 'DESC';
  query.addSelect(sortKeySql('t', order.by), 'sort_key').orderBy(`t.${column}`, direction).addOrderBy('t.id', direction);
  if (after) {
    const comparison = order.direction === 'asc' ? '>' : '<';
    query.andWhere(`(t.${column}, t.id) ${comparison} (CAST(:afterKey AS ${type}), CAST(:afterId AS uuid))`, { afterKey: after.key, afterId: after.id });
  }
}
