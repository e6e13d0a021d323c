/** Every setting the processes read, from the environment, with the defaults documented in README.md. */
export interface AppConfig {
  /** Unset: `start` runs an embedded PostgreSQL. */
  databaseUrl?: string;
  /** Unset: `start` runs the Temporal dev server. */
  temporalAddress?: string;
  temporalNamespace: string;
  taskQueue: string;
  host: string;
  port: number;
  /** Unset: `start` generates one and keeps it in the data folder; the standalone api and worker require it. */
  jwtSecret?: string;
  jwtTtlSeconds: number;
  adminEmail: string;
  adminPassword?: string;
  dataDir: string;
  postgresPort: number;
  temporalPort: number;
  temporalUiPort: number;
  graphqlMaxDepth: number;
  graphqlMaxComplexity: number;
  /** Where customer mail is sent; unset: `start` and the tests run the dev outbox (a local SMTP sink) and use it. */
  smtpUrl?: string;
  /** The addresses the inbound listener takes mail for; the first is the From of outbound mail. */
  supportAddresses: string[];
  inboundSmtpHost: string;
  /** 0 picks a free port (tests). */
  inboundSmtpPort: number;
  inboundMaxMessageBytes: number;
  /** A mail with a larger attachment is refused (SMTP 552), nothing of it kept. */
  maxAttachmentBytes: number;
  /** Largest export file a migration operator may upload through the console (POST /migrations/uploads). */
  migrationMaxUploadBytes: number;
  /** Port of the dev outbox `start` runs when SMTP_URL is unset. */
  devOutboxPort: number;
  /** Workflows a worker keeps in memory between tasks; the rest replay their history when they wake up. */
  workerMaxCachedWorkflows: number;
  /** Signs survey links; unset: derived from the JWT secret. */
  surveyTokenSecret?: string;
  /** Where customers reach the help desk; survey links point here. */
  publicUrl: string;
  /** Port of the worker's own /metrics (process and worker figures) on HOST; unset: not served. */
  workerMetricsPort?: number;
  /** Port of the Temporal SDK's Prometheus exporter (task latencies, slots, polls) on HOST; unset: not exported. */
  temporalMetricsPort?: number;
  /** The built web console (`scripts/build-web.sh`), served by the API under /app and /portal. */
  webDistDir: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return {
    databaseUrl: nonEmpty(env.DATABASE_URL),
    temporalAddress: nonEmpty(env.TEMPORAL_ADDRESS),
    temporalNamespace: env.TEMPORAL_NAMESPACE || 'default',
    taskQueue: env.TEMPORAL_TASK_QUEUE || 'helpdesk',
    host: env.HOST || '127.0.0.1',
    port: integer(env, 'PORT', 3000),
    jwtSecret: nonEmpty(env.JWT_SECRET),
    jwtTtlSeconds: integer(env, 'JWT_TTL_SECONDS', 12 * 3600),
    adminEmail: (env.ADMIN_EMAIL || 'admin@example.com').toLowerCase(),
    adminPassword: nonEmpty(env.ADMIN_PASSWORD),
    dataDir: env.DATA_DIR || '.data',
    postgresPort: integer(env, 'PG_PORT', 5488),
    temporalPort: integer(env, 'TEMPORAL_PORT', 7233),
    temporalUiPort: integer(env, 'TEMPORAL_UI_PORT', 8233),
    graphqlMaxDepth: integer(env, 'GRAPHQL_MAX_DEPTH', 8),
    graphqlMaxComplexity: integer(env, 'GRAPHQL_MAX_COMPLEXITY', 500),
    smtpUrl: nonEmpty(env.SMTP_URL),
    supportAddresses: addressList(env, 'SUPPORT_ADDRESSES', 'support@example.com'),
    inboundSmtpHost: env.INBOUND_SMTP_HOST || '127.0.0.1',
    inboundSmtpPort: integer(env, 'INBOUND_SMTP_PORT', 2525),
    inboundMaxMessageBytes: integer(env, 'INBOUND_MAX_MESSAGE_BYTES', 25 * 1024 * 1024),
    maxAttachmentBytes: integer(env, 'EMAIL_MAX_ATTACHMENT_BYTES', 10 * 1024 * 1024),
    migrationMaxUploadBytes: integer(env, 'MIGRATION_MAX_UPLOAD_BYTES', 1024 * 1024 * 1024),
    devOutboxPort: integer(env, 'DEV_OUTBOX_PORT', 2526),
    workerMaxCachedWorkflows: integer(env, 'WORKER_MAX_CACHED_WORKFLOWS', 500),
    surveyTokenSecret: nonEmpty(env.SURVEY_TOKEN_SECRET),
    publicUrl: env.PUBLIC_URL || `http://${env.HOST || '127.0.0.1'}:${env.PORT || 3000}`,
    workerMetricsPort: optionalInteger(env, 'WORKER_METRICS_PORT'),
    temporalMetricsPort: optionalInteger(env, 'TEMPORAL_METRICS_PORT'),
    webDistDir: env.WEB_DIST_DIR || 'dist/web',
  };
}

/** How the worker sends customer mail: through SMTP_URL, from the first support address. */
export function outboundMailSettings(config: AppConfig): { smtpUrl?: string; from: string } {
  return { smtpUrl: config.smtpUrl, from: config.supportAddresses[0] };
}

/** For processes that cannot invent a value: fails with the variable's name. */
export function required<T>(value: T | undefined, variable: string): T {
  if (value === undefined) throw new Error(`${variable} must be set`);
  return value;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value ? value : undefined;
}

function addressList(env: NodeJS.ProcessEnv, name: string, fallback: string): string[] {
  const addresses = (env[name] || fallback).split(',').map((address) => address.trim().toLowerCase()).filter(Boolean);
  if (addresses.length === 0 || addresses.some((address) => !/^[^@\s]+@[^@\s]+$/.test(address))) {
    throw new Error(`${name} must be a comma-separated list of email addresses, got "${env[name]}"`);
  }
  return addresses;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  return optionalInteger(env, name) ?? fallback;
}

function optionalInteger(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (!raw) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  return value;
}
