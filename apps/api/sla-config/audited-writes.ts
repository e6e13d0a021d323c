import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager, EntityTarget, FindOptionsWhere } from 'typeorm';
import type { AuditService } from '../audit/audit.service.js';
import { userError } from '../common/user-error.js';
import { assertUuid } from './config-errors.js';

/** A configuration table whose writes are audited: what its audit entries are called, and how rows are read. */
export interface AuditedTable<Row extends { id: string | number }> {
  entity: EntityTarget<Row>;
  /** The audit entries' `entityType`; their actions are `<entityType>.created`, `.updated` and `.deleted`. */
  entityType: string;
  /** What the audit log keeps of a row. */
  snapshot(row: Row): Record<string, unknown>;
  /** The row, or the user error for an unknown or malformed id; `forWrite`: the transaction is about to change it. */
  find(manager: EntityManager, id: Row['id'], forWrite: boolean): Promise<Row>;
  /** Run first in every write transaction (e.g. a lock that serializes the table's writers). */
  beforeWrite?(manager: EntityManager): Promise<void>;
}

/**
 * Writes to a configuration table, each in one transaction with its audit entry: the row as it was (read for the
 * write), the write itself (the service's own checks and rules run inside it), the row as it is now, then the entry.
 */
export class AuditedWrites<Row extends { id: string | number }> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly table: AuditedTable<Row>,
  ) {}

  get(id: Row['id']): Promise<Row> {
    return this.table.find(this.dataSource.manager, id, false);
  }

  /** For tables keyed by uuid: `insert` writes the row under the new id it is given. */
  create(actorUserId: string, insert: (manager: EntityManager, id: string) => Promise<unknown>): Promise<Row> {
    return this.dataSource.transaction(async (manager) => {
      await this.table.beforeWrite?.(manager);
      const id = randomUUID();
      await insert(manager, id);
      return this.recordWritten(manager, actorUserId, 'created', id as Row['id'], null);
    });
  }

  update(id: Row['id'], actorUserId: string, write: (manager: EntityManager, before: Row) => Promise<unknown>): Promise<Row> {
    return this.dataSource.transaction(async (manager) => {
      await this.table.beforeWrite?.(manager);
      const before = await this.table.find(manager, id, true);
      await write(manager, before);
      return this.recordWritten(manager, actorUserId, 'updated', id, before);
    });
  }

  /**
   * `remove` deletes the row (or refuses); `afterwards`, given what `remove` returned, runs after the audit entry, in
   * the same transaction. Returns the deleted id.
   */
  delete<Removed>(
    id: Row['id'],
    actorUserId: string,
    remove: (manager: EntityManager, before: Row) => Promise<Removed>,
    afterwards?: (manager: EntityManager, removed: Removed) => Promise<unknown>,
  ): Promise<Row['id']> {
    return this.dataSource.transaction(async (manager) => {
      await this.table.beforeWrite?.(manager);
      const before = await this.table.find(manager, id, true);
      const removed = await remove(manager, before);
      await this.record(manager, actorUserId, 'deleted', id, before, null);
      await afterwards?.(manager, removed);
      return id;
    });
  }

  private async recordWritten(
    manager: EntityManager,
    actorUserId: string,
    change: 'created' | 'updated',
    id: Row['id'],
    before: Row | null,
  ): Promise<Row> {
    const after = await manager.findOneByOrFail(this.table.entity, { id } as FindOptionsWhere<Row>);
    await this.record(manager, actorUserId, change, id, before, after);
    return after;
  }

  private record(
    manager: EntityManager,
    actorUserId: string,
    change: 'created' | 'updated' | 'deleted',
    id: Row['id'],
    before: Row | null,
    after: Row | null,
  ): Promise<void> {
    const { entityType } = this.table;
    return this.audit.record(
      {
        actorUserId,
        action: `${entityType}.${change}`,
        entityType,
        entityId: String(id),
        before: before && this.table.snapshot(before),
        after: after && this.table.snapshot(after),
      },
      manager,
    );
  }
}

/**
 * The `find` of a table keyed by uuid: BAD_USER_INPUT for an id that is not a uuid (PostgreSQL would fail the query),
 * NOT_FOUND for an unknown one ("There is no <noun> <id>."); `lock`: the row stays locked until the transaction ends.
 */
export async function findByUuid<Row extends { id: string }>(
  manager: EntityManager,
  entity: EntityTarget<Row>,
  id: string,
  { article, noun, lock }: { article: 'a' | 'an'; noun: string; lock: boolean },
): Promise<Row> {
  assertUuid(id, `${article} ${noun}`);
  const row = await manager.findOne(entity, {
    where: { id } as FindOptionsWhere<Row>,
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!row) throw userError('NOT_FOUND', `There is no ${noun} ${id}.`);
  return row;
}
