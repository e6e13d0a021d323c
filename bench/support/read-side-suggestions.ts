import type { DataSource } from 'typeorm';
import { KnowledgeSearchService } from '../../apps/api/knowledge/knowledge-search.service.js';
import { KnowledgeSuggestionsService } from '../../apps/api/knowledge/knowledge-suggestions.service.js';
import { captureSelects } from './captured-sql.js';
import { explainAnalyze, planTree } from './plan-summary.js';
import { summarize, type Summary } from './stats.js';

// Issue 17: knowledge suggestions as the API makes them (the ticket's discriminating words) beside the query they
// replaced (every word of the ticket ORed), in this process (no HTTP), ticket by ticket in turn, with each one's
// words and plan for the first ticket.

/** The query before: every word of the ticket, however common. */
class EveryWordSuggested extends KnowledgeSuggestionsService {
  protected override termsToSearch(terms: string[]): Promise<string[]> {
    return Promise.resolve(terms);
  }
}

export interface SuggestionQueryFigures {
  name: string;
  latency: Summary;
  /** The websearch query the first ticket's suggestion ran, its hits' titles, and that statement's plan. */
  query: string;
  titles: string[];
  executionMs: number;
  buffers: number;
  plan: string;
}

export async function compareSuggestionQueries(db: DataSource, ticketIds: string[], runs: number, first: number): Promise<SuggestionQueryFigures[]> {
  const search = new KnowledgeSearchService(db);
  const variants: Array<[string, KnowledgeSuggestionsService]> = [
    ['discriminating words (now)', new KnowledgeSuggestionsService(db, search)],
    ['every word ORed (before)', new EveryWordSuggested(db, search)],
  ];
  const latencies = variants.map((): number[] => []);
  for (let run = 0; run < runs; run++) {
    for (const [index, [, suggestions]] of variants.entries()) {
      const started = performance.now();
      await suggestions.forTicket(ticketIds[run % ticketIds.length], first);
      latencies[index].push(performance.now() - started);
    }
  }
  const figures: SuggestionQueryFigures[] = [];
  for (const [index, [name, suggestions]] of variants.entries()) {
    let titles: string[] = [];
    const statements = await captureSelects(db, async () => {
      titles = (await suggestions.forTicket(ticketIds[0], first)).map((hit) => hit.article.title);
    });
    const ranking = statements.find((statement) => statement.sql.includes('ts_rank_cd'))!;
    const analyzed = await explainAnalyze(db, ranking.sql, ranking.parameters);
    figures.push({
      name,
      latency: summarize(latencies[index]),
      query: String(ranking.parameters[0]),
      titles,
      executionMs: analyzed.executionMs,
      buffers: (analyzed.plan['Shared Hit Blocks'] ?? 0) + (analyzed.plan['Shared Read Blocks'] ?? 0),
      plan: planTree(analyzed.plan, '      '),
    });
  }
  return figures;
}
