import { Args, Query, Resolver } from '@nestjs/graphql';
import { userError } from '../common/user-error.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { TicketsService } from '../tickets/tickets.service.js';
import { SearchKnowledgeArticlesArgs, SuggestKnowledgeArticlesArgs } from './dto/knowledge-search.args.js';
import { KnowledgeSearchService } from './knowledge-search.service.js';
import { KnowledgeSuggestionsService } from './knowledge-suggestions.service.js';
import { KNOWLEDGE_READERS } from './knowledge.roles.js';
import { KnowledgeSearchHitModel, toKnowledgeSearchHitModel } from './models/knowledge-search-hit.model.js';
import { searchableQuery } from './searchable-query.js';

@Resolver()
export class KnowledgeSearchResolver {
  constructor(
    private readonly knowledgeSearch: KnowledgeSearchService,
    private readonly suggestions: KnowledgeSuggestionsService,
    private readonly tickets: TicketsService,
  ) {}

  @Roles(...KNOWLEDGE_READERS)
  @Query(() => [KnowledgeSearchHitModel], {
    description: 'Full-text search for staff, best match first, with highlights.',
    complexity: ({ args, childComplexity }) => (args.first ?? 20) * childComplexity,
  })
  async searchKnowledgeArticles(@Args() args: SearchKnowledgeArticlesArgs): Promise<KnowledgeSearchHitModel[]> {
    const scope = {
      statuses: args.statuses.length > 0 ? args.statuses : (['published'] as const),
      audiences: args.audiences.length > 0 ? args.audiences : (['internal', 'public'] as const),
    };
    const hits = await this.knowledgeSearch.search(searchableQuery(args.query), scope, args.first);
    return hits.map(toKnowledgeSearchHitModel);
  }

  @Roles(...KNOWLEDGE_READERS)
  @Query(() => [KnowledgeSearchHitModel], {
    description: "The published articles (internal ones included) most likely to answer a ticket (ticketId) or a text: give exactly one.",
    complexity: ({ args, childComplexity }) => (args.first ?? 5) * childComplexity,
  })
  async suggestKnowledgeArticles(
    @Args() { ticketId, text, first }: SuggestKnowledgeArticlesArgs,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<KnowledgeSearchHitModel[]> {
    if ((ticketId == null) === (text == null)) throw userError('BAD_USER_INPUT', 'Give either ticketId or text (exactly one).');
    if (ticketId != null) await this.tickets.get(ticketId, caller); // NOT_FOUND for a ticket the caller cannot see
    const hits = ticketId != null ? await this.suggestions.forTicket(ticketId, first) : await this.suggestions.forText(text!, first);
    return hits.map(toKnowledgeSearchHitModel);
  }
}
