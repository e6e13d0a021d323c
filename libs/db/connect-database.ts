import type { DataSource } from 'typeorm';
import { createDataSource } from './data-source.js';

/** Connects, or fails fast naming the server (never the password). Later outages are retried by the pool. */
export async function connectDatabase(url: string): Promise<DataSource> {
  const dataSource = createDataSource({ url });
  try {
    return await dataSource.initialize();
  } catch (error) {
    const where = new URL(url);
    throw new Error(`Cannot reach PostgreSQL at ${where.hostname}:${where.port || 5432}${where.pathname}: ${(error as Error).message}`);
  }
}
