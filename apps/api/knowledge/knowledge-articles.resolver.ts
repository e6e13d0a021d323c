import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { CreateKnowledgeArticleInput, UpdateKnowledgeArticleInput } from './dto/knowledge-article.input.js';
import { KnowledgeArticlesService } from './knowledge-articles.service.js';
import { KnowledgeLinksService } from './knowledge-links.service.js';
import { KNOWLEDGE_READERS, KNOWLEDGE_WRITERS } from './knowledge.roles.js';
import { KnowledgeArticleVersionModel } from './models/knowledge-article-version.model.js';
import { KnowledgeArticleModel, KnowledgeArticleUsageModel, toKnowledgeArticleModel } from './models/knowledge-article.model.js';

@Resolver(() => KnowledgeArticleModel)
export class KnowledgeArticlesResolver {
  constructor(
    private readonly articles: KnowledgeArticlesService,
    private readonly links: KnowledgeLinksService,
  ) {}

  @Roles(...KNOWLEDGE_READERS)
  @Query(() => KnowledgeArticleModel, { description: 'Any article, internal and unpublished ones included.' })
  async knowledgeArticle(@Args('id', { type: () => ID }) id: string): Promise<KnowledgeArticleModel> {
    return toKnowledgeArticleModel(await this.articles.get(id));
  }

  @Roles(...KNOWLEDGE_READERS)
  @Query(() => [KnowledgeArticleVersionModel], {
    description: 'Every version of the article: the current one first, then those edits replaced, newest first.',
    complexity: ({ childComplexity }) => 20 * childComplexity,
  })
  knowledgeArticleVersions(@Args('articleId', { type: () => ID }) articleId: string): Promise<KnowledgeArticleVersionModel[]> {
    return this.articles.versions(articleId);
  }

  @Roles(...KNOWLEDGE_READERS)
  @Query(() => KnowledgeArticleVersionModel)
  knowledgeArticleVersion(
    @Args('articleId', { type: () => ID }) articleId: string,
    @Args('version', { type: () => Int }) version: number,
  ): Promise<KnowledgeArticleVersionModel> {
    return this.articles.version(articleId, version);
  }

  @Roles(...KNOWLEDGE_WRITERS)
  @Mutation(() => KnowledgeArticleModel, { description: 'Version 1, written by the caller; audited.' })
  async createKnowledgeArticle(
    @Args('input') input: CreateKnowledgeArticleInput,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<KnowledgeArticleModel> {
    return toKnowledgeArticleModel(await this.articles.create(input, caller.id));
  }

  @Roles(...KNOWLEDGE_WRITERS)
  @Mutation(() => KnowledgeArticleModel, {
    description: 'A new version (the replaced one is kept); publishing, archiving and changing the audience are edits too. An edit that changes nothing writes nothing. Audited.',
  })
  async updateKnowledgeArticle(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateKnowledgeArticleInput,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<KnowledgeArticleModel> {
    return toKnowledgeArticleModel(await this.articles.update(id, input, caller.id));
  }

  @ResolveField(() => KnowledgeArticleUsageModel)
  usage(@Parent() article: KnowledgeArticleModel): Promise<KnowledgeArticleUsageModel> {
    return this.links.usage(article.id);
  }
}
