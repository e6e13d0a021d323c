export { escapeHtml } from './escape-html.js';
export {
  KNOWLEDGE_AUDIENCES,
  KNOWLEDGE_STATUSES,
  isPubliclyVisible,
  type KnowledgeAudience,
  type KnowledgeStatus,
} from './knowledge-article.js';
export { markdownToText } from './markdown-text.js';
export { SEARCH_QUERY_MAX_LENGTH, normalizeSearchQuery } from './search-query.js';
export { selfServiceRate, type SearchOutcomes } from './self-service-rate.js';
export { SUGGESTION_TERMS_MAX, anyTermQuery, suggestionQuery, suggestionTerms } from './suggestion-query.js';
export { discriminatingTerms, type TermFrequency } from './suggestion-query-terms.js';
