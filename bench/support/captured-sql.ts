import type { DataSource } from 'typeorm';

/** A statement as the application sent it: text and parameters. */
export interface Statement {
  sql: string;
  parameters: unknown[];
}

/**
 * Runs `work` through `dataSource` and returns the SELECTs it sent, in order: the very SQL an API code path runs, to
 * EXPLAIN and to time beside it. TypeORM hands every query to its logger, whatever the logging option says.
 */
export async function captureSelects(dataSource: DataSource, work: () => Promise<unknown>): Promise<Statement[]> {
  const logger = dataSource.logger;
  const original = logger.logQuery;
  const captured: Statement[] = [];
  logger.logQuery = (sql, parameters, runner) => {
    if (/^\s*SELECT/i.test(sql)) captured.push({ sql, parameters: (parameters ?? []) as unknown[] });
    return original.call(logger, sql, parameters, runner);
  };
  try {
    await work();
  } finally {
    logger.logQuery = original;
  }
  return captured;
}
