import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { BusinessCalendarEntity } from '../../../libs/db/entities/business-calendar.entity.js';
import { EscalationPolicyEntity } from '../../../libs/db/entities/escalation-policy.entity.js';
import { ServiceRequestItemEntity } from '../../../libs/db/entities/service-request-item.entity.js';
import { ServiceEntity } from '../../../libs/db/entities/service.entity.js';
import { SlaPolicyEntity } from '../../../libs/db/entities/sla-policy.entity.js';
import { TicketFieldDefinitionEntity } from '../../../libs/db/entities/ticket-field-definition.entity.js';
import { validateSlaPolicy, type SlaPolicy, type SlaPolicyConditions } from '../../../libs/domain/sla/index.js';
import { impossibleChoiceValues } from '../../../libs/domain/tickets/ticket-field-definition.js';
import { AuditService } from '../audit/audit.service.js';
import { AuditedWrites, findByUuid } from './audited-writes.js';
import { assertUuid, invalidInput, mapConstraintErrors } from './config-errors.js';
import type { SlaPolicyInput } from './dto/sla-policy.input.js';
import { toSlaPolicyModel, type SlaPolicyModel } from './models/sla-policy.model.js';
import { OrderedPositions, type OrderEntry } from './ordered-positions.js';

/** Every write to SLA policies takes this transaction lock, so positions stay 0..n-1 when admins act at once. */
const SLA_POLICY_ORDER_LOCK = 727_002;

type PolicyFields = Omit<SlaPolicy, 'id' | 'position'>;

/**
 * SLA policies: validated by libs/domain/sla, written with their audit entries in one transaction. Positions are the
 * policies' places in the order they are tried, kept 0..n-1: placing a policy moves the others to make room, and
 * deleting one closes the gap (an audit entry for the order records that).
 */
@Injectable()
export class SlaPoliciesService {
  private readonly rows: AuditedWrites<SlaPolicyEntity>;
  private readonly order: OrderedPositions;

  constructor(
    private readonly dataSource: DataSource,
    audit: AuditService,
  ) {
    this.rows = new AuditedWrites(dataSource, audit, {
      entity: SlaPolicyEntity,
      entityType: 'sla_policy',
      snapshot,
      // No row lock, even for a write: every writer holds the order lock (`lockOrder`) already.
      find: (manager, id) => findByUuid(manager, SlaPolicyEntity, id, { article: 'an', noun: 'SLA policy', lock: false }),
      beforeWrite: lockOrder,
    });
    this.order = new OrderedPositions(audit, {
      entity: SlaPolicyEntity,
      table: 'sla_policies',
      lock: lockOrder,
      reorderedAction: 'sla_policies.reordered',
      // The order of all policies is one thing: its audit entries name it so.
      orderEntity: { entityType: 'sla_policies', entityId: 'order' },
      snapshot: orderSnapshot,
      nouns: { one: 'policy', full: 'SLA policy' },
    });
  }

  async list(): Promise<SlaPolicyModel[]> {
    const policies = await this.dataSource.getRepository(SlaPolicyEntity).find({ order: { position: 'ASC', createdAt: 'ASC', id: 'ASC' } });
    return policies.map(toSlaPolicyModel);
  }

  async get(id: string): Promise<SlaPolicyModel> {
    return toSlaPolicyModel(await this.rows.get(id));
  }

  async create(input: SlaPolicyInput, actorUserId: string): Promise<SlaPolicyModel> {
    const fields = policyFields(input);
    const saved = await this.rows.create(actorUserId, async (manager, id) => {
      await assertReferencesExist(manager, fields);
      const order = await this.order.current(manager);
      const position = this.order.insertionPoint(order, input.position);
      await mapWriteErrors(
        () => manager.insert(SlaPolicyEntity, { id, ...fields, active: input.active ?? true, position: order.length }),
        fields,
      );
      await this.order.placeNew(manager, order, id, position, actorUserId);
    });
    return toSlaPolicyModel(saved);
  }

  /** Replaces the policy with the input; position and active stay as they are unless given. */
  async update(id: string, input: SlaPolicyInput, actorUserId: string): Promise<SlaPolicyModel> {
    const fields = policyFields(input);
    const after = await this.rows.update(id, actorUserId, async (manager, before) => {
      await assertReferencesExist(manager, fields);
      await mapWriteErrors(() => manager.update(SlaPolicyEntity, { id }, { ...fields, active: input.active ?? before.active }), fields);
      if (input.position != null) await this.order.move(manager, id, input.position, actorUserId);
    });
    return toSlaPolicyModel(after);
  }

  /** The policies after it move up one. Tickets already under it keep the targets they were given. */
  delete(id: string, actorUserId: string): Promise<string> {
    return this.rows.delete(
      id,
      actorUserId,
      async (manager) => {
        const order = await this.order.current(manager);
        await manager.delete(SlaPolicyEntity, { id });
        return order;
      },
      // After the policy's own entry: closing the gap is a change of the order, audited as such.
      (manager, order) => this.order.closeGap(manager, order, id, actorUserId),
    );
  }

  /** `ids` must name every policy exactly once; the first is tried first. */
  async reorder(ids: string[], actorUserId: string): Promise<SlaPolicyModel[]> {
    for (const id of ids) assertUuid(id, 'an SLA policy');
    await this.dataSource.transaction((manager) => this.order.reorder(manager, ids, actorUserId));
    return this.list();
  }
}

/**
 * The domain policy built from the input, checked by the domain's validator after the checks only the GraphQL shape
 * needs (a target or pause rule listed twice); every problem is reported at once.
 */
function policyFields(input: SlaPolicyInput): PolicyFields {
  const problems: string[] = [];
  const targets: SlaPolicy['targets'] = {};
  for (const { priority, metric, minutes, businessHours } of input.targets) {
    const byMetric = (targets[priority] ??= {});
    if (byMetric[metric]) problems.push(`Targets: the ${priority} ${metric} target is listed more than once; list it once.`);
    byMetric[metric] = { minutes, businessHours };
  }
  const pauseWhile: SlaPolicy['pauseWhile'] = {};
  for (const { metric, statuses } of input.pauseWhile) {
    if (pauseWhile[metric]) problems.push(`Pause rules: ${metric} is listed more than once; list all its statuses in one rule.`);
    pauseWhile[metric] = [...new Set(statuses)];
  }
  const conditions: SlaPolicyConditions = {};
  for (const key of ['priorities', 'channels', 'organizationIds', 'customerTiers', 'groupIds', 'tags', 'ticketTypes', 'serviceIds', 'requestItemIds'] as const) {
    const values = [...new Set(input.conditions[key])];
    // Absent and empty mean the same (any value); only the conditions that narrow are stored.
    if (values.length > 0) (conditions as Record<string, string[]>)[key] = values;
  }
  const fieldConditions = input.conditions.fields.map(({ name, values }) => ({ name, values: [...new Set(values)] }));
  if (fieldConditions.length > 0) conditions.fields = fieldConditions;
  const policy: Omit<SlaPolicy, 'id'> = {
    name: input.name.trim(),
    // Where the policy lands is settled against the others; the validator only needs to see what was asked.
    position: input.position ?? 0,
    conditions,
    targets,
    pauseWhile,
    warningThresholds: input.warningThresholds,
    calendarId: input.calendarId ?? null,
    escalationPolicyId: input.escalationPolicyId ?? null,
  };
  problems.push(...validateSlaPolicy(policy));
  if (problems.length > 0) throw invalidInput(problems);
  const { position: _position, ...fields } = policy;
  return fields;
}

/** A second policy of the same name: CONFLICT; a calendar or escalation policy deleted meanwhile: BAD_USER_INPUT. */
function mapWriteErrors(write: () => Promise<unknown>, fields: PolicyFields): Promise<unknown> {
  return mapConstraintErrors(write, {
    sla_policies_name_unique: { code: 'CONFLICT', message: `An SLA policy named "${fields.name}" already exists.` },
    sla_policies_calendar_fk: { code: 'BAD_USER_INPUT', message: `There is no business calendar ${fields.calendarId}.` },
    sla_policies_escalation_policy_fk: { code: 'BAD_USER_INPUT', message: `There is no escalation policy ${fields.escalationPolicyId}.` },
  });
}

async function assertReferencesExist(manager: EntityManager, fields: PolicyFields): Promise<void> {
  const problems: string[] = [];
  if (fields.calendarId !== null && !(await manager.existsBy(BusinessCalendarEntity, { id: fields.calendarId }))) {
    problems.push(`There is no business calendar ${fields.calendarId}.`);
  }
  if (fields.escalationPolicyId !== null && !(await manager.existsBy(EscalationPolicyEntity, { id: fields.escalationPolicyId }))) {
    problems.push(`There is no escalation policy ${fields.escalationPolicyId}.`);
  }
  problems.push(...(await unknownCatalogEntries(manager, fields.conditions)));
  if (fields.conditions.fields) {
    const definitions = await manager.find(TicketFieldDefinitionEntity);
    problems.push(...impossibleChoiceValues(definitions, fields.conditions.fields).map((problem) => `Conditions: ${problem}`));
  }
  if (problems.length > 0) throw invalidInput(problems);
}

/** A per-service condition names services and request items of the catalog that exist. */
async function unknownCatalogEntries(manager: EntityManager, conditions: SlaPolicyConditions): Promise<string[]> {
  const problems: string[] = [];
  for (const [ids, entity, noun] of [
    [conditions.serviceIds ?? [], ServiceEntity, 'service'],
    [conditions.requestItemIds ?? [], ServiceRequestItemEntity, 'request item'],
  ] as const) {
    const found = ids.length === 0 ? [] : await manager.findBy(entity, { id: In([...ids]) });
    for (const id of ids.filter((id) => !found.some((row) => row.id === id))) problems.push(`Conditions: there is no ${noun} ${id}.`);
  }
  return problems;
}

async function lockOrder(manager: EntityManager): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock($1)', [SLA_POLICY_ORDER_LOCK]);
}

/** What the audit log keeps of a policy: its domain shape, and whether it is active. */
function snapshot(policy: SlaPolicyEntity): Record<string, unknown> {
  return {
    id: policy.id,
    name: policy.name,
    position: policy.position,
    active: policy.active,
    conditions: policy.conditions,
    targets: policy.targets,
    pauseWhile: policy.pauseWhile,
    warningThresholds: policy.warningThresholds,
    calendarId: policy.calendarId,
    escalationPolicyId: policy.escalationPolicyId,
  };
}

function orderSnapshot(order: OrderEntry[]): Record<string, unknown> {
  return { policies: order.map(({ id, name, position }) => ({ id, name, position })) };
}
