import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module.js';
import { KnowledgeArticlesResolver } from './knowledge-articles.resolver.js';
import { KnowledgeArticlesService } from './knowledge-articles.service.js';
import { KnowledgeLinksResolver } from './knowledge-links.resolver.js';
import { KnowledgeLinksService } from './knowledge-links.service.js';
import { KnowledgeSearchResolver } from './knowledge-search.resolver.js';
import { KnowledgeSearchService } from './knowledge-search.service.js';
import { KnowledgeSuggestionsService } from './knowledge-suggestions.service.js';
import { PublicKnowledgeResolver } from './public-knowledge.resolver.js';
import { PublicKnowledgeService } from './public-knowledge.service.js';

/**
 * The knowledge base: articles with their versions (staff write, audited), full-text search and suggestions for
 * staff, links from tickets and replies with what they tell about each article, and the customers' public search
 * with its self-service rate.
 */
@Module({
  imports: [TicketsModule],
  providers: [
    KnowledgeArticlesResolver,
    KnowledgeArticlesService,
    KnowledgeSearchResolver,
    KnowledgeSearchService,
    KnowledgeSuggestionsService,
    KnowledgeLinksResolver,
    KnowledgeLinksService,
    PublicKnowledgeResolver,
    PublicKnowledgeService,
  ],
})
export class KnowledgeModule {}
