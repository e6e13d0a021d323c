import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { PublicRateLimit } from '../abuse-limits/public-rate-limit.guard.js';
import { Public, Roles } from '../auth/roles.decorator.js';
import { PublicKnowledgeSearchArgs } from './dto/knowledge-search.args.js';
import { KNOWLEDGE_READERS } from './knowledge.roles.js';
import {
  PublicKnowledgeArticleModel,
  PublicKnowledgeSearchResultModel,
  toPublicKnowledgeArticleModel,
  toPublicKnowledgeSearchHitModel,
} from './models/knowledge-search-hit.model.js';
import { KnowledgeSearchClickModel, KnowledgeSelfServiceRateModel } from './models/self-service.model.js';
import { PublicKnowledgeService } from './public-knowledge.service.js';

@Resolver()
export class PublicKnowledgeResolver {
  constructor(private readonly knowledge: PublicKnowledgeService) {}

  @Public()
  @PublicRateLimit('knowledge')
  @Query(() => PublicKnowledgeSearchResultModel, {
    description: 'No login: searches the published public articles only, best match first; every search is logged for the self-service rate.',
    complexity: ({ args, childComplexity }) => (args.first ?? 10) * childComplexity,
  })
  async publicKnowledgeSearch(@Args() { query, first }: PublicKnowledgeSearchArgs): Promise<PublicKnowledgeSearchResultModel> {
    const { searchId, hits } = await this.knowledge.search(query, first);
    return { searchId, hits: hits.map(toPublicKnowledgeSearchHitModel) };
  }

  @Public()
  @PublicRateLimit('knowledge')
  @Query(() => PublicKnowledgeArticleModel, { description: 'No login: a published public article (any other is NOT_FOUND).' })
  async publicKnowledgeArticle(@Args('id', { type: () => ID }) id: string): Promise<PublicKnowledgeArticleModel> {
    return toPublicKnowledgeArticleModel(await this.knowledge.article(id));
  }

  @Public()
  @PublicRateLimit('knowledge')
  @Mutation(() => KnowledgeSearchClickModel, {
    description: 'No login: the customer opened a result of this search. The first click counts; later ones change nothing.',
  })
  recordKnowledgeSearchClick(
    @Args('searchId', { type: () => ID }) searchId: string,
    @Args('articleId', { type: () => ID }) articleId: string,
  ): Promise<KnowledgeSearchClickModel> {
    return this.knowledge.recordClick(searchId, articleId);
  }

  @Roles(...KNOWLEDGE_READERS)
  @Query(() => KnowledgeSelfServiceRateModel, {
    description: 'Public searches made in [since, until) (open bounds: all) and the share after which the customer opened an article.',
  })
  knowledgeSelfServiceRate(
    @Args('since', { type: () => Date, nullable: true }) since?: Date | null,
    @Args('until', { type: () => Date, nullable: true }) until?: Date | null,
  ): Promise<KnowledgeSelfServiceRateModel> {
    return this.knowledge.selfServiceRate(since ?? null, until ?? null);
  }
}
