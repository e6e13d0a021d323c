import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { CREATE_TICKET, newTicket, onlyError, ticketRowCount } from '../support/tickets.js';

// Limits lowered so each side of them is a short query over this schema (the defaults: depth 8, complexity 500).
const MAX_DEPTH = 3;
const MAX_COMPLEXITY = 50;

describe('query depth and complexity limits', () => {
  let system: TestSystem;
  let agent: string;

  beforeAll(async () => {
    system = await startTestSystem({ graphqlMaxDepth: MAX_DEPTH, graphqlMaxComplexity: MAX_COMPLEXITY });
    ({ token: agent } = await system.signIn(['agent']));
  });
  afterAll(() => system.stop());

  describe('depth', () => {
    it(`accepts a query ${MAX_DEPTH} levels deep`, async () => {
      const { status, body } = await system.graphqlHttp('{ tickets(first: 1) { edges { node { id } } } }', {}, agent);
      expect(body.errors).toBeUndefined();
      expect(status).toBe(200);
    });

    it(`refuses a query ${MAX_DEPTH + 1} levels deep before running it, with GRAPHQL_VALIDATION_FAILED and HTTP 400`, async () => {
      const { status, body } = await system.graphqlHttp('{ tickets(first: 1) { edges { node { live { status } } } } }', {}, agent);
      expect(status).toBe(400);
      expect(body.data).toBeUndefined();
      expect(onlyError(body)).toMatchObject({
        code: 'GRAPHQL_VALIDATION_FAILED',
        message: `The query is nested 4 levels deep; the limit is ${MAX_DEPTH}.`,
      });
    });

    it('counts the depth through fragments', async () => {
      const query = `{ tickets(first: 1) { ...Edges } }
        fragment Edges on TicketConnection { edges { node { ...Live } } }
        fragment Live on Ticket { live { status } }`;
      const error = onlyError((await system.graphqlHttp(query, {}, agent)).body);
      expect(error).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', message: `The query is nested 4 levels deep; the limit is ${MAX_DEPTH}.` });
    });
  });

  describe('complexity', () => {
    const LIST = 'query($first: Int) { tickets(first: $first) { edges { node { id subject } } } }';

    it('accepts a list whose page size times its fields stays under the limit', async () => {
      // tickets costs first × (edges + node + id + subject): 10 × 4 = 40
      const { status, body } = await system.graphqlHttp(LIST, { first: 10 }, agent);
      expect(body.errors).toBeUndefined();
      expect(status).toBe(200);
    });

    it('refuses a list over the limit, with BAD_USER_INPUT, the cost and the limit, and HTTP 400', async () => {
      const { status, body } = await system.graphqlHttp(LIST, { first: 20 }, agent);
      expect(status).toBe(400);
      expect(body.data).toBeUndefined();
      expect(onlyError(body)).toEqual({
        code: 'BAD_USER_INPUT',
        message: `The query costs 80; the limit is ${MAX_COMPLEXITY}. Ask for fewer fields or smaller pages.`,
        extensions: { code: 'BAD_USER_INPUT', complexity: 80, maxComplexity: MAX_COMPLEXITY },
      });
    });

    it('prices the page size given in the query text the same as through a variable', async () => {
      const error = onlyError((await system.graphqlHttp('{ tickets(first: 20) { edges { node { id subject } } } }', {}, agent)).body);
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { complexity: 80 } });
    });

    it('adds up aliased copies of a field', async () => {
      const copies = Array.from({ length: 20 }, (_, i) => `t${i}: tickets(first: 1) { edges { node { id subject } } }`).join(' ');
      const error = onlyError((await system.graphqlHttp(`{ ${copies} }`, {}, agent)).body);
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { complexity: 80 } });
    });

    it('refuses an over-limit mutation before it runs: nothing is written', async () => {
      const before = await ticketRowCount(system.dataSource);
      const aliases = Array.from({ length: 30 }, (_, i) => `c${i}: createTicket(input: $input) { id }`).join(' ');
      const { body } = await system.graphqlHttp(`mutation($input: CreateTicketInput!) { ${aliases} }`, { input: newTicket() }, agent);
      expect(onlyError(body).code).toBe('BAD_USER_INPUT');
      expect(await ticketRowCount(system.dataSource)).toBe(before);
      // The same mutation once is within the limit.
      expect((await system.graphqlHttp(CREATE_TICKET, { input: newTicket() }, agent)).body.errors).toBeUndefined();
      expect(await ticketRowCount(system.dataSource)).toBe(before + 1);
    });

    it('refuses variables that do not fit their types with BAD_USER_INPUT and HTTP 400, not an internal error', async () => {
      const { status, body } = await system.graphqlHttp(LIST, { first: 'ten' }, agent);
      expect(status).toBe(400);
      expect(onlyError(body)).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/^Variable "\$first" got invalid value "ten"/) });
    });
  });
});
