import type { EntityManager, EntityTarget } from 'typeorm';
import type { AuditService } from '../audit/audit.service.js';
import { invalidInput } from './config-errors.js';

/** A row of an ordered table as the order needs it. */
export interface OrderEntry {
  id: string;
  name: string;
  position: number;
}

/** A configuration table whose rows are tried in order, positions kept 0..n-1 (SLA policies, routing rules). */
export interface OrderedTable {
  entity: EntityTarget<OrderEntry & { createdAt: Date }>;
  /** The SQL table name, for the one statement that sets positions. */
  table: string;
  /** Taken first by every writer, so positions stay 0..n-1 when admins act at once. */
  lock(manager: EntityManager): Promise<void>;
  /** The audit entries of the order as a whole: their action, and the entity they name. */
  reorderedAction: string;
  orderEntity: { entityType: string; entityId: string };
  /** What the audit log keeps of the order. */
  snapshot(order: OrderEntry[]): Record<string, unknown>;
  /** How reorder problems name a row: `one` in "Each policy must…", `full` in "There is no SLA policy …". */
  nouns: { one: string; full: string };
}

/**
 * The order of a table's rows: placing a row moves the others to make room, deleting one closes the gap, and a
 * reorder names every row exactly once. A change that moves rows other than the one written (whose own audit entry
 * records its position) records the whole order before and after in the audit log.
 */
export class OrderedPositions {
  constructor(
    private readonly audit: AuditService,
    private readonly table: OrderedTable,
  ) {}

  /** Ties (from a writer other than this API) are broken the way the list shows them. */
  current(manager: EntityManager): Promise<OrderEntry[]> {
    return manager.find(this.table.entity, {
      select: { id: true, name: true, position: true },
      order: { position: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** Where a new row asked to go at `requested` lands: there, or last (also when not asked). */
  insertionPoint(order: OrderEntry[], requested: number | null | undefined): number {
    return Math.min(requested ?? order.length, order.length);
  }

  /** Puts the new row `id` (just written, last) at `position` of `order`, the order before it was written. */
  async placeNew(manager: EntityManager, order: OrderEntry[], id: string, position: number, actorUserId: string): Promise<void> {
    const ids = order.map((entry) => entry.id);
    ids.splice(position, 0, id);
    await this.apply(manager, order, ids, actorUserId, id);
  }

  /** Moves the row `id` to `position` (or last, if that is past the end). */
  async move(manager: EntityManager, id: string, position: number, actorUserId: string): Promise<void> {
    const order = await this.current(manager);
    const ids = order.map((entry) => entry.id).filter((other) => other !== id);
    ids.splice(Math.min(position, ids.length), 0, id);
    await this.apply(manager, order, ids, actorUserId, id);
  }

  /** After the row `id` of `order` (the order before) was deleted: the rows after it move up one. */
  async closeGap(manager: EntityManager, order: OrderEntry[], id: string, actorUserId: string): Promise<void> {
    const remaining = order.filter((entry) => entry.id !== id);
    await this.apply(manager, remaining, remaining.map((entry) => entry.id), actorUserId, null);
  }

  /**
   * Takes the lock and puts the rows in the order of `ids`, which must name every row exactly once (else
   * BAD_USER_INPUT naming every problem). Recorded even when nothing moved: the admin asked for this order.
   */
  async reorder(manager: EntityManager, ids: string[], actorUserId: string): Promise<void> {
    await this.table.lock(manager);
    const order = await this.current(manager);
    const problems = this.reorderProblems(order, ids);
    if (problems.length > 0) throw invalidInput(problems);
    await this.setPositions(manager, ids);
    await this.recordOrder(manager, actorUserId, order, await this.current(manager));
  }

  /** Gives the rows in `ids` the positions 0..n-1, auditing the order when a row other than `subject` moved. */
  private async apply(manager: EntityManager, before: OrderEntry[], ids: string[], actorUserId: string, subject: string | null) {
    await this.setPositions(manager, ids);
    const after = await this.current(manager);
    const previous = new Map(before.map((entry) => [entry.id, entry.position]));
    const othersMoved = after.some((entry) => entry.id !== subject && previous.has(entry.id) && previous.get(entry.id) !== entry.position);
    if (othersMoved) await this.recordOrder(manager, actorUserId, before, after);
  }

  private async recordOrder(manager: EntityManager, actorUserId: string, before: OrderEntry[], after: OrderEntry[]) {
    const { reorderedAction: action, orderEntity, snapshot } = this.table;
    await this.audit.record({ actorUserId, action, ...orderEntity, before: snapshot(before), after: snapshot(after) }, manager);
  }

  /** Position i for ids[i], touching only the rows that move. */
  private async setPositions(manager: EntityManager, ids: string[]): Promise<void> {
    await manager.query(
      `UPDATE ${this.table.table} AS t SET position = o.ordinality - 1, updated_at = now()
         FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, ordinality)
        WHERE t.id = o.id AND t.position <> o.ordinality - 1`,
      [ids],
    );
  }

  private reorderProblems(order: OrderEntry[], ids: string[]): string[] {
    const { one, full } = this.table.nouns;
    const known = new Map(order.map((entry) => [entry.id, entry.name]));
    const seen = new Set<string>();
    const repeated = new Set<string>();
    for (const id of ids) (seen.has(id) ? repeated : seen).add(id);
    const unknown = [...seen].filter((id) => !known.has(id));
    const missing = order.filter((entry) => !seen.has(entry.id));
    const describe = (id: string) => (known.has(id) ? `"${known.get(id)}" (${id})` : id);
    const problems: string[] = [];
    if (repeated.size > 0) problems.push(`Each ${one} must be listed once; listed more than once: ${[...repeated].map(describe).join(', ')}.`);
    if (unknown.length > 0) problems.push(`There is no ${full} ${unknown.join(', ')}.`);
    if (missing.length > 0) problems.push(`Every ${one} must be listed; missing: ${missing.map((entry) => describe(entry.id)).join(', ')}.`);
    return problems;
  }
}
