import { createClient, type Client as WsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const MAX_ALIASES = 3;

/** What one operation over the socket came to: its results, or the errors it was refused with. */
function run(client: WsClient, query: string, variables: Record<string, unknown> = {}): Promise<{ data: unknown[]; errors: Array<{ message: string }> }> {
  return new Promise((resolve) => {
    const data: unknown[] = [];
    client.subscribe(
      { query, variables },
      {
        next: (result) => void data.push(result.data),
        error: (errors) => resolve({ data, errors: errors as Array<{ message: string }> }),
        complete: () => resolve({ data, errors: [] }),
      },
    );
  });
}

describe('operations over graphql-ws', () => {
  let system: TestSystem;
  let client: WsClient;
  let credentials: { email: string; password: string };

  beforeAll(async () => {
    system = await startTestSystem({ graphqlMaxAliases: MAX_ALIASES });
    const signedIn = await system.signIn(['admin']);
    credentials = { email: signedIn.email, password: signedIn.password };
    client = createClient({
      url: `${system.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${signedIn.token}` },
      retryAttempts: 0,
    });
  });
  afterAll(async () => {
    await client.dispose();
    await system.stop();
  });

  it('refuses a mutation sent over the socket, where the HTTP limits would not apply', async () => {
    const logins = Array.from({ length: MAX_ALIASES }, (_, i) => `l${i}: login(input: $input) { expiresAt }`).join(' ');
    const { data, errors } = await run(client, `mutation($input: LoginInput!) { ${logins} }`, { input: credentials });
    expect(data).toEqual([]);
    expect(errors.map((error) => error.message)).toEqual(['Only subscriptions are served over WebSocket; send the mutation to POST /graphql.']);
  });

  it('refuses a query too', async () => {
    const { errors } = await run(client, '{ __typename }');
    expect(errors.map((error) => error.message)).toEqual(['Only subscriptions are served over WebSocket; send the query to POST /graphql.']);
  });

  it('applies the alias limit to subscriptions', async () => {
    const fields = Array.from({ length: MAX_ALIASES + 1 }, (_, i) => `a${i}: actor`).join(' ');
    const { data, errors } = await run(client, `subscription { slaEvents { ${fields} } }`);
    expect(data).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(/alias/i);
  });
});
