import type { DataSource } from 'typeorm';
import { KnowledgeSearchService, MATCH_CANDIDATES, TITLE_CANDIDATES } from '../../apps/api/knowledge/knowledge-search.service.js';
import { PUBLIC_SCOPE } from '../../apps/api/knowledge/public-knowledge.service.js';
import { createTestDatabase } from '../support/test-database.js';

// The search ranks only candidates (issue 17): more matches than it ranks must still leave the best article first,
// and a query matching fewer must rank every match as before.
describe('knowledge search candidates', () => {
  let dataSource: DataSource;
  let search: KnowledgeSearchService;
  let best: string;

  beforeAll(async () => {
    ({ dataSource } = await createTestDatabase());
    search = new KnowledgeSearchService(dataSource);
    // Both words in more bodies than MATCH_CANDIDATES, apart; one of them in more titles than TITLE_CANDIDATES, longer.
    await articles(MATCH_CANDIDATES + 100, `'Field note ' || n`, `'A zeppelin rests in the old town, far from any hangar.'`);
    await articles(TITLE_CANDIDATES + 100, `'Zeppelin flights over the northern coast, part ' || n`, `'Notes on the route.'`);
    // The best match of all comes last, where the first matches the index returns do not reach.
    [{ id: best }] = await dataSource.query(
      `INSERT INTO knowledge_articles (title, body, tags, status, audience)
       VALUES ('Zeppelin hangar', 'Where the zeppelin hangar stands.', '{zeppelin}', 'published', 'public') RETURNING id`,
    );
    // A word in fewer articles than MATCH_CANDIDATES, once or twice, in titles, bodies or both.
    await articles(40, `CASE WHEN n % 7 = 0 THEN 'Dirigible ' || n ELSE 'Airship ' || n END`, `repeat('dirigible ', n % 3) || 'seen ' || n`);
  });
  afterAll(() => dataSource?.destroy());

  async function articles(count: number, titleSql: string, bodySql: string): Promise<void> {
    await dataSource.query(
      `INSERT INTO knowledge_articles (title, body, tags, status, audience)
       SELECT ${titleSql}, ${bodySql}, '{}', 'published', 'public' FROM generate_series(1, $1) AS n`,
      [count],
    );
  }

  it.each(['zeppelin', 'zeppelin hangar', '"zeppelin hangar"', 'hangar zeppelin -coast'])(
    'puts the best-ranked article first though more articles match %s than are ranked',
    async (query) => {
      const hits = await search.search(query, PUBLIC_SCOPE, 10);
      expect(hits[0].article.id).toBe(best);
      const ranks = hits.map((hit) => hit.rank);
      expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    },
  );

  it('ranks every match, as before, when no more match than are ranked', async () => {
    const everyMatch = await dataSource.query<Array<{ id: string }>>(
      `SELECT id FROM knowledge_articles WHERE search_vector @@ websearch_to_tsquery('english', 'dirigible')
        ORDER BY ts_rank_cd(search_vector, websearch_to_tsquery('english', 'dirigible'), 1) DESC, updated_at DESC, id LIMIT 10`,
    );
    const hits = await search.search('dirigible', PUBLIC_SCOPE, 10);
    expect(hits.map((hit) => hit.article.id)).toEqual(everyMatch.map((row) => row.id));
  });

  it('loosens only phrases for the index: AND instead, negations dropped', async () => {
    const loosened = async (query: string) =>
      (await dataSource.query(`SELECT knowledge_query_without_positions(websearch_to_tsquery('english', $1))::text AS q`, [query]))[0].q;
    expect(await loosened('"zeppelin hangar" coast')).toBe(`'zeppelin' & 'hangar' & 'coast'`);
    expect(await loosened('single sign-on -"old hangar"')).toBe(`'singl' & 'sign-on' & 'sign'`);
    expect(await loosened('zeppelin -coast')).toBe(`'zeppelin' & !'coast'`);
    expect(await loosened('-"old hangar"')).toBe(`!( 'old' <-> 'hangar' )`);
  });
});
