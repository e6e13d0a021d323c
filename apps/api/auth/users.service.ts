import { Injectable } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { UserEntity } from '../../../libs/db/entities/user.entity.js';
import { passwordPolicyViolation } from '../../../libs/domain/auth/password-policy.js';
import type { Role } from '../../../libs/domain/auth/roles.js';
import { AuditService } from '../audit/audit.service.js';
import { fieldError, userError } from '../common/user-error.js';
import { hashPassword, verifyPassword } from './password-hasher.js';

export interface NewUser {
  email: string;
  displayName: string;
  password: string;
  roles: Role[];
}

export interface UserChanges {
  displayName?: string;
  roles?: Role[];
  active?: boolean;
}

let unknownUserHashValue: Promise<string> | undefined;

/** A hash no password matches (its password is random and forgotten), to verify against when there is no user. */
function unknownUserHash(): Promise<string> {
  unknownUserHashValue ??= hashPassword(randomBytes(32).toString('hex'));
  return unknownUserHashValue;
}

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<UserEntity[]> {
    return this.dataSource.getRepository(UserEntity).find({ order: { createdAt: 'ASC' } });
  }

  get(id: string): Promise<UserEntity> {
    return this.dataSource.getRepository(UserEntity).findOneByOrFail({ id });
  }

  async create(input: NewUser, actorUserId: string | null): Promise<UserEntity> {
    const email = input.email.toLowerCase();
    const weakPassword = passwordPolicyViolation(input.password, email);
    if (weakPassword) throw fieldError('password', weakPassword);
    return this.dataSource.transaction(async (manager) => {
      const user = manager.create(UserEntity, {
        id: randomUUID(),
        email,
        displayName: input.displayName,
        passwordHash: await hashPassword(input.password),
        roles: input.roles,
        active: true,
      });
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(UserEntity)
        .values(user)
        .orIgnore()
        .returning(['id'])
        .execute();
      if (inserted.raw.length === 0) throw userError('CONFLICT', `A user with the email ${email} already exists.`);
      const saved = await manager.findOneByOrFail(UserEntity, { id: user.id });
      await this.audit.record(
        { actorUserId, action: 'user.created', entityType: 'user', entityId: saved.id, before: null, after: { email, roles: saved.roles } },
        manager,
      );
      return saved;
    });
  }

  /**
   * Changes what is given and audits before/after. The active admins are locked first, so two admins demoting each
   * other at once cannot both succeed and leave nobody able to administer the help desk.
   */
  async update(id: string, changes: UserChanges, actorUserId: string): Promise<UserEntity> {
    // User ids are UUIDs: anything else would fail PostgreSQL's cast (an internal error) instead of answering.
    if (!isUUID(id)) throw userError('NOT_FOUND', `There is no user with the id ${id}.`);
    return this.dataSource.transaction(async (manager) => {
      const activeAdmins: { id: string }[] = await manager.query(
        "SELECT id FROM users WHERE active AND 'admin' = ANY(roles) ORDER BY id FOR UPDATE",
      );
      const user = await manager.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw userError('NOT_FOUND', `There is no user with the id ${id}.`);
      const before = { displayName: user.displayName, roles: user.roles, active: user.active };
      const after = {
        displayName: changes.displayName ?? user.displayName,
        roles: changes.roles ?? user.roles,
        active: changes.active ?? user.active,
      };
      const staysAdmin = after.active && after.roles.includes('admin');
      if (!staysAdmin && activeAdmins.length === 1 && activeAdmins[0].id === id) {
        throw userError('CONFLICT', `${user.email} is the last active admin: make another user an admin first.`);
      }
      await manager.update(UserEntity, { id }, after);
      await this.audit.record({ actorUserId, action: 'user.updated', entityType: 'user', entityId: id, before, after }, manager);
      return manager.findOneByOrFail(UserEntity, { id });
    });
  }

  /** The user whose password matches, or null (the caller says nothing about which part was wrong). */
  async verifyCredentials(email: string, password: string): Promise<UserEntity | null> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ email: email.toLowerCase() });
    // Unknown or inactive users cost the same scrypt work, so the answer's timing does not tell which part was wrong.
    const matches = await verifyPassword(password, user?.active ? user.passwordHash : await unknownUserHash());
    return user?.active && matches ? user : null;
  }

  /**
   * On the first start (no users at all) creates an admin, with the given password or a generated one that is
   * returned once for printing. Later starts do nothing.
   */
  async ensureInitialAdmin(email: string, password?: string): Promise<{ email: string; password: string } | null> {
    if ((await this.dataSource.getRepository(UserEntity).count()) > 0) return null;
    // Checked here too so that the operator reads which setting to fix, not a bare GraphQL error.
    const weakPassword = password === undefined ? null : passwordPolicyViolation(password, email);
    if (weakPassword) throw new Error(`ADMIN_PASSWORD is refused by the password policy: ${weakPassword}.`);
    const chosen = password ?? randomBytes(18).toString('base64url');
    await this.create({ email, displayName: 'Administrator', password: chosen, roles: ['admin'] }, null);
    return { email, password: chosen };
  }
}
