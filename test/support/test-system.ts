import type { INestApplication } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { connectClient } from '../../libs/temporal/client-connection.js';
import { createDataSource } from '../../libs/db/data-source.js';
import { runMigrations } from '../../libs/db/run-migrations.js';
import { hashPassword } from '../../apps/api/auth/password-hasher.js';
import { createApiApp } from '../../apps/api/create-api-app.js';
import { listenForInboundMail } from '../../apps/api/email/inbound-mail.listener.js';
import { createHelpdeskWorker } from '../../apps/worker/create-worker.js';
import { surveyLinkConfig } from '../../activities/surveys/survey-links.js';
import { outboundMailSettings, readConfig, type AppConfig } from '../../libs/config/app-config.js';
import { startDevOutbox } from '../../libs/devstack/dev-outbox.js';
import { UserEntity } from '../../libs/db/entities/user.entity.js';
import type { Role } from '../../libs/domain/auth/roles.js';
import { createTestDatabase } from './test-database.js';
import { testStack, workflowBundle } from './test-stack.js';

export interface GraphQLResponse<T> {
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string } & Record<string, unknown> }>;
}

/** The real system for one test file: its own database, the run's Temporal server, a worker on its own task queue. */
export interface TestSystem {
  url: string;
  /** Port of the API's inbound SMTP listener (on 127.0.0.1), for mail to the support addresses. */
  inboundSmtpPort: number;
  config: AppConfig & { jwtSecret: string; databaseUrl: string; temporalAddress: string; smtpUrl: string };
  dataSource: DataSource;
  temporal: Client;
  /** The system's worker (running until `stop`). */
  worker: Worker;
  /**
   * Stops the worker and waits until it has (what a deploy does), then serves the task queue from a new one, which
   * `worker` names from then on. The stop rejects when the worker has not stopped within `stopWithinMs`.
   */
  replaceWorker(stopWithinMs: number): Promise<void>;
  graphql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  /** The same POST, with the HTTP status as well. */
  graphqlHttp<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<{ status: number; body: GraphQLResponse<T> }>;
  /** Creates a user with these roles and signs in through the login mutation (the credentials, for a browser's login). */
  signIn(roles: Role[]): Promise<{ token: string; userId: string; email: string; password: string }>;
  stop(): Promise<void>;
}

let runtimeInstalled = false;

/**
 * Installs the Temporal runtime with a quiet logger, once per test file. Call it before anything else creates the
 * runtime (a Worker, or TestWorkflowEnvironment when a test starts its own dev stack), or the default one is used.
 */
export function installTestRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch (error) {
    // Something created the runtime already: keep it (only the log level differs).
    if ((error as Error).name !== 'IllegalStateError') throw error;
  }
}

/**
 * By default the system runs on the run's shared stack, in a fresh database. Given `databaseUrl` (migrated here) and
 * `temporalAddress`, it runs against those instead, e.g. a stack a test started itself; pass `taskQueue` and
 * `jwtSecret` too to come back to the same workflows and tokens after a restart.
 */
export async function startTestSystem(overrides: Partial<AppConfig> = {}): Promise<TestSystem> {
  installTestRuntime();
  const { url: databaseUrl, dataSource } = overrides.databaseUrl ? await openDatabase(overrides.databaseUrl) : await createTestDatabase();
  // Customer mail goes over real SMTP into this system's dev outbox (read with the devOutbox query).
  const outbox = await startDevOutbox(dataSource, '127.0.0.1', 0);
  const config = {
    ...readConfig({}),
    smtpUrl: outbox.smtpUrl,
    inboundSmtpPort: 0,
    taskQueue: `test-${randomBytes(6).toString('hex')}`,
    jwtSecret: randomBytes(32).toString('hex'),
    ...overrides,
    databaseUrl,
    temporalAddress: overrides.temporalAddress ?? testStack().temporalAddress,
  };
  // Its own gRPC subchannels (not grpc-js's process-wide pool): a test that restarts a Temporal server on the same port
  // must not find its fresh connections stuck behind this client's reconnect backoff.
  const connection = await connectClient({ address: config.temporalAddress, channelArgs: { 'grpc.use_local_subchannel_pool': 1 } });
  const temporal = new Client({ connection, namespace: config.temporalNamespace });
  const workerConnection = await NativeConnection.connect({ address: config.temporalAddress });
  const startWorker = async (): Promise<{ worker: Worker; run: Promise<void> }> => {
    const worker = await createHelpdeskWorker({
      connection: workerConnection,
      namespace: config.temporalNamespace,
      taskQueue: config.taskQueue,
      dataSource,
      mail: outboundMailSettings(config),
      surveyLinks: surveyLinkConfig(config),
      workflowBundle: workflowBundle(),
      maxCachedWorkflows: config.workerMaxCachedWorkflows,
    });
    return { worker, run: worker.run() };
  };
  let current = await startWorker();
  const app: INestApplication = await createApiApp({ config, dataSource, temporal }, false);
  await app.listen(0, '127.0.0.1');
  const inboundMail = await listenForInboundMail(app, config);
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');

  const graphqlHttp: TestSystem['graphqlHttp'] = async (query, variables, token) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: (await response.json()) as GraphQLResponse<any> };
  };
  const graphql: TestSystem['graphql'] = async <T,>(query: string, variables?: Record<string, unknown>, token?: string) =>
    (await graphqlHttp<T>(query, variables, token)).body;

  const signIn: TestSystem['signIn'] = async (roles) => {
    const email = `${roles.join('-')}-${randomBytes(4).toString('hex')}@example.com`;
    const password = randomBytes(12).toString('hex');
    const userId = randomUUID();
    await dataSource.getRepository(UserEntity).insert({
      id: userId,
      email,
      displayName: email,
      passwordHash: await hashPassword(password),
      roles,
      active: true,
    });
    const result = await graphql<{ login: { token: string } }>(
      'mutation($input: LoginInput!) { login(input: $input) { token } }',
      { input: { email, password } },
    );
    if (!result.data) throw new Error(`login failed: ${JSON.stringify(result.errors)}`);
    return { token: result.data.login.token, userId, email, password };
  };

  const system: TestSystem = {
    url,
    inboundSmtpPort: inboundMail.port,
    config,
    dataSource,
    temporal,
    worker: current.worker,
    replaceWorker: async (stopWithinMs) => {
      current.worker.shutdown();
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the worker did not stop within ${stopWithinMs} ms (${current.worker.getState()})`)), stopWithinMs);
      });
      try {
        await Promise.race([current.run, late]);
      } finally {
        clearTimeout(timer);
      }
      current = await startWorker();
      system.worker = current.worker;
    },
    graphql,
    graphqlHttp,
    signIn,
    stop: async () => {
      await inboundMail.close();
      await app.close();
      // A test may have stopped the in-process worker already (to serve the task queue from a process of its own).
      if (current.worker.getState() === 'RUNNING') current.worker.shutdown();
      await current.run;
      await outbox.stop();
      await workerConnection.close();
      await connection.close();
      await dataSource.destroy();
    },
  };
  return system;
}

async function openDatabase(url: string): Promise<{ url: string; dataSource: DataSource }> {
  const dataSource = createDataSource({ url, poolSize: 5 });
  await dataSource.initialize();
  await runMigrations(dataSource);
  return { url, dataSource };
}
