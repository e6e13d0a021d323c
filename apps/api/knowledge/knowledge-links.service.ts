import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { KnowledgeArticleLinkEntity } from '../../../libs/db/entities/knowledge-article-link.entity.js';
import { KnowledgeArticleEntity } from '../../../libs/db/entities/knowledge-article.entity.js';
import { AuditService } from '../audit/audit.service.js';
import { userError } from '../common/user-error.js';
import { findByUuid } from '../sla-config/audited-writes.js';
import { assertUuid } from '../sla-config/config-errors.js';
import type { LinkKnowledgeArticleInput } from './dto/link-knowledge-article.input.js';
import type { KnowledgeArticleUsageModel } from './models/knowledge-article.model.js';

export interface KnowledgeLink {
  link: KnowledgeArticleLinkEntity;
  article: KnowledgeArticleEntity;
}

/** The links agents make from tickets and replies to knowledge articles, and what they tell about each article. */
@Injectable()
export class KnowledgeLinksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Idempotent: the same article on the same ticket (and reply) again returns the existing link, unaudited. */
  link(input: LinkKnowledgeArticleInput, actorUserId: string): Promise<KnowledgeLink> {
    const messageId = input.messageId ?? null;
    return this.dataSource.transaction(async (manager) => {
      const article = await findByUuid(manager, KnowledgeArticleEntity, input.articleId, { article: 'a', noun: 'knowledge article', lock: false });
      if (article.status !== 'published') {
        throw userError('CONFLICT', `The article "${article.title}" is ${article.status}; only published articles can be linked to tickets.`);
      }
      await assertTicketAndReply(manager, input.ticketId, messageId);
      const inserted: Array<{ id: string }> = await manager.query(
        `INSERT INTO knowledge_article_links (article_id, ticket_id, message_id, linked_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT ON CONSTRAINT knowledge_article_links_unique DO NOTHING RETURNING id`,
        [article.id, input.ticketId, messageId, actorUserId],
      );
      const link = await manager.findOneByOrFail(KnowledgeArticleLinkEntity, {
        articleId: article.id,
        ticketId: input.ticketId,
        messageId: messageId ?? IsNull(),
      });
      if (inserted.length > 0) {
        await this.audit.record(
          {
            actorUserId,
            action: 'knowledge_article.linked',
            entityType: 'knowledge_article',
            entityId: article.id,
            before: null,
            after: { linkId: link.id, ticketId: link.ticketId, messageId: link.messageId },
          },
          manager,
        );
      }
      return { link, article };
    });
  }

  /** The articles linked to a ticket and its replies, in the order they were linked. */
  async forTicket(ticketId: string): Promise<KnowledgeLink[]> {
    assertUuid(ticketId, 'a ticket');
    const links = await this.dataSource.getRepository(KnowledgeArticleLinkEntity).find({ where: { ticketId }, order: { linkedAt: 'ASC', id: 'ASC' } });
    if (links.length === 0) return [];
    const articles = await this.dataSource.getRepository(KnowledgeArticleEntity).findBy({ id: In(links.map((link) => link.articleId)) });
    const byId = new Map(articles.map((article) => [article.id, article]));
    return links.map((link) => ({ link, article: byId.get(link.articleId)! }));
  }

  /** Resolved: the linked ticket is solved or closed now (a reopened ticket stops counting until solved again). */
  async usage(articleId: string): Promise<KnowledgeArticleUsageModel> {
    const [counts] = await this.dataSource.query<Array<Record<keyof KnowledgeArticleUsageModel, string>>>(
      `SELECT count(*) AS links,
              count(DISTINCT link.ticket_id) AS "linkedTickets",
              count(DISTINCT link.ticket_id) FILTER (WHERE ticket.status IN ('solved', 'closed')) AS "resolvedTickets"
         FROM knowledge_article_links link JOIN tickets ticket ON ticket.id = link.ticket_id
        WHERE link.article_id = $1`,
      [articleId],
    );
    return { links: Number(counts.links), linkedTickets: Number(counts.linkedTickets), resolvedTickets: Number(counts.resolvedTickets) };
  }
}

/** NOT_FOUND for an unknown ticket, or a reply that is not on that ticket. */
async function assertTicketAndReply(manager: EntityManager, ticketId: string, messageId: string | null): Promise<void> {
  const [ticket] = await manager.query(`SELECT 1 FROM tickets WHERE id = $1`, [ticketId]);
  if (!ticket) throw userError('NOT_FOUND', `There is no ticket ${ticketId}.`);
  if (messageId === null) return;
  const [message] = await manager.query(`SELECT 1 FROM ticket_messages WHERE id = $1 AND ticket_id = $2`, [messageId, ticketId]);
  if (!message) throw userError('NOT_FOUND', `The ticket ${ticketId} has no reply ${messageId}.`);
}
