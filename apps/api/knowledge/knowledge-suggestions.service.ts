import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { suggestionQuery } from '../../../libs/domain/knowledge/index.js';
import { userError } from '../common/user-error.js';
import { assertUuid } from '../sla-config/config-errors.js';
import { KnowledgeSearchService, type KnowledgeSearchHit, type SearchScope } from './knowledge-search.service.js';

/** Agents are offered what they may link: published articles, internal ones included. */
const SUGGESTION_SCOPE: SearchScope = { statuses: ['published'], audiences: ['internal', 'public'] };

/**
 * The articles most likely to answer a ticket: any word of its subject and description may match (see
 * suggestionQuery), and ranking puts the articles sharing the most words, in their titles above all, first.
 */
@Injectable()
export class KnowledgeSuggestionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly knowledgeSearch: KnowledgeSearchService,
  ) {}

  async forTicket(ticketId: string, first: number): Promise<KnowledgeSearchHit[]> {
    assertUuid(ticketId, 'a ticket');
    const [ticket] = await this.dataSource.query<Array<{ subject: string; description: string }>>(
      `SELECT subject, description FROM tickets WHERE id = $1`,
      [ticketId],
    );
    if (!ticket) throw userError('NOT_FOUND', `There is no ticket ${ticketId}.`);
    return this.forTexts([ticket.subject, ticket.description], first);
  }

  forText(text: string, first: number): Promise<KnowledgeSearchHit[]> {
    return this.forTexts([text], first);
  }

  private async forTexts(texts: string[], first: number): Promise<KnowledgeSearchHit[]> {
    const query = suggestionQuery(texts);
    return query === null ? [] : this.knowledgeSearch.search(query, SUGGESTION_SCOPE, first);
  }
}
