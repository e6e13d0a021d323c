import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What lets the knowledge search rank only its best candidates instead of every match (issue 17): a small vector of
 * title (A) and tags (B), GIN-indexed, short enough to stay in the row where the whole vector is TOASTed; and the
 * query with its word positions dropped, which the GIN index answers without reading any article's vector.
 */
export class KnowledgeSearchCandidates1797250000000 implements MigrationInterface {
  name = 'KnowledgeSearchCandidates1797250000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE knowledge_articles ADD COLUMN title_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title), 'A') ||
        setweight(to_tsvector('english', knowledge_tags_text(tags)), 'B')
      ) STORED`);
    await db.query(`CREATE INDEX knowledge_articles_title_search ON knowledge_articles USING gin (title_vector)`);
    // Phrases (`"a b"`, and hyphenated words) need each match's positions, so the index cannot answer them alone. The
    // same query with every phrase as AND (and, querytree, negations dropped) matches a superset the index answers
    // exactly. Lexemes never hold '<', so only operators are rewritten. Unchanged: no phrase, or nothing indexable.
    await db.query(`
      CREATE FUNCTION knowledge_query_without_positions(query tsquery) RETURNS tsquery
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        RETURN CASE WHEN strpos(query::text, '<') = 0 OR querytree(query) = 'T' THEN query
                    ELSE regexp_replace(querytree(query), '<(-|[0-9]+)>', '&', 'g')::tsquery END`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION knowledge_query_without_positions(tsquery)`);
    await db.query(`ALTER TABLE knowledge_articles DROP COLUMN title_vector`);
  }
}
