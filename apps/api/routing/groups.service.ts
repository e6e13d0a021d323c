import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { GroupEntity } from '../../../libs/db/entities/group.entity.js';
import { userError } from '../common/user-error.js';
import { AuditService } from '../audit/audit.service.js';
import { AuditedWrites, findByUuid } from '../sla-config/audited-writes.js';
import { mapConstraintErrors, quotedList } from '../sla-config/config-errors.js';
import { ROUTING_LIMITS } from './dto/routing-limits.js';
import { toGroupModel, type GroupModel } from './models/group.model.js';
import { lockRoutingConfig } from './routing-lock.js';

/** Groups (queues): written with their audit entry in one transaction; the fallback group is the migration's. */
@Injectable()
export class GroupsService {
  private readonly rows: AuditedWrites<GroupEntity>;

  constructor(
    private readonly dataSource: DataSource,
    audit: AuditService,
  ) {
    this.rows = new AuditedWrites(dataSource, audit, {
      entity: GroupEntity,
      entityType: 'group',
      snapshot,
      find: (manager, id, forWrite) => findByUuid(manager, GroupEntity, id, { article: 'a', noun: 'group', lock: forWrite }),
      beforeWrite: lockRoutingConfig,
    });
  }

  /** The fallback group first, then by name. */
  async list(): Promise<GroupModel[]> {
    const groups = await this.dataSource.getRepository(GroupEntity).find({ order: { isFallback: 'DESC', name: 'ASC', id: 'ASC' } });
    return groups.map(toGroupModel);
  }

  async get(id: string): Promise<GroupModel> {
    return toGroupModel(await this.rows.get(id));
  }

  async create(name: string, visibleToAllAgents: boolean, actorUserId: string): Promise<GroupModel> {
    const trimmed = name.trim();
    const saved = await this.rows.create(actorUserId, (manager, id) =>
      mapNameConflict(() => manager.insert(GroupEntity, { id, name: trimmed, isFallback: false, visibleToAllAgents }), trimmed),
    );
    return toGroupModel(saved);
  }

  /** Who sees the group's tickets: every agent, or only its members (see tickets/ticket-visibility.ts). */
  async setVisibleToAllAgents(id: string, visibleToAllAgents: boolean, actorUserId: string): Promise<GroupModel> {
    const after = await this.rows.update(id, actorUserId, (manager) => manager.update(GroupEntity, { id }, { visibleToAllAgents }));
    return toGroupModel(after);
  }

  async rename(id: string, name: string, actorUserId: string): Promise<GroupModel> {
    const trimmed = name.trim();
    if (trimmed === '' || trimmed.length > ROUTING_LIMITS.nameMaxLength) {
      throw userError('BAD_USER_INPUT', `A group needs a name of 1 to ${ROUTING_LIMITS.nameMaxLength} characters.`);
    }
    const after = await this.rows.update(id, actorUserId, (manager) =>
      mapNameConflict(() => manager.update(GroupEntity, { id }, { name: trimmed }), trimmed),
    );
    return toGroupModel(after);
  }

  /** Refused for the fallback group, and while a routing rule sends tickets to the group (the rules are named). */
  delete(id: string, actorUserId: string): Promise<string> {
    return this.rows.delete(id, actorUserId, async (manager, before) => {
      if (before.isFallback) {
        throw userError('CONFLICT', `The group "${before.name}" is the fallback queue for tickets no rule takes; it cannot be deleted.`);
      }
      const rules: Array<{ name: string }> = await manager.query(
        `SELECT name FROM routing_rules WHERE result->>'groupId' = $1 ORDER BY position, name`,
        [id],
      );
      if (rules.length > 0) {
        const names = rules.map((rule) => rule.name);
        const which = names.length === 1 ? 'the routing rule' : 'the routing rules';
        throw userError(
          'CONFLICT',
          `The group "${before.name}" is the target of ${which} ${quotedList(names)}; send them to another group (or delete them) before deleting it.`,
          { rules: names },
        );
      }
      await manager.delete(GroupEntity, { id });
    });
  }
}

/** A second group of the same name: CONFLICT. */
function mapNameConflict(write: () => Promise<unknown>, name: string): Promise<unknown> {
  return mapConstraintErrors(write, {
    groups_name_unique: { code: 'CONFLICT', message: `A group named "${name}" already exists.` },
  });
}

function snapshot(group: GroupEntity): Record<string, unknown> {
  return { id: group.id, name: group.name, isFallback: group.isFallback, visibleToAllAgents: group.visibleToAllAgents };
}
