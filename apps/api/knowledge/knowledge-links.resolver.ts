import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { TicketsService } from '../tickets/tickets.service.js';
import { LinkKnowledgeArticleInput } from './dto/link-knowledge-article.input.js';
import { KnowledgeLinksService, type KnowledgeLink } from './knowledge-links.service.js';
import { KNOWLEDGE_READERS } from './knowledge.roles.js';
import { toKnowledgeArticleModel } from './models/knowledge-article.model.js';
import { KnowledgeArticleLinkModel } from './models/knowledge-link.model.js';

@Resolver()
export class KnowledgeLinksResolver {
  constructor(
    private readonly links: KnowledgeLinksService,
    private readonly tickets: TicketsService,
  ) {}

  @Roles(...KNOWLEDGE_READERS)
  @Mutation(() => KnowledgeArticleLinkModel, { description: 'Links a published article to a ticket or one of its replies; audited.' })
  async linkKnowledgeArticle(
    @Args('input') input: LinkKnowledgeArticleInput,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<KnowledgeArticleLinkModel> {
    await this.tickets.get(input.ticketId, caller); // NOT_FOUND for a ticket the caller cannot see
    return toLinkModel(await this.links.link(input, caller.id));
  }

  @Roles(...KNOWLEDGE_READERS)
  @Query(() => [KnowledgeArticleLinkModel], {
    description: 'The articles linked to a ticket and its replies, oldest link first.',
    complexity: ({ childComplexity }) => 20 * childComplexity,
  })
  async ticketKnowledgeLinks(
    @Args('ticketId', { type: () => ID }) ticketId: string,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<KnowledgeArticleLinkModel[]> {
    await this.tickets.get(ticketId, caller);
    return (await this.links.forTicket(ticketId)).map(toLinkModel);
  }
}

function toLinkModel({ link, article }: KnowledgeLink): KnowledgeArticleLinkModel {
  const { id, ticketId, messageId, linkedBy, linkedAt } = link;
  return { id, article: toKnowledgeArticleModel(article), ticketId, messageId, linkedBy, linkedAt };
}
