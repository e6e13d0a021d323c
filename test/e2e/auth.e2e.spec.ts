import { JwtService } from '@nestjs/jwt';
import { randomBytes, randomUUID } from 'node:crypto';
import { startTestSystem, type GraphQLResponse, type TestSystem } from '../support/test-system.js';
import { CREATE_TICKET, newTicket, onlyError, ticketRowCount } from '../support/tickets.js';

const ME = 'query { me { id email roles } }';
const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { token expiresAt user { id email roles } } }';
const CREATE_USER = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id email displayName roles active } }';

describe('authentication and roles', () => {
  let system: TestSystem;
  let agent: { token: string; userId: string };

  beforeAll(async () => {
    system = await startTestSystem();
    agent = await system.signIn(['agent']);
  });
  afterAll(() => system.stop());

  /** A token signed like the API's own, with the claims given. */
  const signToken = (claims: Record<string, unknown>, secret = system.config.jwtSecret) => new JwtService({ secret }).sign(claims);
  const now = () => Math.floor(Date.now() / 1000);
  /** createTicket with exactly these headers (the harness's helper only sends well-formed Bearer headers). */
  const createTicketWith = async (headers: Record<string, string>): Promise<GraphQLResponse<unknown>> => {
    const response = await fetch(`${system.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: CREATE_TICKET, variables: { input: newTicket({ subject: 'Auth probe' }) } }),
    });
    return (await response.json()) as GraphQLResponse<unknown>;
  };

  describe('a caller without a valid token is UNAUTHENTICATED, and nothing is written', () => {
    afterEach(async () => {
      expect(await ticketRowCount(system.dataSource, "subject = 'Auth probe'")).toBe(0);
    });

    it('without a token', async () => {
      const error = onlyError(await createTicketWith({}));
      expect(error.code).toBe('UNAUTHENTICATED');
      expect(error.message).toMatch(/Authorization: Bearer/);
    });

    it.each([
      ['a token that is not a JWT', 'Bearer not-a-token'],
      ['a scheme other than Bearer', `Basic ${Buffer.from('user:pass').toString('base64')}`],
      ['an empty Bearer', 'Bearer '],
    ])('with %s', async (_what, authorization) => {
      expect(onlyError(await createTicketWith({ authorization })).code).toBe('UNAUTHENTICATED');
    });

    it('with a token signed by another secret', async () => {
      const token = signToken({ sub: agent.userId }, randomBytes(32).toString('hex'));
      const error = onlyError(await createTicketWith({ authorization: `Bearer ${token}` }));
      expect(error).toMatchObject({ code: 'UNAUTHENTICATED', message: 'The token is invalid or has expired; sign in again.' });
    });

    it('with an expired token (the same token unexpired is accepted)', async () => {
      const valid = signToken({ sub: agent.userId, iat: now() - 120, exp: now() + 60 });
      expect((await system.graphql(ME, {}, valid)).data).toEqual({ me: expect.objectContaining({ id: agent.userId }) });

      const expired = signToken({ sub: agent.userId, iat: now() - 120, exp: now() - 60 });
      const error = onlyError(await createTicketWith({ authorization: `Bearer ${expired}` }));
      expect(error).toMatchObject({ code: 'UNAUTHENTICATED', message: 'The token is invalid or has expired; sign in again.' });
    });

    it('with a valid token for a user who does not exist', async () => {
      const token = signToken({ sub: randomUUID() });
      expect(onlyError(await createTicketWith({ authorization: `Bearer ${token}` })).code).toBe('UNAUTHENTICATED');
    });

    it('with the token of a user deactivated since signing in', async () => {
      const user = await system.signIn(['agent']);
      await system.dataSource.query('UPDATE users SET active = false WHERE id = $1', [user.userId]);
      const error = onlyError(await createTicketWith({ authorization: `Bearer ${user.token}` }));
      expect(error).toMatchObject({ code: 'UNAUTHENTICATED', message: 'This account no longer exists or is deactivated.' });
    });
  });

  describe('a caller without the role is FORBIDDEN, and nothing is written', () => {
    it('a migration operator cannot create a ticket', async () => {
      const operator = await system.signIn(['migration_operator']);
      const error = onlyError(await system.graphql(CREATE_TICKET, { input: newTicket({ subject: 'Operator probe' }) }, operator.token));
      expect(error.code).toBe('FORBIDDEN');
      expect(error.message).toBe('This operation needs one of the roles: agent, supervisor, admin.');
      expect(await ticketRowCount(system.dataSource, "subject = 'Operator probe'")).toBe(0);
    });

    it('an agent cannot create a user', async () => {
      const email = `made-by-agent-${randomBytes(3).toString('hex')}@example.com`;
      const input = { email, displayName: 'Nope', password: 'correct horse battery', roles: ['ADMIN'] };
      const error = onlyError(await system.graphql(CREATE_USER, { input }, agent.token));
      expect(error).toMatchObject({ code: 'FORBIDDEN', message: 'This operation needs one of the roles: admin.' });
      expect(await system.dataSource.query('SELECT id FROM users WHERE email = $1', [email])).toEqual([]);
    });

    it('roles are read at each request: an agent promoted to admin may create users with the same token', async () => {
      const user = await system.signIn(['agent']);
      const email = `promoted-${randomBytes(3).toString('hex')}@example.com`;
      const input = { email, displayName: 'P', password: 'correct horse battery', roles: ['AGENT'] };
      expect(onlyError(await system.graphql(CREATE_USER, { input }, user.token)).code).toBe('FORBIDDEN');
      await system.dataSource.query(`UPDATE users SET roles = '{agent,admin}' WHERE id = $1`, [user.userId]);
      expect((await system.graphql(CREATE_USER, { input }, user.token)).errors).toBeUndefined();
    });
  });

  describe('users and sign-in', () => {
    let admin: { token: string; userId: string };

    beforeAll(async () => {
      admin = await system.signIn(['admin']);
    });

    it("creates a user from an admin's request, audits it, and the new user can sign in with the roles given", async () => {
      const input = { email: 'New.Agent@Example.com', displayName: 'New Agent', password: 'a long enough password', roles: ['AGENT', 'SUPERVISOR'] };
      const created = await system.graphql(CREATE_USER, { input }, admin.token);
      expect(created.errors).toBeUndefined();
      expect(created.data!.createUser).toMatchObject({
        email: 'new.agent@example.com',
        displayName: 'New Agent',
        roles: ['AGENT', 'SUPERVISOR'],
        active: true,
      });
      const userId = created.data!.createUser.id;
      const audit = await system.dataSource.query(
        "SELECT actor_user_id, entity_id, after FROM audit_log WHERE action = 'user.created' AND entity_id = $1",
        [userId],
      );
      expect(audit).toEqual([
        { actor_user_id: admin.userId, entity_id: userId, after: { email: 'new.agent@example.com', roles: ['agent', 'supervisor'] } },
      ]);

      const login = await system.graphql(LOGIN, { input: { email: 'NEW.agent@example.com', password: 'a long enough password' } });
      expect(login.errors).toBeUndefined();
      expect(login.data!.login.user).toEqual({ id: userId, email: 'new.agent@example.com', roles: ['AGENT', 'SUPERVISOR'] });
      expect(new Date(login.data!.login.expiresAt).getTime()).toBeGreaterThan(Date.now());
      const me = await system.graphql(ME, {}, login.data!.login.token);
      expect(me.data!.me).toEqual({ id: userId, email: 'new.agent@example.com', roles: ['AGENT', 'SUPERVISOR'] });
      // And the new agent can do agent work.
      expect((await system.graphql(CREATE_TICKET, { input: newTicket() }, login.data!.login.token)).errors).toBeUndefined();
    });

    it('refuses a second user with the same email (in any case) with CONFLICT', async () => {
      const input = { email: 'twice@example.com', displayName: 'Twice', password: 'a long enough password', roles: ['AGENT'] };
      expect((await system.graphql(CREATE_USER, { input }, admin.token)).errors).toBeUndefined();
      const error = onlyError(await system.graphql(CREATE_USER, { input: { ...input, email: 'TWICE@example.com' } }, admin.token));
      expect(error).toMatchObject({ code: 'CONFLICT', message: 'A user with the email twice@example.com already exists.' });
      expect(await system.dataSource.query("SELECT count(*)::int AS n FROM users WHERE email = 'twice@example.com'")).toEqual([{ n: 1 }]);
    });

    it('refuses a short password with BAD_USER_INPUT saying how long it must be', async () => {
      const input = { email: 'short@example.com', displayName: 'Short', password: 'tooshort', roles: ['AGENT'] };
      const error = onlyError(await system.graphql(CREATE_USER, { input }, admin.token));
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', message: 'password must be 12 to 200 characters long' });
    });

    it('refuses a password against the policy (the email, a common one) with BAD_USER_INPUT naming the field, creating nobody', async () => {
      for (const password of ['weak.user@example.com!', 'Password1234']) {
        const input = { email: 'weak.user@example.com', displayName: 'Weak', password, roles: ['AGENT'] };
        const error = onlyError(await system.graphql(CREATE_USER, { input }, admin.token));
        expect(error).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { fields: [{ field: 'password' }] } });
      }
      expect(await system.dataSource.query("SELECT count(*)::int AS n FROM users WHERE email = 'weak.user@example.com'")).toEqual([{ n: 0 }]);
    });

    it('answers a wrong password and an unknown email identically: UNAUTHENTICATED with no hint which part was wrong', async () => {
      const input = { email: 'known@example.com', displayName: 'Known', password: 'the right password', roles: ['AGENT'] };
      expect((await system.graphql(CREATE_USER, { input }, admin.token)).errors).toBeUndefined();

      const wrongPassword = await system.graphql(LOGIN, { input: { email: 'known@example.com', password: 'the wrong password' } });
      const unknownEmail = await system.graphql(LOGIN, { input: { email: 'unknown@example.com', password: 'the right password' } });
      expect(wrongPassword.data ?? null).toBeNull();
      expect(onlyError(wrongPassword)).toMatchObject({ code: 'UNAUTHENTICATED', message: 'Wrong email or password.' });
      expect(unknownEmail.errors).toEqual(wrongPassword.errors);
    });

    it('takes about as long to refuse an unknown email as a wrong password (the timing gives no hint either)', async () => {
      const input = { email: 'timed@example.com', displayName: 'Timed', password: 'the right password', roles: ['AGENT'] };
      expect((await system.graphql(CREATE_USER, { input }, admin.token)).errors).toBeUndefined();
      const timeLogin = async (email: string) => {
        const started = performance.now();
        expect(onlyError(await system.graphql(LOGIN, { input: { email, password: 'the wrong password' } })).code).toBe('UNAUTHENTICATED');
        return performance.now() - started;
      };
      const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
      await timeLogin('nobody@example.com');
      const known: number[] = [];
      const unknown: number[] = [];
      for (let i = 0; i < 5; i++) {
        known.push(await timeLogin('timed@example.com'));
        unknown.push(await timeLogin('nobody@example.com'));
      }
      // A password check is a deliberately slow scrypt (tens of ms); skipping it for unknown emails costs a few ms.
      // The margin is wide so a busy machine does not make this flaky; without the dummy check it was ~0.15 here.
      expect(median(unknown)).toBeGreaterThan(median(known) * 0.3);
    });

    it('refuses a deactivated user with the same answer as a wrong password', async () => {
      const input = { email: 'gone@example.com', displayName: 'Gone', password: 'the right password', roles: ['AGENT'] };
      expect((await system.graphql(CREATE_USER, { input }, admin.token)).errors).toBeUndefined();
      await system.dataSource.query("UPDATE users SET active = false WHERE email = 'gone@example.com'");
      const error = onlyError(await system.graphql(LOGIN, { input: { email: 'gone@example.com', password: 'the right password' } }));
      expect(error).toMatchObject({ code: 'UNAUTHENTICATED', message: 'Wrong email or password.' });
    });
  });
});
