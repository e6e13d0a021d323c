import { registerEnumType } from '@nestjs/graphql';
import { KNOWLEDGE_AUDIENCES, KNOWLEDGE_STATUSES } from '../../../libs/domain/knowledge/index.js';

/** GraphQL shows UPPER_CASE names; the code and the database keep the domain's own strings. */
export const KnowledgeStatusEnum = Object.fromEntries(KNOWLEDGE_STATUSES.map((s) => [s.toUpperCase(), s])) as {
  DRAFT: 'draft';
  PUBLISHED: 'published';
  ARCHIVED: 'archived';
};
export const KnowledgeAudienceEnum = Object.fromEntries(KNOWLEDGE_AUDIENCES.map((a) => [a.toUpperCase(), a])) as {
  INTERNAL: 'internal';
  PUBLIC: 'public';
};

registerEnumType(KnowledgeStatusEnum, { name: 'KnowledgeStatus', description: 'Only published articles are searched by customers and linked to tickets.' });
registerEnumType(KnowledgeAudienceEnum, { name: 'KnowledgeAudience', description: 'internal: staff only; public: customers too, once published.' });
