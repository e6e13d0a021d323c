import type { DataSource } from 'typeorm';

/** Every row of these tables, by table: compared before and after a refused call to show it wrote nothing. */
export async function tableRows(dataSource: DataSource, tables: readonly string[]): Promise<Record<string, unknown[]>> {
  const entries = await Promise.all(tables.map(async (table) => [table, await dataSource.query(`SELECT * FROM ${table} ORDER BY 1, 2`)] as const));
  return Object.fromEntries(entries);
}
