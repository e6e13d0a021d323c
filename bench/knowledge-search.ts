import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { SelectQueryBuilder } from 'typeorm';
import { KnowledgeSearchService, MATCH_CANDIDATES } from '../apps/api/knowledge/knowledge-search.service.js';
import { PUBLIC_SCOPE } from '../apps/api/knowledge/public-knowledge.service.js';
import { createDataSource } from '../libs/db/data-source.js';
import type { KnowledgeArticleEntity } from '../libs/db/entities/knowledge-article.entity.js';
import { runMigrations } from '../libs/db/run-migrations.js';
import { startEmbeddedPostgres } from '../libs/devstack/embedded-postgres.js';
import { freePort } from '../libs/devstack/free-port.js';
import { machineLoad } from './support/machine.js';
import { seededRandom, type SeededRandom } from './support/seeded-random.js';
import { formatTable, seconds, summarize } from './support/stats.js';

// Issue 5: is the knowledge search fast on 100,000 articles? A throwaway PostgreSQL (no Temporal: search never
// touches it), the articles generated here with a skewed vocabulary and loaded with COPY, then the public
// search exactly as the API runs it (KnowledgeSearchService: websearch_to_tsquery on the GIN-indexed vectors, top 10,
// ts_headline on the page). Issue 17: beside it, in the same run, the query it replaced (ts_rank_cd over every
// match), query by query in turn, by class of query (rare words, common words, phrases), with how often both found
// the same top 10; and a sample of the same queries as ILIKE on title and body, every word required, newest first.
// Usage: node dist/bench/knowledge-search.js [--articles 100000] [--queries 300] [--baseline-queries 20] [--seed 5]

/** Today's query, the baseline: the same search with every match ranked. */
class EveryMatchRanked extends KnowledgeSearchService {
  protected override onlyCandidates(ranking: SelectQueryBuilder<KnowledgeArticleEntity>): SelectQueryBuilder<KnowledgeArticleEntity> {
    return ranking;
  }
}

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    queries: { type: 'string', default: '300' },
    // A sequential scan per query: a sample gives its latency as well as all of them would.
    'baseline-queries': { type: 'string', default: '20' },
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

    // Loaded without the GIN indexes (as the migrations made them), which are then built once, as a bulk import would:
    // faster than maintaining them per row.
    const ginIndexes = await dataSource.query<Array<{ name: string; definition: string }>>(
      `SELECT indexrelid::regclass::text AS name, pg_get_indexdef(indexrelid) AS definition
         FROM pg_index WHERE indrelid = 'knowledge_articles'::regclass AND pg_get_indexdef(indexrelid) LIKE '% USING gin %'`,
    );
    for (const { name } of ginIndexes) await dataSource.query(`DROP INDEX ${name}`);
    let started = performance.now();
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
    for (const { definition } of ginIndexes) await dataSource.query(definition);
    const indexMs = performance.now() - started;
    await dataSource.query(`VACUUM ANALYZE knowledge_articles`);
    const [stats] = await dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'published' AND audience = 'public') AS public,
              pg_size_pretty(pg_total_relation_size('knowledge_articles')) AS table_size,
              (SELECT string_agg(indexrelid::regclass || ' ' || pg_size_pretty(pg_relation_size(indexrelid)), ', ')
                 FROM pg_index WHERE indexrelid = ANY($1::text[]::regclass[])) AS index_sizes,
              round(avg(length(body))) AS body_chars
         FROM knowledge_articles`,
      [ginIndexes.map((index) => index.name)],
    );
    console.log(
      `\nloaded ${articleCount} articles in ${seconds(loadMs)} s with COPY (tsvectors generated on insert), GIN indexes built in ${seconds(indexMs)} s; ` +
        `${stats.public} published public; body ${stats.body_chars} characters on average; table ${stats.table_size} (${stats.index_sizes})`,
    );

    const queries = Array.from({ length: queryCount }, () => customerQuery(random));
    const matches: number[] = [];
    for (const query of queries) {
      const [{ count }] = await dataSource.query(
        `SELECT count(*) AS count FROM knowledge_articles
          WHERE search_vector @@ websearch_to_tsquery('english', $1) AND status = 'published' AND audience = 'public'`,
        [query],
      );
      matches.push(Number(count));
    }
    const matched = summarize(matches);
    console.log(
      `\npublished public articles matching a query: p50 ${matched.p50}, p99 ${matched.p99}, max ${matched.max}; ` +
        `queries with no match: ${matches.filter((count) => count === 0).length} of ${queryCount}`,
    );

    const today = new EveryMatchRanked(dataSource);
    const candidates = new KnowledgeSearchService(dataSource);
    const hitIds = (search: KnowledgeSearchService) => async (query: string) =>
      (await search.search(query, PUBLIC_SCOPE, PAGE)).map((hit) => hit.article.id);
    const compared = await measureInTurn(queries, [hitIds(today), hitIds(candidates)]);
    const ilike = await measureInTurn(queries.slice(0, baselineCount), [ilikeSearch]);

    const classes: Array<[string, (query: string, index: number) => boolean]> = [
      [`rare words (at most ${MATCH_CANDIDATES} matches: all ranked)`, (query, i) => !query.includes('"') && matches[i] <= MATCH_CANDIDATES],
      [`common words (over ${MATCH_CANDIDATES} matches)`, (query, i) => !query.includes('"') && matches[i] > MATCH_CANDIDATES],
      ['quoted phrases', (query) => query.includes('"')],
      ['all', () => true],
    ];
    const rows: Array<Array<string | number>> = [];
    for (const [name, inClass] of classes) {
      const members = queries.flatMap((query, i) => (inClass(query, i) ? [compared[i]] : []));
      const sameTop10 = members.filter(([before, after]) => before.result.join() === after.result.join()).length;
      const sameFirst = members.filter(([before, after]) => before.result[0] === after.result[0]).length;
      rows.push([`${name}: baseline, today's query (every match ranked)`, ...latencyFigures(members.map(([before]) => before.ms)), '', '']);
      rows.push([`${name}: KnowledgeSearchService.search (candidates ranked)`, ...latencyFigures(members.map(([, after]) => after.ms)), sameTop10, sameFirst]);
    }
    rows.push(['baseline: ILIKE on title and body, newest first (no ranking, no highlights)', ...latencyFigures(ilike.map(([run]) => run.ms)), '', '']);
    console.log(`\n${formatTable(['public search, top 10 with highlights', 'queries', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'same top 10', 'same first'], rows)}`);
    // Where the first hit changed: is the one every-match ranking put first a title (or tags) match?
    const missed = queries.flatMap((query, i) => (compared[i][0].result[0] !== compared[i][1].result[0] ? [i] : []));
    for (const i of missed) {
      const [{ in_title }] = await dataSource.query(
        `SELECT title_vector @@ websearch_to_tsquery('english', $1) AS in_title FROM knowledge_articles WHERE id = $2`,
        [queries[i], compared[i][0].result[0]],
      );
      console.log(`first hit differs: ${queries[i]} (${matches[i]} matches; before, the first matched in ${in_title ? 'its title or tags' : 'its body only'})`);
    }
    console.log(`\nmachine at the end: ${machineLoad()}`);

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

interface Run<T> {
  ms: number;
  result: T;
}

/**
 * Each query once with every search untimed (warm caches, as a live system has), then timed with each in turn, so the
 * machine's changing load (others' work shares it) weighs on all alike. Per query, one run per search.
 */
async function measureInTurn<T>(queries: string[], searches: Array<(query: string) => Promise<T>>): Promise<Array<Array<Run<T>>>> {
  for (const query of queries) for (const search of searches) await search(query);
  const runs: Array<Array<Run<T>>> = [];
  for (const query of queries) {
    const perSearch: Array<Run<T>> = [];
    for (const search of searches) {
      const started = performance.now();
      const result = await search(query);
      perSearch.push({ ms: performance.now() - started, result });
    }
    runs.push(perSearch);
  }
  return runs;
}

/** count, p50, p95, p99, max in ms, as the table prints them. */
function latencyFigures(ms: number[]): Array<string | number> {
  const { count, p50, p95, p99, max } = summarize(ms);
  return [count, ...[p50, p95, p99, max].map((value) => value.toFixed(1))];
}
