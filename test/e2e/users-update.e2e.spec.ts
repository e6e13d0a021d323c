import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { onlyError } from '../support/graphql-responses.js';

const UPDATE_USER = 'mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id displayName roles active } }';
const ME = 'query { me { id roles } }';
const USERS = 'query { users { id } }';

describe('updateUser: display name, roles and active flag', () => {
  let system: TestSystem;
  let admin: { token: string; userId: string };

  beforeAll(async () => {
    system = await startTestSystem();
    admin = await system.signIn(['admin']);
  });
  afterAll(() => system.stop());

  const auditOf = (userId: string) =>
    system.dataSource.query("SELECT actor_user_id, before, after FROM audit_log WHERE action = 'user.updated' AND entity_id = $1", [userId]);

  it('changes the roles and the name at once, audits before and after, and the new roles apply to the same token', async () => {
    const user = await system.signIn(['agent']);
    expect(onlyError(await system.graphql(USERS, {}, user.token)).code).toBe('FORBIDDEN');

    const updated = await system.graphql(UPDATE_USER, { id: user.userId, input: { displayName: 'Ada', roles: ['AGENT', 'ADMIN'] } }, admin.token);
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateUser).toEqual({ id: user.userId, displayName: 'Ada', roles: ['AGENT', 'ADMIN'], active: true });
    expect(await auditOf(user.userId)).toEqual([
      {
        actor_user_id: admin.userId,
        before: { displayName: user.email, roles: ['agent'], active: true },
        after: { displayName: 'Ada', roles: ['agent', 'admin'], active: true },
      },
    ]);
    expect((await system.graphql(USERS, {}, user.token)).errors).toBeUndefined();
  });

  it("deactivating a user stops their token at once and refuses their password; reactivating lets them back in", async () => {
    const user = await system.signIn(['agent']);
    const deactivated = await system.graphql(UPDATE_USER, { id: user.userId, input: { active: false } }, admin.token);
    expect(deactivated.data!.updateUser).toMatchObject({ active: false, roles: ['AGENT'] });
    expect(onlyError(await system.graphql(ME, {}, user.token))).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'This account no longer exists or is deactivated.',
    });
    const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { token } }';
    expect(onlyError(await system.graphql(LOGIN, { input: { email: user.email, password: user.password } })).code).toBe('UNAUTHENTICATED');

    await system.graphql(UPDATE_USER, { id: user.userId, input: { active: true } }, admin.token);
    expect((await system.graphql(LOGIN, { input: { email: user.email, password: user.password } })).errors).toBeUndefined();
  });

  it('refuses to demote or deactivate the last active admin with CONFLICT, and changes nothing', async () => {
    const soleAdmin = await system.signIn(['admin']);
    await system.dataSource.query("UPDATE users SET active = false WHERE id <> $1 AND 'admin' = ANY(roles)", [soleAdmin.userId]);
    try {
      for (const input of [{ roles: ['AGENT'] }, { active: false }]) {
        const error = onlyError(await system.graphql(UPDATE_USER, { id: soleAdmin.userId, input }, soleAdmin.token));
        expect(error.code).toBe('CONFLICT');
        expect(error.message).toMatch(/last active admin/);
      }
      const [row] = await system.dataSource.query('SELECT roles, active FROM users WHERE id = $1', [soleAdmin.userId]);
      expect(row).toEqual({ roles: ['admin'], active: true });
      expect(await auditOf(soleAdmin.userId)).toEqual([]);
      // A rename of the last admin is fine.
      expect((await system.graphql(UPDATE_USER, { id: soleAdmin.userId, input: { displayName: 'Root' } }, soleAdmin.token)).errors).toBeUndefined();
    } finally {
      await system.dataSource.query("UPDATE users SET active = true WHERE id = $1", [admin.userId]);
    }
  });

  it('answers bad input beside its field, an unknown id with NOT_FOUND, and a non-admin with FORBIDDEN', async () => {
    const user = await system.signIn(['supervisor']);
    const empty = onlyError(await system.graphql(UPDATE_USER, { id: user.userId, input: { roles: [] } }, admin.token));
    expect(empty.code).toBe('BAD_USER_INPUT');
    expect(empty.extensions.fields).toEqual([expect.objectContaining({ field: 'roles' })]);
    const blank = onlyError(await system.graphql(UPDATE_USER, { id: user.userId, input: { displayName: '' } }, admin.token));
    expect(blank.extensions.fields).toEqual([expect.objectContaining({ field: 'displayName' })]);

    expect(onlyError(await system.graphql(UPDATE_USER, { id: '00000000-0000-4000-8000-000000000000', input: { active: false } }, admin.token)).code).toBe('NOT_FOUND');
    expect(onlyError(await system.graphql(UPDATE_USER, { id: 'not-a-uuid', input: { active: false } }, admin.token)).code).toBe('NOT_FOUND');
    expect(onlyError(await system.graphql(UPDATE_USER, { id: admin.userId, input: { active: false } }, user.token)).code).toBe('FORBIDDEN');
    expect(await auditOf(user.userId)).toEqual([]);
  });
});
