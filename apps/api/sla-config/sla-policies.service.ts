import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { BusinessCalendarEntity } from '../../../libs/db/entities/business-calendar.entity.js';
import { EscalationPolicyEntity } from '../../../libs/db/entities/escalation-policy.entity.js';
import { SlaPolicyEntity } from '../../../libs/db/entities/sla-policy.entity.js';
import { validateSlaPolicy, type SlaPolicy, type SlaPolicyConditions } from '../../../libs/domain/sla/index.js';
import { AuditService } from '../audit/audit.service.js';
import { AuditedWrites, findByUuid } from './audited-writes.js';
import { assertUuid, invalidInput, mapConstraintErrors } from './config-errors.js';
import type { SlaPolicyInput } from './dto/sla-policy.input.js';
import { toSlaPolicyModel, type SlaPolicyModel } from './models/sla-policy.model.js';

/** The order of all policies is one thing: its audit entries name it so. */
const ORDER_ENTITY = { entityType: 'sla_policies', entityId: 'order' } as const;
/** Every write to SLA policies takes this transaction lock, so positions stay 0..n-1 when admins act at once. */
const SLA_POLICY_ORDER_LOCK = 727_002;

type PolicyFields = Omit<SlaPolicy, 'id' | 'position'>;

interface OrderEntry {
  id: string;
  name: string;
  position: number;
}

/**
 * SLA policies: validated by libs/domain/sla, written with their audit entries in one transaction. Positions are the
 * policies' places in the order they are tried, kept 0..n-1: placing a policy moves the others to make room, and
 * deleting one closes the gap (an audit entry for the order records that).
 */
@Injectable()
export class SlaPoliciesService {
  private readonly rows: AuditedWrites<SlaPolicyEntity>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {
    this.rows = new AuditedWrites(dataSource, audit, {
      entity: SlaPolicyEntity,
      entityType: 'sla_policy',
      snapshot,
      // No row lock, even for a write: every writer holds the order lock (`lockOrder`) already.
      find: (manager, id) => findByUuid(manager, SlaPolicyEntity, id, { article: 'an', noun: 'SLA policy', lock: false }),
      beforeWrite: lockOrder,
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
      const order = await currentOrder(manager);
      const position = Math.min(input.position ?? order.length, order.length);
      await mapWriteErrors(
        () => manager.insert(SlaPolicyEntity, { id, ...fields, active: input.active ?? true, position: order.length }),
        fields,
      );
      const ids = order.map((entry) => entry.id);
      ids.splice(position, 0, id);
      await this.applyOrder(manager, order, ids, actorUserId, id);
    });
    return toSlaPolicyModel(saved);
  }

  /** Replaces the policy with the input; position and active stay as they are unless given. */
  async update(id: string, input: SlaPolicyInput, actorUserId: string): Promise<SlaPolicyModel> {
    const fields = policyFields(input);
    const after = await this.rows.update(id, actorUserId, async (manager, before) => {
      await assertReferencesExist(manager, fields);
      await mapWriteErrors(() => manager.update(SlaPolicyEntity, { id }, { ...fields, active: input.active ?? before.active }), fields);
      if (input.position != null) {
        const order = await currentOrder(manager);
        const ids = order.map((entry) => entry.id).filter((other) => other !== id);
        ids.splice(Math.min(input.position, ids.length), 0, id);
        await this.applyOrder(manager, order, ids, actorUserId, id);
      }
    });
    return toSlaPolicyModel(after);
  }

  /** The policies after it move up one. Tickets already under it keep the targets they were given. */
  delete(id: string, actorUserId: string): Promise<string> {
    return this.rows.delete(
      id,
      actorUserId,
      async (manager) => {
        const order = await currentOrder(manager);
        await manager.delete(SlaPolicyEntity, { id });
        return order;
      },
      // After the policy's own entry: closing the gap is a change of the order, audited as such.
      (manager, order) => {
        const remaining = order.filter((entry) => entry.id !== id);
        return this.applyOrder(manager, remaining, remaining.map((entry) => entry.id), actorUserId, null);
      },
    );
  }

  /** `ids` must name every policy exactly once; the first is tried first. */
  async reorder(ids: string[], actorUserId: string): Promise<SlaPolicyModel[]> {
    for (const id of ids) assertUuid(id, 'an SLA policy');
    await this.dataSource.transaction(async (manager) => {
      await lockOrder(manager);
      const order = await currentOrder(manager);
      const problems = reorderProblems(order, ids);
      if (problems.length > 0) throw invalidInput(problems);
      await setPositions(manager, ids);
      // Recorded even when nothing moved: the admin asked for this order.
      await this.audit.record(
        { actorUserId, action: 'sla_policies.reordered', ...ORDER_ENTITY, before: orderSnapshot(order), after: orderSnapshot(await currentOrder(manager)) },
        manager,
      );
    });
    return this.list();
  }

  /**
   * Gives the policies in `ids` the positions 0..n-1. When that moves a policy other than `subject` (whose own entry
   * records its position), the whole order before and after goes into the audit log.
   */
  private async applyOrder(manager: EntityManager, before: OrderEntry[], ids: string[], actorUserId: string, subject: string | null) {
    await setPositions(manager, ids);
    const after = await currentOrder(manager);
    const previous = new Map(before.map((entry) => [entry.id, entry.position]));
    const othersMoved = after.some((entry) => entry.id !== subject && previous.has(entry.id) && previous.get(entry.id) !== entry.position);
    if (othersMoved) {
      await this.audit.record(
        { actorUserId, action: 'sla_policies.reordered', ...ORDER_ENTITY, before: orderSnapshot(before), after: orderSnapshot(after) },
        manager,
      );
    }
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
  for (const key of ['priorities', 'channels', 'organizationIds', 'customerTiers', 'groupIds', 'tags'] as const) {
    const values = [...new Set(input.conditions[key])];
    // Absent and empty mean the same (any value); only the conditions that narrow are stored.
    if (values.length > 0) (conditions as Record<string, string[]>)[key] = values;
  }
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
  if (problems.length > 0) throw invalidInput(problems);
}

function reorderProblems(order: OrderEntry[], ids: string[]): string[] {
  const known = new Map(order.map((entry) => [entry.id, entry.name]));
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const id of ids) (seen.has(id) ? repeated : seen).add(id);
  const unknown = [...seen].filter((id) => !known.has(id));
  const missing = order.filter((entry) => !seen.has(entry.id));
  const problems: string[] = [];
  if (repeated.size > 0) problems.push(`Each policy must be listed once; listed more than once: ${[...repeated].map((id) => describe(id, known)).join(', ')}.`);
  if (unknown.length > 0) problems.push(`There is no SLA policy ${unknown.join(', ')}.`);
  if (missing.length > 0) problems.push(`Every policy must be listed; missing: ${missing.map((entry) => describe(entry.id, known)).join(', ')}.`);
  return problems;
}

function describe(id: string, names: Map<string, string>): string {
  const name = names.get(id);
  return name === undefined ? id : `"${name}" (${id})`;
}

async function lockOrder(manager: EntityManager): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock($1)', [SLA_POLICY_ORDER_LOCK]);
}

/** Ties (from a writer other than this API) are broken the way the list shows them. */
async function currentOrder(manager: EntityManager): Promise<OrderEntry[]> {
  return manager.find(SlaPolicyEntity, {
    select: { id: true, name: true, position: true },
    order: { position: 'ASC', createdAt: 'ASC', id: 'ASC' },
  });
}

/** Position i for ids[i], touching only the rows that move. */
async function setPositions(manager: EntityManager, ids: string[]): Promise<void> {
  await manager.query(
    `UPDATE sla_policies AS p SET position = o.ordinality - 1, updated_at = now()
       FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, ordinality)
      WHERE p.id = o.id AND p.position <> o.ordinality - 1`,
    [ids],
  );
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
