import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * In how many published articles each word (each lexeme of the search vector) is, so a suggestion can leave out the
 * words too common to pick its candidates (issue 17). Kept by statement triggers on knowledge_articles, one per kind of
 * change (transition tables allow one event per trigger), so a bulk insert or import adds its counts in one statement;
 * a word whose articles all went keeps its row at 0.
 */
export class KnowledgeSuggestionTerms1797400000300 implements MigrationInterface {
  name = 'KnowledgeSuggestionTerms1797400000300';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE knowledge_term_frequencies (
        term text PRIMARY KEY,
        published_articles integer NOT NULL
      )`);
    // Terms in their order, so two concurrent article writes lock the rows they share in the same order (no deadlock).
    await db.query(`
      CREATE FUNCTION knowledge_term_frequencies_follow() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        published_before text := 'SELECT search_vector, -1 AS change FROM old_articles WHERE status = ''published''';
        published_after text := 'SELECT search_vector, 1 AS change FROM new_articles WHERE status = ''published''';
      BEGIN
        EXECUTE format(
          'INSERT INTO knowledge_term_frequencies AS f (term, published_articles)
           SELECT term, sum(change) FROM (%s) AS changed, unnest(tsvector_to_array(search_vector)) AS term
            GROUP BY term HAVING sum(change) <> 0 ORDER BY term
           ON CONFLICT (term) DO UPDATE SET published_articles = f.published_articles + EXCLUDED.published_articles',
          CASE TG_OP WHEN 'INSERT' THEN published_after
                     WHEN 'DELETE' THEN published_before
                     ELSE published_before || ' UNION ALL ' || published_after END);
        RETURN NULL;
      END $$`);
    for (const [event, tables] of [
      ['INSERT', 'NEW TABLE AS new_articles'],
      ['UPDATE', 'OLD TABLE AS old_articles NEW TABLE AS new_articles'],
      ['DELETE', 'OLD TABLE AS old_articles'],
    ]) {
      await db.query(`
        CREATE TRIGGER knowledge_term_frequencies_${event.toLowerCase()} AFTER ${event} ON knowledge_articles
          REFERENCING ${tables} FOR EACH STATEMENT EXECUTE FUNCTION knowledge_term_frequencies_follow()`);
    }
    await db.query(`
      INSERT INTO knowledge_term_frequencies (term, published_articles)
      SELECT word, ndoc FROM ts_stat('SELECT search_vector FROM knowledge_articles WHERE status = ''published''')`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const event of ['insert', 'update', 'delete']) await db.query(`DROP TRIGGER knowledge_term_frequencies_${event} ON knowledge_articles`);
    await db.query(`DROP FUNCTION knowledge_term_frequencies_follow()`);
    await db.query(`DROP TABLE knowledge_term_frequencies`);
  }
}
