import { KNOWLEDGE_AUDIENCES, KNOWLEDGE_STATUSES, isPubliclyVisible } from './knowledge-article.js';

describe('isPubliclyVisible', () => {
  const cases = KNOWLEDGE_STATUSES.flatMap((status) => KNOWLEDGE_AUDIENCES.map((audience) => ({ status, audience })));

  it.each(cases)('$status $audience', (article) => {
    expect(isPubliclyVisible(article)).toBe(article.status === 'published' && article.audience === 'public');
  });

  it('admits exactly one of the six combinations', () => {
    expect(cases.filter(isPubliclyVisible)).toEqual([{ status: 'published', audience: 'public' }]);
  });
});
