import { GraphQLSchemaHost } from '@nestjs/graphql';
import { Client } from '@temporalio/client';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { DataSource } from 'typeorm';
import { readConfig } from '../../libs/config/app-config.js';
import { createApiApp } from './create-api-app.js';

const HEADER = '# Generated from the code-first resolvers by `npm run schema`. Do not edit; a test fails when it is stale.\n\n';

/** The API's GraphQL schema as SDL, built without connecting to anything (the DataSource and client stay idle). */
export async function renderSchemaSdl(): Promise<string> {
  const app = await createApiApp(
    {
      config: { ...readConfig({}), jwtSecret: 'schema-rendering-only' },
      dataSource: new DataSource({ type: 'postgres' }),
      temporal: new Client(), // a lazy connection: nothing is dialled unless used
    },
    false,
  );
  try {
    await app.init();
    return HEADER + printSchema(lexicographicSortSchema(app.get(GraphQLSchemaHost).schema)) + '\n';
  } finally {
    await app.close();
  }
}
