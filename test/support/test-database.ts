import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../libs/db/data-source.js';
import { runMigrations } from '../../libs/db/run-migrations.js';
import { testStack } from './test-stack.js';

/** A fresh database on the run's PostgreSQL, migrated; each test file gets its own. */
export async function createTestDatabase(): Promise<{ url: string; dataSource: DataSource }> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testStack().adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = testStack().adminUrl.replace(/\/[^/]+$/, `/${name}`);
  const dataSource = createDataSource({ url, poolSize: 5 });
  await dataSource.initialize();
  await runMigrations(dataSource);
  return { url, dataSource };
}
