import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { KnowledgeArticleVersionEntity } from '../../../libs/db/entities/knowledge-article-version.entity.js';
import { KnowledgeArticleEntity } from '../../../libs/db/entities/knowledge-article.entity.js';
import { AuditService } from '../audit/audit.service.js';
import { userError } from '../common/user-error.js';
import { AuditedWrites, findByUuid } from '../sla-config/audited-writes.js';
import type { CreateKnowledgeArticleInput, UpdateKnowledgeArticleInput } from './dto/knowledge-article.input.js';
import type { KnowledgeArticleVersionModel } from './models/knowledge-article-version.model.js';

type ArticleContent = Pick<KnowledgeArticleEntity, 'title' | 'body' | 'tags' | 'status' | 'audience'>;
const CONTENT_FIELDS = ['title', 'body', 'tags', 'status', 'audience'] as const;

/** Knowledge articles: every write in one transaction with its audit entry; every edit keeps the version it replaces. */
@Injectable()
export class KnowledgeArticlesService {
  private readonly rows: AuditedWrites<KnowledgeArticleEntity>;

  constructor(
    private readonly dataSource: DataSource,
    audit: AuditService,
  ) {
    this.rows = new AuditedWrites(dataSource, audit, {
      entity: KnowledgeArticleEntity,
      entityType: 'knowledge_article',
      snapshot,
      find: findArticle,
    });
  }

  get(id: string): Promise<KnowledgeArticleEntity> {
    return this.rows.get(id);
  }

  create(input: CreateKnowledgeArticleInput, actorUserId: string): Promise<KnowledgeArticleEntity> {
    return this.rows.create(actorUserId, (manager, id) =>
      manager.insert(KnowledgeArticleEntity, {
        id,
        ...cleanContent(input),
        authorId: actorUserId,
        editedBy: actorUserId,
        version: 1,
      }),
    );
  }

  /**
   * Applies the given fields as a new version, keeping the one it replaces. An edit that changes nothing writes
   * nothing (so a client's retry does not make an empty version); CONFLICT when `expectedVersion` is not current.
   */
  async update(id: string, input: UpdateKnowledgeArticleInput, actorUserId: string): Promise<KnowledgeArticleEntity> {
    const current = await this.rows.get(id);
    const expected = input.expectedVersion ?? current.version;
    if (expected === current.version && !changes(current, input)) return current;
    return this.rows.update(id, actorUserId, async (manager, before) => {
      if (input.expectedVersion != null && input.expectedVersion !== before.version) {
        throw userError(
          'CONFLICT',
          `The article is at version ${before.version}, not ${input.expectedVersion}: someone saved it since; reload it and edit again.`,
          { currentVersion: before.version },
        );
      }
      // Null only when a concurrent edit has just made the same change: nothing left to write.
      const after = changes(before, input);
      if (!after) return;
      await keepVersion(manager, before);
      await manager.update(KnowledgeArticleEntity, { id }, { ...after, editedBy: actorUserId, version: before.version + 1 });
    });
  }

  /** The current version first, then the kept ones, newest first. */
  async versions(articleId: string): Promise<KnowledgeArticleVersionModel[]> {
    const article = await this.rows.get(articleId);
    const kept = await this.dataSource.getRepository(KnowledgeArticleVersionEntity).find({ where: { articleId }, order: { version: 'DESC' } });
    return [currentVersion(article), ...kept.map(keptVersion)];
  }

  async version(articleId: string, version: number): Promise<KnowledgeArticleVersionModel> {
    const article = await this.rows.get(articleId);
    if (version === article.version) return currentVersion(article);
    const kept = await this.dataSource.getRepository(KnowledgeArticleVersionEntity).findOneBy({ articleId, version });
    if (!kept) throw userError('NOT_FOUND', `The article ${articleId} has versions 1 to ${article.version}; there is no version ${version}.`);
    return keptVersion(kept);
  }
}

function findArticle(manager: EntityManager, id: string, forWrite: boolean): Promise<KnowledgeArticleEntity> {
  return findByUuid(manager, KnowledgeArticleEntity, id, { article: 'a', noun: 'knowledge article', lock: forWrite });
}

/** Text trimmed; tags trimmed, lower-cased, blanks and duplicates dropped. */
function cleanContent(input: ArticleContent): ArticleContent {
  const tags = [...new Set(input.tags.map((tag) => tag.trim().toLowerCase()).filter((tag) => tag !== ''))];
  return { title: input.title.trim(), body: input.body.trim(), tags, status: input.status, audience: input.audience };
}

/** The content after the edit when it differs from `before`; null when the edit changes nothing. */
function changes(before: KnowledgeArticleEntity, input: UpdateKnowledgeArticleInput): ArticleContent | null {
  const after = cleanContent({
    title: input.title ?? before.title,
    body: input.body ?? before.body,
    tags: input.tags ?? before.tags,
    status: input.status ?? before.status,
    audience: input.audience ?? before.audience,
  });
  const same = CONTENT_FIELDS.every((field) => JSON.stringify(after[field]) === JSON.stringify(before[field]));
  return same ? null : after;
}

/** The article as it is now, as a kept version. */
function versionRow(article: KnowledgeArticleEntity): KnowledgeArticleVersionEntity {
  const { id: articleId, version, title, body, tags, status, audience, editedBy, updatedAt: editedAt } = article;
  return { articleId, version, title, body, tags, status, audience, editedBy, editedAt };
}

async function keepVersion(manager: EntityManager, article: KnowledgeArticleEntity): Promise<void> {
  await manager.insert(KnowledgeArticleVersionEntity, versionRow(article));
}

function currentVersion(article: KnowledgeArticleEntity): KnowledgeArticleVersionModel {
  return { ...versionRow(article), current: true };
}

function keptVersion(row: KnowledgeArticleVersionEntity): KnowledgeArticleVersionModel {
  return { ...row, current: false };
}

function snapshot(article: KnowledgeArticleEntity): Record<string, unknown> {
  const { id, title, body, tags, status, audience, authorId, version } = article;
  return { id, title, body, tags, status, audience, authorId, version };
}
