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
  /** Most aliased fields one operation may ask for (aliases let one request repeat a costly field, e.g. login). */
  graphqlMaxAliases: number;
  /** Schema introspection and the GraphiQL page at GET /graphql; default on, off when NODE_ENV=production. */
  graphqlIntrospection: boolean;
  graphiql: boolean;
  /** Express `trust proxy`: which proxies' X-Forwarded-For names the client address the abuse limits count by. */
  trustProxy: boolean | number | string;
  /** Failed logins for one account within the window that lock it for the lockout. */
  loginMaxFailuresPerAccount: number;
  /** Failed logins from one client address (any accounts) within the window that lock that address out. */
  loginMaxFailuresPerAddress: number;
  loginFailureWindowSeconds: number;
  loginLockoutSeconds: number;
  /** Requests per window one client address may make to each group of public endpoints (knowledge, survey, portal). */
  publicRateLimit: number;
  publicRateWindowSeconds: number;
  /** How often each API replica deletes expired abuse counters. */
  abuseCountersSweepSeconds: number;
  /** Where customer mail is sent; unset: `start` and the tests run the dev outbox (a local SMTP sink) and use it. */
  smtpUrl?: string;
  /** The addresses the inbound listener takes mail for; the first is the From of outbound mail. */
  supportAddresses: string[];
  inboundSmtpHost: string;
  /** 0 picks a free port (tests). */
  inboundSmtpPort: number;
  inboundMaxMessageBytes: number;
  /** PEM files of the certificate and key the inbound listener offers STARTTLS with; unset: plain SMTP only. */
  inboundTls?: { certPath: string; keyPath: string; required: boolean };
  /** Relay credentials (user name → password hash as hashPassword writes it); non-empty: AUTH is required. */
  inboundSmtpUsers: Record<string, string>;
  /** Relay addresses whose Authentication-Results / Received-SPF headers are believed without AUTH. */
  inboundTrustedRelays: string[];
  /** Refuse (SMTP 550) an SPF hard fail the relay reports, not only a DMARC fail. */
  inboundRefuseSpfFail: boolean;
  /** Mails one sender address may send within the window; past it, SMTP 451 (try later). */
  inboundMaxMailsPerSender: number;
  inboundSenderWindowSeconds: number;
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
    graphqlMaxAliases: integer(env, 'GRAPHQL_MAX_ALIASES', 30),
    graphqlIntrospection: flag(env, 'GRAPHQL_INTROSPECTION', env.NODE_ENV !== 'production'),
    graphiql: flag(env, 'GRAPHIQL', env.NODE_ENV !== 'production'),
    trustProxy: trustProxy(env.TRUST_PROXY),
    loginMaxFailuresPerAccount: integer(env, 'LOGIN_MAX_FAILURES_PER_ACCOUNT', 10),
    loginMaxFailuresPerAddress: integer(env, 'LOGIN_MAX_FAILURES_PER_ADDRESS', 100),
    loginFailureWindowSeconds: integer(env, 'LOGIN_FAILURE_WINDOW_SECONDS', 15 * 60),
    loginLockoutSeconds: integer(env, 'LOGIN_LOCKOUT_SECONDS', 15 * 60),
    publicRateLimit: integer(env, 'PUBLIC_RATE_LIMIT', 120),
    publicRateWindowSeconds: integer(env, 'PUBLIC_RATE_WINDOW_SECONDS', 60),
    abuseCountersSweepSeconds: integer(env, 'ABUSE_COUNTERS_SWEEP_SECONDS', 300),
    smtpUrl: nonEmpty(env.SMTP_URL),
    supportAddresses: addressList(env, 'SUPPORT_ADDRESSES', 'support@example.com'),
    inboundSmtpHost: env.INBOUND_SMTP_HOST || '127.0.0.1',
    inboundSmtpPort: integer(env, 'INBOUND_SMTP_PORT', 2525),
    inboundMaxMessageBytes: integer(env, 'INBOUND_MAX_MESSAGE_BYTES', 25 * 1024 * 1024),
    inboundTls: inboundTls(env),
    inboundSmtpUsers: smtpUsers(env.INBOUND_SMTP_USERS),
    inboundTrustedRelays: (env.INBOUND_TRUSTED_RELAYS ?? '').split(',').map((address) => address.trim()).filter(Boolean),
    inboundRefuseSpfFail: flag(env, 'INBOUND_REFUSE_SPF_FAIL', false),
    inboundMaxMailsPerSender: integer(env, 'INBOUND_MAX_MAILS_PER_SENDER', 60),
    inboundSenderWindowSeconds: integer(env, 'INBOUND_SENDER_WINDOW_SECONDS', 3600),
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

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (!raw) return fallback;
  if (raw !== 'true' && raw !== 'false') throw new Error(`${name} must be true or false, got "${raw}"`);
  return raw === 'true';
}

/** As Express reads it: unset or `false` trusts no proxy, `true` any, a number that many hops, else addresses/subnets. */
function trustProxy(raw: string | undefined): boolean | number | string {
  if (!raw || raw === 'false') return false;
  if (raw === 'true') return true;
  return /^\d+$/.test(raw) ? Number(raw) : raw;
}

function inboundTls(env: NodeJS.ProcessEnv): AppConfig['inboundTls'] {
  const certPath = nonEmpty(env.INBOUND_TLS_CERT);
  const keyPath = nonEmpty(env.INBOUND_TLS_KEY);
  const required = flag(env, 'INBOUND_TLS_REQUIRED', false);
  if (!certPath !== !keyPath) throw new Error('INBOUND_TLS_CERT and INBOUND_TLS_KEY must be set together');
  if (!certPath || !keyPath) {
    if (required) throw new Error('INBOUND_TLS_REQUIRED needs INBOUND_TLS_CERT and INBOUND_TLS_KEY');
    return undefined;
  }
  return { certPath, keyPath, required };
}

/** `user:hash` pairs, comma-separated (a hash has no comma or colon of its own). */
function smtpUsers(raw: string | undefined): Record<string, string> {
  const users: Record<string, string> = {};
  for (const pair of (raw ?? '').split(',').map((entry) => entry.trim()).filter(Boolean)) {
    const separator = pair.indexOf(':');
    if (separator <= 0 || separator === pair.length - 1) throw new Error(`INBOUND_SMTP_USERS must be user:hash pairs, got "${pair}"`);
    users[pair.slice(0, separator)] = pair.slice(separator + 1);
  }
  return users;
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
