import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { KnowledgeSearchService } from '../apps/api/knowledge/knowledge-search.service.js';
import { PUBLIC_SCOPE } from '../apps/api/knowledge/public-knowledge.service.js';
import { createDataSource } from '../libs/db/data-source.js';
import { runMigrations } from '../libs/db/run-migrations.js';
import { startEmbeddedPostgres } from '../libs/devstack/embedded-postgres.js';
import { freePort } from '../libs/devstack/free-port.js';
import { machineLoad } from './support/machine.js';
import { seededRandom, type SeededRandom } from './support/seeded-random.js';
import { formatTable, seconds, summarize } from './support/stats.js';

// Issue 5: is the knowledge search fast on 100,000 articles? A throwaway PostgreSQL (no Temporal: search never
// touches it), the articles generated here with a skewed vocabulary and loaded with COPY, then the public
// search exactly as the API runs it (KnowledgeSearchService: websearch_to_tsquery on the GIN-indexed vector,
// ts_rank_cd, top 10, ts_headline on the page) beside a baseline in the same run: the same queries as ILIKE on title
// and body, every word required, newest first (no ranking, no highlights).
// Usage: node dist/bench/knowledge-search.js [--articles 100000] [--queries 300] [--baseline-queries 40] [--seed 5]

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    queries: { type: 'string', default: '300' },
    // A sequential scan per query: a sample gives its latency as well as all of them would.
    'baseline-queries': { type: 'string', default: '40' },
    seed: { type: 'string', default: '5' },
  },
});
const articleCount = Number(values.articles);
const queryCount = Number(values.queries);
const baselineCount = Math.min(Number(values['baseline-queries']), queryCount);
const random = seededRandom(Number(values.seed));
const PAGE = 10;

// The head of the vocabulary: words support articles use; the tail: made-up words, each rare.
const COMMON_WORDS = `account password reset login sign email invoice billing payment refund plan subscription cancel upgrade
  downgrade team user admin role permission settings profile notification mobile app desktop browser error issue problem
  ticket reply customer agent report export import data file upload download integration api key token webhook sso saml
  okta security two factor authentication code phone network vpn proxy connection timeout slow performance sync calendar
  schedule meeting chat message attachment image video audio language translation search filter view dashboard widget
  theme dark mode keyboard shortcut install update version release backup restore delete archive privacy gdpr consent
  cookie domain dns record certificate ssl firewall port server database migration workflow automation rule trigger
  macro tag priority status queue group escalation sla deadline holiday business hours survey rating feedback`
  .split(/\s+/)
  .filter(Boolean);
const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tor', 'vi', 'sul', 'pa', 'dex', 'no', 'qua', 'bri', 'fen', 'go', 'hal', 'ju', 'ster', 'wy'];
const vocabulary = [...new Set([...COMMON_WORDS, ...Array.from({ length: 6000 }, () => madeUpWord(random))])];

function madeUpWord(rng: SeededRandom): string {
  return Array.from({ length: rng.int(2, 4) }, () => rng.pick(SYLLABLES)).join('');
}

/**
 * Word ranks skewed like content words (Zipf–Mandelbrot, P(i) ~ 1/(i + HEAD_FLATTENING)): the first word is in about
 * half of the bodies, the made-up tail words in a handful. Stop words, far more frequent, are dropped from the index.
 */
const HEAD_FLATTENING = 50;

function skewedWord(rng: SeededRandom): string {
  const low = Math.log(HEAD_FLATTENING + 1);
  const rank = Math.floor(Math.exp(low + rng.next() * (Math.log(vocabulary.length + HEAD_FLATTENING) - low))) - HEAD_FLATTENING;
  return vocabulary[Math.min(vocabulary.length, rank) - 1];
}

/** What customers type: mostly one or two words, sometimes three or a quoted phrase. */
/** COPY text lines (the words hold no tab, newline or backslash to escape): 80 % published, 70 % public. */
function* articleLines(count: number, authorId: string): Generator<string> {
  const words = (min: number, max: number) => Array.from({ length: random.int(min, max) }, () => skewedWord(random)).join(' ');
  for (let i = 0; i < count; i++) {
    const status = random.chance(0.8) ? 'published' : random.pick(['draft', 'archived']);
    const audience = random.chance(0.7) ? 'public' : 'internal';
    yield `${words(4, 9)}\t${words(60, 220)}\t{${skewedWord(random)},${skewedWord(random)}}\t${status}\t${audience}\t${authorId}\n`;
  }
}

function customerQuery(rng: SeededRandom): string {
  const words = Array.from({ length: rng.pick([1, 1, 2, 2, 2, 3]) }, () => skewedWord(rng));
  return rng.chance(0.1) && words.length > 1 ? `"${words.join(' ')}"` : words.join(' ');
}

console.log(
  `knowledge-search: ${articleCount} articles (vocabulary ${vocabulary.length} words, skewed), ${queryCount} public searches ` +
    `(${baselineCount} for the baseline), top ${PAGE}, seed ${values.seed}\nmachine: ${machineLoad()}, node ${process.version}`,
);

const dir = mkdtempSync(join(tmpdir(), 'helpdesk-bench-kb-'));
const postgres = await startEmbeddedPostgres({ dataDir: join(dir, 'postgres'), port: await freePort(), persistent: false });
try {
  await postgres.createDatabase('helpdesk');
  const dataSource = await createDataSource({ url: postgres.urlFor('helpdesk'), poolSize: 2 }).initialize();
  try {
    await runMigrations(dataSource);
    const authorId = randomUUID();
    await dataSource.query(`INSERT INTO users (id, email, display_name, password_hash, roles) VALUES ($1, 'kb@example.com', 'kb', '-', '{agent}')`, [authorId]);

    // Loaded without the GIN index, which is then built once (as a bulk import would): faster than maintaining it per row.
    let started = performance.now();
    await dataSource.query(`DROP INDEX knowledge_articles_search`);
    const loader = new pg.Client({ connectionString: postgres.urlFor('helpdesk') });
    await loader.connect();
    try {
      const copy = loader.query(copyFrom('COPY knowledge_articles (title, body, tags, status, audience, author_id) FROM STDIN'));
      await pipeline(Readable.from(articleLines(articleCount, authorId)), copy);
    } finally {
      await loader.end();
    }
    const loadMs = performance.now() - started;
    started = performance.now();
    await dataSource.query(`CREATE INDEX knowledge_articles_search ON knowledge_articles USING gin (search_vector)`);
    const indexMs = performance.now() - started;
    await dataSource.query(`VACUUM ANALYZE knowledge_articles`);
    const [stats] = await dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'published' AND audience = 'public') AS public,
              pg_size_pretty(pg_total_relation_size('knowledge_articles')) AS table_size,
              pg_size_pretty(pg_relation_size('knowledge_articles_search')) AS index_size,
              round(avg(length(body))) AS body_chars
         FROM knowledge_articles`,
    );
    console.log(
      `\nloaded ${articleCount} articles in ${seconds(loadMs)} s with COPY (tsvector generated on insert), GIN index built in ${seconds(indexMs)} s; ` +
        `${stats.public} published public; body ${stats.body_chars} characters on average; table ${stats.table_size}, index ${stats.index_size}`,
    );

    const queries = Array.from({ length: queryCount }, () => customerQuery(random));
    const search = new KnowledgeSearchService(dataSource);
    const hitCounts: number[] = [];
    const fts = await measure(queries, async (query) => hitCounts.push((await search.search(query, PUBLIC_SCOPE, PAGE)).length));
    const matches = await Promise.all(
      queries.slice(0, 60).map(async (query) => {
        const [{ count }] = await dataSource.query(
          `SELECT count(*) AS count FROM knowledge_articles
            WHERE search_vector @@ websearch_to_tsquery('english', $1) AND status = 'published' AND audience = 'public'`,
          [query],
        );
        return Number(count);
      }),
    );
    const ilike = await measure(queries.slice(0, baselineCount), (query) => ilikeSearch(query));

    const matched = summarize(matches);
    console.log(
      `\nrows matching a query (first 60 queries): p50 ${matched.p50}, p99 ${matched.p99}, max ${matched.max}; ` +
        `queries with no hit: ${hitCounts.filter((count) => count === 0).length} of ${queryCount}\n`,
    );
    console.log(
      formatTable(
        ['search', 'queries', 'p50 ms', 'p99 ms', 'max ms'],
        [
          ['full-text: KnowledgeSearchService.search (rank + highlights)', queryCount, ...fts],
          ['baseline: ILIKE on title and body, newest first', baselineCount, ...ilike],
        ],
      ),
    );

    async function ilikeSearch(query: string): Promise<unknown> {
      const words = query.replace(/"/g, '').split(' ');
      const conditions = words.map((_, i) => `(title ILIKE $${i + 1} OR body ILIKE $${i + 1})`).join(' AND ');
      return dataSource.query(
        `SELECT id, title, body FROM knowledge_articles
          WHERE ${conditions} AND status = 'published' AND audience = 'public'
          ORDER BY updated_at DESC LIMIT ${PAGE}`,
        words.map((word) => `%${word}%`),
      );
    }
  } finally {
    await dataSource.destroy();
  }
} finally {
  await postgres.stop();
  rmSync(dir, { recursive: true, force: true });
}

/** Runs each query once untimed (warm caches, as a live system has), then once timed: p50, p99, max in ms. */
async function measure(queries: string[], run: (query: string) => Promise<unknown>): Promise<[string, string, string]> {
  for (const query of queries) await run(query);
  const latencies: number[] = [];
  for (const query of queries) {
    const before = performance.now();
    await run(query);
    latencies.push(performance.now() - before);
  }
  const { p50, p99, max } = summarize(latencies);
  return [p50.toFixed(1), p99.toFixed(1), max.toFixed(1)];
}
