import type { DataSource } from 'typeorm';
import { KnowledgeSearchService } from '../../apps/api/knowledge/knowledge-search.service.js';
import { KnowledgeSuggestionsService, SUGGESTION_MATCHES_MAX } from '../../apps/api/knowledge/knowledge-suggestions.service.js';
import { createTestDatabase } from '../support/test-database.js';

// Suggestions search only a ticket's discriminating words (issue 17): the words in more published articles than a
// suggestion ranks are left out when rarer ones are there, as counted in knowledge_term_frequencies, which article
// writes keep up to date.
describe('knowledge suggestion terms', () => {
  let dataSource: DataSource;
  let suggestions: KnowledgeSuggestionsService;
  let zeppelin: string;

  beforeAll(async () => {
    ({ dataSource } = await createTestDatabase());
    suggestions = new KnowledgeSuggestionsService(dataSource, new KnowledgeSearchService(dataSource));
    // "wrong" in more published articles than a suggestion's words may match, in their titles too.
    await dataSource.query(
      `INSERT INTO knowledge_articles (title, body, tags, status, audience)
       SELECT 'What went wrong, part ' || n, 'Notes on what went wrong that day.', '{}', 'published', 'public' FROM generate_series(1, $1) AS n`,
      [SUGGESTION_MATCHES_MAX + 100],
    );
    [{ id: zeppelin }] = await dataSource.query(
      `INSERT INTO knowledge_articles (title, body, tags, status, audience)
       VALUES ('Zeppelin hangar doors', 'When the zeppelin hangar doors stick.', '{}', 'published', 'internal') RETURNING id`,
    );
  });
  afterAll(() => dataSource?.destroy());

  const suggested = async (text: string) => (await suggestions.forText(text, 5)).map((hit) => hit.article.id);

  /** The counts as ts_stat makes them from every published article's vector, against the kept table. */
  async function frequenciesDrift(): Promise<unknown[]> {
    return dataSource.query(
      `SELECT coalesce(f.term, s.word) AS term, f.published_articles, s.ndoc
         FROM knowledge_term_frequencies f
         FULL JOIN ts_stat('SELECT search_vector FROM knowledge_articles WHERE status = ''published''') s ON s.word = f.term
        WHERE coalesce(f.published_articles, 0) <> coalesce(s.ndoc, 0)`,
    );
  }

  it('finds the article of a rare word, and no longer fills up with articles sharing only a common word', async () => {
    expect(await suggested('The zeppelin hangar door is wrong again')).toEqual([zeppelin]);
  });

  it('searches a ticket of common words only by its rarest word', async () => {
    const hits = await suggestions.forText('Something is wrong', 5);
    expect(hits).toHaveLength(5);
    for (const hit of hits) expect(hit.article.title).toMatch(/^What went wrong/);
  });

  it('counts the words of published articles as they are created, edited, published, unpublished and deleted', async () => {
    expect(await frequenciesDrift()).toEqual([]);
    const [{ id }] = await dataSource.query(
      `INSERT INTO knowledge_articles (title, body, tags, status, audience)
       VALUES ('Dirigible mooring', 'Moor the dirigible to the mast.', '{mooring}', 'draft', 'public') RETURNING id`,
    );
    expect(await suggested('dirigible')).toEqual([]);
    await dataSource.query(`UPDATE knowledge_articles SET status = 'published' WHERE id = $1`, [id]);
    expect(await suggested('dirigible')).toEqual([id]);
    await dataSource.query(`UPDATE knowledge_articles SET body = 'Moor the airship to the mast.', title = 'Airship mooring' WHERE id = $1`, [id]);
    expect(await suggested('dirigible')).toEqual([]);
    expect(await frequenciesDrift()).toEqual([]);
    await dataSource.query(`UPDATE knowledge_articles SET status = 'archived' WHERE title LIKE 'What went wrong, part 1%'`);
    await dataSource.query(`DELETE FROM knowledge_articles WHERE title LIKE 'What went wrong, part 2%'`);
    await dataSource.query(`UPDATE knowledge_articles SET status = 'published' WHERE title LIKE 'What went wrong, part 1%'`);
    expect(await frequenciesDrift()).toEqual([]);
    const [wrong] = await dataSource.query(`SELECT published_articles FROM knowledge_term_frequencies WHERE term = 'wrong'`);
    const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM knowledge_articles WHERE title LIKE 'What went wrong%'`);
    expect(wrong.published_articles).toBe(count);
  });
});
