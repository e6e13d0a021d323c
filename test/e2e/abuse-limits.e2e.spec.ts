import { SWEEP_BATCH_SIZE } from '../../apps/api/abuse-limits/abuse-counters-sweeper.js';
import { readConfig } from '../../libs/config/app-config.js';
import { onlyError } from '../support/graphql-responses.js';
import { until } from '../support/migration-runs.js';
import { sendToInbound } from '../support/send-mail.js';
import { startTestSystem, type GraphQLResponse, type TestSystem } from '../support/test-system.js';

// Small limits so each side of them is a few requests (the defaults: 10 / 100 failed logins, 120 public requests).
const MAX_FAILURES_PER_ACCOUNT = 3;
const MAX_FAILURES_PER_ADDRESS = 6;
const LOCKOUT_SECONDS = 300;
const PUBLIC_RATE_LIMIT = 3;
const PUBLIC_WINDOW_SECONDS = 600;
const MAX_ALIASES = 3;
const MAX_MAILS_PER_SENDER = 2;
// Every window above is 600 s; the sweep of expired counters runs each second here (default: every 300 s).
const SWEEP_SECONDS = 1;

const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { token } }';
const SEARCH = '{ publicKnowledgeSearch(query: "password") { searchId } }';
const PORTAL_REQUEST = '{ portalRequest(token: "not-a-link") { subject } }';

describe('abuse limits', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startTestSystem({
      loginMaxFailuresPerAccount: MAX_FAILURES_PER_ACCOUNT,
      loginMaxFailuresPerAddress: MAX_FAILURES_PER_ADDRESS,
      loginFailureWindowSeconds: 600,
      loginLockoutSeconds: LOCKOUT_SECONDS,
      publicRateLimit: PUBLIC_RATE_LIMIT,
      publicRateWindowSeconds: PUBLIC_WINDOW_SECONDS,
      graphqlMaxAliases: MAX_ALIASES,
      inboundMaxMailsPerSender: MAX_MAILS_PER_SENDER,
      inboundSenderWindowSeconds: 600,
      abuseCountersSweepSeconds: SWEEP_SECONDS,
      graphqlIntrospection: false,
      graphiql: false,
      // As behind the gateway: the client address comes from X-Forwarded-For, so each test can be its own client.
      trustProxy: true,
    });
  });
  afterAll(() => system.stop());

  /** A GraphQL POST from the client at `address`. */
  async function graphqlFrom(address: string, query: string, variables?: Record<string, unknown>): Promise<{ status: number; body: GraphQLResponse<any> }> {
    const response = await fetch(`${system.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: (await response.json()) as GraphQLResponse<any> };
  }

  const login = async (address: string, email: string, password: string) => (await graphqlFrom(address, LOGIN, { input: { email, password } })).body;
  const counterRows = () => system.dataSource.query('SELECT key, window_started_at, hits, blocked_until FROM abuse_counters ORDER BY key');
  const auditRows = async () => Number((await system.dataSource.query('SELECT count(*)::int AS n FROM audit_log'))[0].n);

  describe('login', () => {
    it(`locks an account after ${MAX_FAILURES_PER_ACCOUNT} failures: even the right password gets TOO_MANY_REQUESTS with the wait, and the refusal writes nothing`, async () => {
      const user = await system.signIn(['agent']);
      for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
        expect(onlyError(await login('198.51.100.1', user.email, 'a wrong password')).code).toBe('UNAUTHENTICATED');
      }
      const [countersBefore, auditBefore] = [await counterRows(), await auditRows()];

      const refused = await login('198.51.100.1', user.email, user.password);

      expect(refused.data ?? null).toBeNull();
      const error = onlyError(refused);
      expect(error.code).toBe('TOO_MANY_REQUESTS');
      expect(error.extensions.retryAfterSeconds).toBeGreaterThan(LOCKOUT_SECONDS - 60);
      expect(error.extensions.retryAfterSeconds).toBeLessThanOrEqual(LOCKOUT_SECONDS);
      expect(error.message).toBe(`Too many failed sign-in attempts. Try again in ${error.extensions.retryAfterSeconds} seconds.`);
      expect(await counterRows()).toEqual(countersBefore);
      expect(await auditRows()).toBe(auditBefore);
      // The same account from another address is still locked: the lock is the account's.
      expect(onlyError(await login('198.51.100.2', user.email.toUpperCase(), user.password)).code).toBe('TOO_MANY_REQUESTS');
    });

    it('leaves other accounts signing in from the same address alone', async () => {
      const locked = await system.signIn(['agent']);
      const other = await system.signIn(['agent']);
      for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) await login('198.51.100.3', locked.email, 'a wrong password');
      expect(onlyError(await login('198.51.100.3', locked.email, locked.password)).code).toBe('TOO_MANY_REQUESTS');

      const signedIn = await login('198.51.100.3', other.email, other.password);
      expect(signedIn.errors).toBeUndefined();
      expect(signedIn.data.login.token).toEqual(expect.any(String));
    });

    it("starts the account's count over after a successful login", async () => {
      const user = await system.signIn(['agent']);
      const failTwice = async () => {
        for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) {
          expect(onlyError(await login('198.51.100.4', user.email, 'a wrong password')).code).toBe('UNAUTHENTICATED');
        }
      };
      await failTwice();
      expect((await login('198.51.100.4', user.email, user.password)).errors).toBeUndefined();
      await failTwice();
      // Four failures in the window, but never three since the last success.
      expect((await login('198.51.100.4', user.email, user.password)).errors).toBeUndefined();
    });

    it(`locks an address after ${MAX_FAILURES_PER_ADDRESS} failures on any accounts; other addresses are unaffected`, async () => {
      const user = await system.signIn(['agent']);
      for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
        expect(onlyError(await login('198.51.100.5', `guess-${i}@example.com`, 'a wrong password')).code).toBe('UNAUTHENTICATED');
      }

      const refused = onlyError(await login('198.51.100.5', user.email, user.password));
      expect(refused.code).toBe('TOO_MANY_REQUESTS');
      expect(refused.extensions.retryAfterSeconds).toBeGreaterThan(0);
      expect((await login('198.51.100.6', user.email, user.password)).errors).toBeUndefined();
    });
  });

  describe('public endpoints', () => {
    it(`refuses an address past ${PUBLIC_RATE_LIMIT} knowledge searches in the window, with the wait; other addresses and groups are unaffected`, async () => {
      for (let i = 0; i < PUBLIC_RATE_LIMIT; i++) {
        expect((await graphqlFrom('192.0.2.1', SEARCH)).body.errors).toBeUndefined();
      }
      const searchesBefore = Number((await system.dataSource.query('SELECT count(*)::int AS n FROM knowledge_searches'))[0].n);

      const error = onlyError((await graphqlFrom('192.0.2.1', SEARCH)).body);

      expect(error.code).toBe('TOO_MANY_REQUESTS');
      expect(error.extensions.retryAfterSeconds).toBeGreaterThan(PUBLIC_WINDOW_SECONDS - 60);
      expect(error.extensions.retryAfterSeconds).toBeLessThanOrEqual(PUBLIC_WINDOW_SECONDS);
      expect(Number((await system.dataSource.query('SELECT count(*)::int AS n FROM knowledge_searches'))[0].n)).toBe(searchesBefore);
      expect((await graphqlFrom('192.0.2.2', SEARCH)).body.errors).toBeUndefined();
      // The portal is its own group: a bad link is still answered as a bad link.
      expect(onlyError((await graphqlFrom('192.0.2.1', PORTAL_REQUEST)).body).code).toBe('FORBIDDEN');
    });

    it('refuses the portal past the limit too', async () => {
      for (let i = 0; i < PUBLIC_RATE_LIMIT; i++) {
        expect(onlyError((await graphqlFrom('192.0.2.3', PORTAL_REQUEST)).body).code).toBe('FORBIDDEN');
      }
      expect(onlyError((await graphqlFrom('192.0.2.3', PORTAL_REQUEST)).body).code).toBe('TOO_MANY_REQUESTS');
    });

    it('answers the survey page past the limit with HTTP 429, Retry-After and the code, for GET and POST alike', async () => {
      const surveyFrom = (method: 'GET' | 'POST') =>
        fetch(`${system.url}/survey${method === 'GET' ? '?token=' : ''}`, {
          method,
          headers: { 'x-forwarded-for': '192.0.2.4', 'content-type': 'application/x-www-form-urlencoded' },
          body: method === 'POST' ? 'token=&score=5' : undefined,
        });
      for (let i = 0; i < PUBLIC_RATE_LIMIT; i++) expect((await surveyFrom('GET')).status).not.toBe(429);

      for (const method of ['GET', 'POST'] as const) {
        const response = await surveyFrom(method);
        expect(response.status).toBe(429);
        const body = (await response.json()) as { code: string; retryAfterSeconds: number };
        expect(body.code).toBe('TOO_MANY_REQUESTS');
        expect(response.headers.get('retry-after')).toBe(String(body.retryAfterSeconds));
      }
    });
  });

  describe('inbound mail', () => {
    const ticketsFrom = async (sender: string) =>
      Number((await system.dataSource.query('SELECT count(*)::int AS n FROM tickets WHERE requester_email = $1', [sender]))[0].n);
    const mailFrom = (sender: string, i: number) =>
      sendToInbound(system.inboundSmtpPort, { from: sender, subject: `Flood ${i}`, text: 'Open another ticket, please.' });

    it(`refuses a sender's mail past ${MAX_MAILS_PER_SENDER} in the window with SMTP 451 (try later), opening no ticket; other senders are unaffected`, async () => {
      for (let i = 0; i < MAX_MAILS_PER_SENDER; i++) await mailFrom('flood@customer.example', i);

      await expect(mailFrom('flood@customer.example', MAX_MAILS_PER_SENDER)).rejects.toMatchObject({ responseCode: 451 });

      expect(await ticketsFrom('flood@customer.example')).toBe(MAX_MAILS_PER_SENDER);
      await mailFrom('calm@customer.example', 0);
      expect(await ticketsFrom('calm@customer.example')).toBe(1);
    });
  });

  describe('expired counters', () => {
    it('are deleted by the periodic sweep, more than a batch of them, while live counters and running locks stay', async () => {
      const keysLike = async (pattern: string): Promise<string[]> =>
        (await system.dataSource.query('SELECT key FROM abuse_counters WHERE key LIKE $1 ORDER BY key', [pattern])).map((row: { key: string }) => row.key);
      await system.dataSource.query(
        `INSERT INTO abuse_counters (key, window_started_at, hits, blocked_until)
         SELECT 'sweep:expired:' || n, now() - interval '11 minutes', 1, NULL FROM generate_series(1, $1::int) n
         UNION ALL VALUES ('sweep:lock-ended', now() - interval '1 hour', 6, now() - interval '1 minute'),
                          ('sweep:live', now() - interval '9 minutes', 2, NULL),
                          ('sweep:locked', now() - interval '1 hour', 6, now() + interval '5 minutes')`,
        [2 * SWEEP_BATCH_SIZE + 1],
      );

      // The expect below says what is left if the sweep never gets there.
      await until(async () => (await keysLike('sweep:%')).length <= 2, 15_000).catch(() => undefined);

      expect(await keysLike('sweep:%')).toEqual(['sweep:live', 'sweep:locked']);
    });
  });

  describe('GraphQL operations', () => {
    const aliased = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: __typename`).join(' ')} }`;

    it(`accepts ${MAX_ALIASES} aliases and refuses ${MAX_ALIASES + 1} before running, counting aliases in fragments`, async () => {
      const accepted = await graphqlFrom('192.0.2.10', aliased(MAX_ALIASES));
      expect(accepted.body.errors).toBeUndefined();

      const refused = await graphqlFrom('192.0.2.10', aliased(MAX_ALIASES + 1));
      expect(refused.status).toBe(400);
      expect(onlyError(refused.body)).toMatchObject({
        code: 'GRAPHQL_VALIDATION_FAILED',
        message: `The operation uses ${MAX_ALIASES + 1} aliases; the limit is ${MAX_ALIASES}.`,
      });

      const throughFragment = `{ ...Two ...Two2 } fragment Two on Query { a: __typename b: __typename } fragment Two2 on Query { c: __typename d: __typename }`;
      expect(onlyError((await graphqlFrom('192.0.2.10', throughFragment)).body).code).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    it('refuses batched operations (a JSON array) with HTTP 400, running none of them', async () => {
      const searchesBefore = Number((await system.dataSource.query('SELECT count(*)::int AS n FROM knowledge_searches'))[0].n);
      const response = await fetch(`${system.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.11' },
        body: JSON.stringify([{ query: SEARCH }, { query: SEARCH }]),
      });
      expect(response.status).toBe(400);
      expect(Number((await system.dataSource.query('SELECT count(*)::int AS n FROM knowledge_searches'))[0].n)).toBe(searchesBefore);
    });

    it('refuses introspection and serves no GraphiQL page when switched off', async () => {
      const introspection = await graphqlFrom('192.0.2.12', '{ __schema { queryType { name } } }');
      expect(introspection.status).toBe(400);
      expect(onlyError(introspection.body).code).toBe('GRAPHQL_VALIDATION_FAILED');

      const page = await fetch(`${system.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(400);
      expect(await page.text()).not.toMatch(/graphiql/i);
    });
  });
});

describe('abuse limits with the default proxy and GraphQL settings', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startTestSystem({ loginMaxFailuresPerAddress: 2 });
  });
  afterAll(() => system.stop());

  it('ignores X-Forwarded-For unless TRUST_PROXY is set, so a client cannot pick a fresh address per attempt', async () => {
    const attempt = (i: number) =>
      fetch(`${system.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${i}` },
        body: JSON.stringify({ query: LOGIN, variables: { input: { email: `spoof-${i}@example.com`, password: 'a wrong password' } } }),
      }).then(async (response) => onlyError((await response.json()) as GraphQLResponse<unknown>).code);
    expect([await attempt(1), await attempt(2), await attempt(3)]).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'TOO_MANY_REQUESTS']);
  });

  it('answers introspection and serves GraphiQL by default (outside production)', async () => {
    expect((await system.graphql('{ __schema { queryType { name } } }')).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const page = await fetch(`${system.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/graphiql/i);
  });
});

describe('abuse limit settings', () => {
  it('has introspection and GraphiQL on by default, off when NODE_ENV=production, and either switchable', () => {
    expect(readConfig({})).toMatchObject({ graphqlIntrospection: true, graphiql: true });
    expect(readConfig({ NODE_ENV: 'production' })).toMatchObject({ graphqlIntrospection: false, graphiql: false });
    expect(readConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true', GRAPHIQL: 'true' })).toMatchObject({
      graphqlIntrospection: true,
      graphiql: true,
    });
    expect(() => readConfig({ GRAPHIQL: 'yes' })).toThrow('GRAPHIQL must be true or false, got "yes"');
  });

  it('reads TRUST_PROXY as Express does: off by default, a hop count, or addresses', () => {
    expect(readConfig({}).trustProxy).toBe(false);
    expect(readConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(readConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(readConfig({ TRUST_PROXY: '10.0.0.0/8, loopback' }).trustProxy).toBe('10.0.0.0/8, loopback');
  });
});
