import type { INestApplication, Provider } from '@nestjs/common';
import { Test, type TestingModuleBuilder } from '@nestjs/testing';
import { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { AppModule } from '../../apps/api/app.module.js';
import type { GraphQLResponse, TestSystem } from './test-system.js';

export interface ApiReplicaOptions {
  /** Its own connection pool (e.g. one whose queries a test counts); default: the system's. */
  dataSource?: DataSource;
  /** Its own Temporal client (e.g. one whose calls a test counts); default: the system's. */
  temporal?: Client;
  /** Extra modules or providers beside the app (e.g. a resolver a test needs). */
  imports?: Array<NonNullable<Parameters<typeof Test.createTestingModule>[0]['imports']>[number]>;
  providers?: Provider[];
  /** Replace providers, e.g. `(app) => app.overrideProvider(TOKEN).useValue(fake)`. */
  override?: (builder: TestingModuleBuilder) => TestingModuleBuilder;
}

export interface ApiReplica {
  url: string;
  graphql: TestSystem['graphql'];
  stop(): Promise<void>;
}

/**
 * A second API process of the same system (same database, Temporal and tokens), as another replica would be, but
 * built with Nest's testing module so a test can swap a provider or add one. The system's own API stays as it was.
 */
export async function startApiReplica(system: TestSystem, options: ApiReplicaOptions = {}): Promise<ApiReplica> {
  const deps = { config: system.config, dataSource: options.dataSource ?? system.dataSource, temporal: options.temporal ?? system.temporal };
  let builder = Test.createTestingModule({ imports: [AppModule.register(deps), ...(options.imports ?? [])], providers: options.providers ?? [] });
  builder = options.override?.(builder) ?? builder;
  const app: INestApplication = (await builder.compile()).createNestApplication({ logger: false });
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const graphql: TestSystem['graphql'] = async (query, variables, token) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<any>;
  };
  return { url, graphql, stop: () => app.close() };
}
