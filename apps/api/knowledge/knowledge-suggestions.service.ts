import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { anyTermQuery, discriminatingTerms, suggestionTerms, type TermFrequency } from '../../../libs/domain/knowledge/index.js';
import { userError } from '../common/user-error.js';
import { assertUuid } from '../sla-config/config-errors.js';
import { KnowledgeSearchService, MATCH_CANDIDATES, TITLE_CANDIDATES, type KnowledgeSearchHit, type SearchScope } from './knowledge-search.service.js';

/** Agents are offered what they may link: published articles, internal ones included. */
const SUGGESTION_SCOPE: SearchScope = { statuses: ['published'], audiences: ['internal', 'public'] };

/**
 * How many articles a suggestion's words may match together: about as many as the search ranks (issue 17). Past that,
 * the more common words would only add matches ranked in part, and reading them is what made suggestions slow.
 */
export const SUGGESTION_MATCHES_MAX = TITLE_CANDIDATES + MATCH_CANDIDATES;

/**
 * The articles most likely to answer a ticket: any of its discriminating words may match (the rarest in the published
 * articles, see discriminatingTerms), and ranking puts the articles sharing the most words, in their titles above
 * all, first.
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
    const terms = suggestionTerms(texts);
    const query = terms.length === 0 ? null : anyTermQuery(await this.termsToSearch(terms));
    return query === null ? [] : this.knowledgeSearch.search(query, SUGGESTION_SCOPE, first);
  }

  /**
   * The terms' discriminating ones. A term's frequency is its rarest lexeme's (a word PostgreSQL splits, as "o'neil"
   * or "foo_bar", is a phrase matching only where all its parts are; a stop word has none: 0). Protected: the
   * benchmark searches every term beside it.
   */
  protected async termsToSearch(terms: string[]): Promise<string[]> {
    const frequencies = await this.dataSource.query<TermFrequency[]>(
      `SELECT t.term, min(coalesce(f.published_articles, 0))::int AS articles
         FROM unnest($1::text[]) WITH ORDINALITY AS t(term, position)
         LEFT JOIN LATERAL unnest(tsvector_to_array(to_tsvector('english', t.term))) AS l(lexeme) ON true
         LEFT JOIN knowledge_term_frequencies f ON f.term = l.lexeme
        GROUP BY t.term, t.position
        ORDER BY t.position`,
      [terms],
    );
    return discriminatingTerms(frequencies, SUGGESTION_MATCHES_MAX);
  }
}
