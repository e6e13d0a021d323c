import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TicketEntity } from '../../../libs/db/entities/ticket.entity.js';
import { suggestionQuery } from '../../../libs/domain/knowledge/index.js';
import type { TicketType } from '../../../libs/domain/tickets/ticket-type.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { RANK_NORMALIZATION } from '../knowledge/knowledge-search.service.js';
import { restrictToScope, TicketVisibility } from './ticket-visibility.js';

/**
 * The open problems an incident may be a repeat of, by the knowledge base's suggestion search: any word of the
 * incident's subject may match a problem's subject or description (suggestionQuery), ranked by cover density as the
 * knowledge search ranks articles. An incident with a service is offered the problems of that service, and problems of
 * no service after them; problems the reader may not see are never offered.
 */
@Injectable()
export class ProblemSuggestionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly visibility: TicketVisibility,
  ) {}

  /** `serviceId`: the ticket row's (a parent read from the database carries it). */
  async forIncident(
    incident: { id: string; type: TicketType; subject: string; serviceId?: string | null },
    caller: AuthenticatedUser,
    first: number,
  ): Promise<TicketEntity[]> {
    if (incident.type !== 'incident' || first <= 0) return [];
    const query = suggestionQuery([incident.subject]);
    if (query === null) return [];
    const tsQuery = `websearch_to_tsquery('english', :query)`;
    const suggestions = this.dataSource
      .getRepository(TicketEntity)
      .createQueryBuilder('t')
      // Same shape as the partial index tickets_open_problem_search, so the planner reads open problems only.
      .where(`t.type = 'problem' AND t.status NOT IN ('solved', 'closed') AND t.search_vector @@ ${tsQuery}`, { query })
      .andWhere('t.id <> :incidentId', { incidentId: incident.id })
      .addSelect(`ts_rank_cd(t.search_vector, ${tsQuery}, ${RANK_NORMALIZATION})`, 'rank');
    if (incident.serviceId) {
      suggestions
        .andWhere('(t.service_id = :serviceId OR t.service_id IS NULL)', { serviceId: incident.serviceId })
        .orderBy('(t.service_id IS NOT NULL)', 'DESC')
        .addOrderBy('rank', 'DESC');
    } else suggestions.orderBy('rank', 'DESC');
    restrictToScope(suggestions, await this.visibility.scopeOf(caller));
    return suggestions.addOrderBy('t.created_at', 'DESC').addOrderBy('t.id', 'ASC').limit(first).getMany();
  }
}
