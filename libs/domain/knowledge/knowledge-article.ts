/** A knowledge article's lifecycle and who may read it (the migration's CHECK constraints hold the same values). */
export const KNOWLEDGE_STATUSES = ['draft', 'published', 'archived'] as const;
export type KnowledgeStatus = (typeof KNOWLEDGE_STATUSES)[number];

/** internal: staff only; public: also customers, once published. */
export const KNOWLEDGE_AUDIENCES = ['internal', 'public'] as const;
export type KnowledgeAudience = (typeof KNOWLEDGE_AUDIENCES)[number];

/** The one rule of who outside the staff may see an article. */
export function isPubliclyVisible(article: { status: KnowledgeStatus; audience: KnowledgeAudience }): boolean {
  return article.status === 'published' && article.audience === 'public';
}
