import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The knowledge base on top of the shared `knowledge_articles` core: full-text search (a generated, weighted tsvector:
 * title A, tags B, body C, english stemming, GIN-indexed), the previous versions of every article, the links agents
 * make from tickets and replies to articles, and the public searches with the article a customer then opened.
 */
export class KnowledgeBase1795939200000 implements MigrationInterface {
  name = 'KnowledgeBase1795939200000';

  async up(db: QueryRunner): Promise<void> {
    // A generated column needs immutable functions; array_to_string is only stable (for arrays of any type), but over
    // text[] it is immutable in fact.
    await db.query(`
      CREATE FUNCTION knowledge_tags_text(tags text[]) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN array_to_string(tags, ' ')`);
    await db.query(`
      ALTER TABLE knowledge_articles ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title), 'A') ||
        setweight(to_tsvector('english', knowledge_tags_text(tags)), 'B') ||
        setweight(to_tsvector('english', body), 'C')
      ) STORED`);
    await db.query(`CREATE INDEX knowledge_articles_search ON knowledge_articles USING gin (search_vector)`);
    await db.query(`ALTER TABLE knowledge_articles ADD CONSTRAINT knowledge_articles_version_positive CHECK (version >= 1)`);
    // Who wrote the current version (null for imported articles); each kept version names its own editor.
    await db.query(`ALTER TABLE knowledge_articles ADD COLUMN edited_by uuid REFERENCES users(id)`);
    await db.query(`
      CREATE TABLE knowledge_article_versions (
        article_id uuid NOT NULL REFERENCES knowledge_articles(id) ON DELETE CASCADE,
        version integer NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        tags text[] NOT NULL,
        status text NOT NULL,
        audience text NOT NULL,
        edited_by uuid REFERENCES users(id),
        edited_at timestamptz NOT NULL,
        CONSTRAINT knowledge_article_versions_pk PRIMARY KEY (article_id, version)
      )`);
    await db.query(`
      CREATE TABLE knowledge_article_links (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        article_id uuid NOT NULL REFERENCES knowledge_articles(id) ON DELETE CASCADE,
        ticket_id uuid NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
        message_id uuid REFERENCES ticket_messages(id) ON DELETE CASCADE,
        linked_by uuid NOT NULL REFERENCES users(id),
        linked_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT knowledge_article_links_unique UNIQUE NULLS NOT DISTINCT (article_id, ticket_id, message_id)
      )`);
    await db.query(`CREATE INDEX knowledge_article_links_ticket ON knowledge_article_links (ticket_id)`);
    await db.query(`
      CREATE TABLE knowledge_searches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        query text NOT NULL,
        result_count integer NOT NULL,
        searched_at timestamptz NOT NULL DEFAULT now(),
        clicked_article_id uuid REFERENCES knowledge_articles(id) ON DELETE SET NULL,
        clicked_at timestamptz
      )`);
    await db.query(`CREATE INDEX knowledge_searches_searched_at ON knowledge_searches (searched_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE knowledge_searches`);
    await db.query(`DROP TABLE knowledge_article_links`);
    await db.query(`DROP TABLE knowledge_article_versions`);
    await db.query(`ALTER TABLE knowledge_articles DROP COLUMN edited_by`);
    await db.query(`ALTER TABLE knowledge_articles DROP CONSTRAINT knowledge_articles_version_positive`);
    await db.query(`ALTER TABLE knowledge_articles DROP COLUMN search_vector`);
    await db.query(`DROP FUNCTION knowledge_tags_text(text[])`);
  }
}
