import type { DataSource } from 'typeorm';
import { TICKET_TOPICS } from './corpus-ticket-kind.js';

// A help center for the read-side benchmark's suggestions: articles about the same topics the generated tickets name
// (corpus-ticket-kind.ts). A body is 60-180 words: one in twenty a topic, one in twenty an everyday support word (so
// "wrong" is in about one article in six, as in a real knowledge base), the rest drawn from a 5,000-word vocabulary
// of made-up words; 80 % published, two thirds public. Made in one INSERT ... SELECT with a seeded random(), so a run
// gives the same articles every time.

const EVERYDAY_WORDS = `account error wrong something customer please steps settings page button click again open close
  update version browser app email message team admin user help issue problem fix works working shows`
  .split(/\s+/)
  .filter(Boolean);

/** Inserts `count` articles by `authorId`; returns how many are published (what suggestions may offer). */
export async function insertKnowledgeBase(dataSource: DataSource, count: number, authorId: string): Promise<number> {
  await dataSource.transaction(async (manager) => {
    await manager.query('SELECT setseed(0.17)');
    await manager.query(
      `INSERT INTO knowledge_articles (title, body, tags, status, audience, author_id)
       SELECT 'How to solve ' || t[1 + floor(random() * cardinality(t))::int] || ' ' || w[1 + floor(random() * cardinality(w))::int] || ' problems',
              (SELECT string_agg(word, ' ')
                 FROM (SELECT CASE WHEN r < 0.05 THEN t[1 + floor(random() * cardinality(t))::int]
                                   WHEN r < 0.1 THEN w[1 + floor(random() * cardinality(w))::int]
                                   ELSE 'zu' || to_hex(floor(random() * 5000)::int) END AS word
                         FROM (SELECT random() AS r FROM generate_series(1, 60 + n % 120)) AS draws) AS body_words),
              ARRAY[t[1 + floor(random() * cardinality(t))::int]],
              CASE WHEN random() < 0.8 THEN 'published' ELSE 'draft' END,
              CASE WHEN random() < 0.67 THEN 'public' ELSE 'internal' END,
              $3
         FROM generate_series(1, $4::int) AS n, (SELECT $1::text[] AS t, $2::text[] AS w) AS words`,
      [TICKET_TOPICS, EVERYDAY_WORDS, authorId, count],
    );
  });
  await dataSource.query('VACUUM ANALYZE knowledge_articles');
  const [{ published }] = await dataSource.query<Array<{ published: string }>>(
    `SELECT count(*) AS published FROM knowledge_articles WHERE status = 'published'`,
  );
  return Number(published);
}
