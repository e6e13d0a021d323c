import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { RoutingRuleEntity } from '../../../libs/db/entities/routing-rule.entity.js';
import { TicketFieldDefinitionEntity } from '../../../libs/db/entities/ticket-field-definition.entity.js';
import { findRuleConflicts, validateRoutingRule, type RoutingRule } from '../../../libs/domain/routing/index.js';
import { impossibleChoiceValues } from '../../../libs/domain/tickets/ticket-field-definition.js';
import { AuditService } from '../audit/audit.service.js';
import { AuditedWrites, findByUuid } from '../sla-config/audited-writes.js';
import { assertUuid, invalidInput, mapConstraintErrors } from '../sla-config/config-errors.js';
import { OrderedPositions, type OrderEntry } from '../sla-config/ordered-positions.js';
import type { RoutingRuleInput } from './dto/routing-rule.input.js';
import {
  toRoutingRuleModel,
  type DeleteRoutingRulePayloadModel,
  type RoutingRuleConflictsModel,
  type RoutingRuleModel,
  type RoutingRulePayloadModel,
  type RoutingRulesPayloadModel,
} from './models/routing-rule.model.js';
import { ruleRef, toCriteria, toResult } from './routing-rule-input.js';
import { lockRoutingConfig } from './routing-lock.js';

type RuleFields = Pick<RoutingRule, 'name' | 'criteria' | 'result'>;

/** The group and calendar ids rules may refer to. */
export async function routingReferences(manager: EntityManager): Promise<{ groupIds: Set<string>; calendarIds: Set<string> }> {
  const groups: Array<{ id: string }> = await manager.query('SELECT id FROM groups');
  const calendars: Array<{ id: string }> = await manager.query('SELECT id FROM business_calendars');
  return { groupIds: new Set(groups.map((g) => g.id)), calendarIds: new Set(calendars.map((c) => c.id)) };
}

/** The domain rules from the rows. */
export function toDomainRule(row: RoutingRuleEntity): RoutingRule {
  return { id: row.id, name: row.name, position: row.position, criteria: row.criteria, result: row.result };
}

/** The conflicts of a rule set, with the rules' names. */
export function conflictsOf(rules: readonly RoutingRule[]): RoutingRuleConflictsModel {
  const conflicts = findRuleConflicts(rules);
  const ref = ruleRef(rules);
  return {
    shadowed: conflicts.shadowed.map(({ rule, by, explanation }) => ({ rule: ref(rule), by: ref(by), explanation })),
    overlaps: conflicts.overlaps.map(({ first, second, explanation }) => ({ first: ref(first), second: ref(second), explanation })),
  };
}

/**
 * Routing rules: validated by libs/domain/routing against the groups and calendars that exist, written with their
 * audit entries in one transaction. Positions are kept 0..n-1 (as SLA policies'); every save answers with the
 * conflicts of the resulting active rule set, so an admin sees then which rules can never fire.
 */
@Injectable()
export class RoutingRulesService {
  private readonly rows: AuditedWrites<RoutingRuleEntity>;
  private readonly order: OrderedPositions;

  constructor(
    private readonly dataSource: DataSource,
    audit: AuditService,
  ) {
    this.rows = new AuditedWrites(dataSource, audit, {
      entity: RoutingRuleEntity,
      entityType: 'routing_rule',
      snapshot,
      // No row lock, even for a write: every writer holds the routing configuration lock already.
      find: (manager, id) => findByUuid(manager, RoutingRuleEntity, id, { article: 'a', noun: 'routing rule', lock: false }),
      beforeWrite: lockRoutingConfig,
    });
    this.order = new OrderedPositions(audit, {
      entity: RoutingRuleEntity,
      table: 'routing_rules',
      lock: lockRoutingConfig,
      reorderedAction: 'routing_rules.reordered',
      // The order of all rules is one thing: its audit entries name it so.
      orderEntity: { entityType: 'routing_rules', entityId: 'order' },
      snapshot: orderSnapshot,
      nouns: { one: 'rule', full: 'routing rule' },
    });
  }

  async list(manager: EntityManager = this.dataSource.manager): Promise<RoutingRuleModel[]> {
    return (await allRules(manager)).map(toRoutingRuleModel);
  }

  async get(id: string): Promise<RoutingRuleModel> {
    return toRoutingRuleModel(await this.rows.get(id));
  }

  /** The active rules in the order they are tried. */
  async activeRules(manager: EntityManager = this.dataSource.manager): Promise<RoutingRule[]> {
    const rows = await manager.find(RoutingRuleEntity, { where: { active: true }, order: { position: 'ASC', createdAt: 'ASC', id: 'ASC' } });
    return rows.map(toDomainRule);
  }

  async conflicts(): Promise<RoutingRuleConflictsModel> {
    return conflictsOf(await this.activeRules());
  }

  async create(input: RoutingRuleInput, actorUserId: string): Promise<RoutingRulePayloadModel> {
    let conflicts!: RoutingRuleConflictsModel;
    const saved = await this.rows.create(actorUserId, async (manager, id) => {
      const order = await this.order.current(manager);
      const position = this.order.insertionPoint(order, input.position);
      const fields = await ruleFields(manager, input, position);
      await mapWriteErrors(() => manager.insert(RoutingRuleEntity, { id, ...fields, active: input.active ?? true, position: order.length }), fields);
      await this.order.placeNew(manager, order, id, position, actorUserId);
      conflicts = conflictsOf(await this.activeRules(manager));
    });
    return { rule: toRoutingRuleModel(saved), conflicts };
  }

  /** Replaces the rule with the input; position and active stay as they are unless given. */
  async update(id: string, input: RoutingRuleInput, actorUserId: string): Promise<RoutingRulePayloadModel> {
    let conflicts!: RoutingRuleConflictsModel;
    const after = await this.rows.update(id, actorUserId, async (manager, before) => {
      const fields = await ruleFields(manager, input, input.position ?? before.position);
      await mapWriteErrors(() => manager.update(RoutingRuleEntity, { id }, { ...fields, active: input.active ?? before.active }), fields);
      if (input.position != null) await this.order.move(manager, id, input.position, actorUserId);
      conflicts = conflictsOf(await this.activeRules(manager));
    });
    return { rule: toRoutingRuleModel(after), conflicts };
  }

  /** The rules after it move up one. Tickets it routed keep its id (accuracy reports keep counting them). */
  async delete(id: string, actorUserId: string): Promise<DeleteRoutingRulePayloadModel> {
    let conflicts!: RoutingRuleConflictsModel;
    const deletedId = await this.rows.delete(
      id,
      actorUserId,
      async (manager) => {
        const order = await this.order.current(manager);
        await manager.delete(RoutingRuleEntity, { id });
        return order;
      },
      async (manager, order) => {
        await this.order.closeGap(manager, order, id, actorUserId);
        conflicts = conflictsOf(await this.activeRules(manager));
      },
    );
    return { deletedId, conflicts };
  }

  /** `ids` must name every rule exactly once; the first is tried first. */
  async reorder(ids: string[], actorUserId: string): Promise<RoutingRulesPayloadModel> {
    for (const id of ids) assertUuid(id, 'a routing rule');
    return this.dataSource.transaction(async (manager) => {
      await this.order.reorder(manager, ids, actorUserId);
      return { rules: await this.list(manager), conflicts: conflictsOf(await this.activeRules(manager)) };
    });
  }
}

/**
 * The domain rule built from the input and checked by the domain's validator against the groups and calendars that
 * exist now (the routing configuration lock keeps them so until commit); every problem is reported at once.
 */
async function ruleFields(manager: EntityManager, input: RoutingRuleInput, position: number): Promise<RuleFields> {
  const problems: string[] = [];
  const rule: Omit<RoutingRule, 'id'> = {
    name: input.name.trim(),
    position,
    criteria: toCriteria(input.criteria, problems),
    result: toResult(input.result),
  };
  problems.push(...validateRoutingRule(rule, await routingReferences(manager)));
  const fieldCriteria = Object.entries(rule.criteria.fields ?? {}).map(([name, values]) => ({ name, values }));
  if (fieldCriteria.length > 0) {
    const definitions = await manager.find(TicketFieldDefinitionEntity);
    problems.push(...impossibleChoiceValues(definitions, fieldCriteria).map((problem) => `Criteria: ${problem}`));
  }
  if (problems.length > 0) throw invalidInput(problems);
  return { name: rule.name, criteria: rule.criteria, result: rule.result };
}

function mapWriteErrors(write: () => Promise<unknown>, fields: RuleFields): Promise<unknown> {
  return mapConstraintErrors(write, {
    routing_rules_name_unique: { code: 'CONFLICT', message: `A routing rule named "${fields.name}" already exists.` },
  });
}

function allRules(manager: EntityManager): Promise<RoutingRuleEntity[]> {
  return manager.find(RoutingRuleEntity, { order: { position: 'ASC', createdAt: 'ASC', id: 'ASC' } });
}

function orderSnapshot(order: OrderEntry[]): Record<string, unknown> {
  return { order: order.map(({ id, name }) => ({ id, name })) };
}

function snapshot(rule: RoutingRuleEntity): Record<string, unknown> {
  return { id: rule.id, name: rule.name, position: rule.position, active: rule.active, criteria: rule.criteria, result: rule.result };
}
