import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { EscalationPolicyEntity } from '../../../libs/db/entities/escalation-policy.entity.js';
import { SlaPolicyEntity } from '../../../libs/db/entities/sla-policy.entity.js';
import {
  validateEscalationPolicy,
  type EscalationAction,
  type EscalationStep,
  type EscalationTrigger,
} from '../../../libs/domain/escalation/index.js';
import { AuditService } from '../audit/audit.service.js';
import { userError } from '../common/user-error.js';
import { assertUuid, invalidInput, mapConstraintErrors, quotedList } from './config-errors.js';
import type { EscalationActionInput, EscalationPolicyInput, EscalationStepInput } from './dto/escalation-policy.input.js';
import { toEscalationPolicyModel, type EscalationPolicyModel } from './models/escalation-policy.model.js';

const ENTITY_TYPE = 'escalation_policy';

/** Escalation policies: validated by libs/domain/escalation, written with their audit entry in one transaction. */
@Injectable()
export class EscalationPoliciesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<EscalationPolicyModel[]> {
    const policies = await this.dataSource.getRepository(EscalationPolicyEntity).find({ order: { name: 'ASC', id: 'ASC' } });
    return policies.map(toEscalationPolicyModel);
  }

  async get(id: string): Promise<EscalationPolicyModel> {
    return toEscalationPolicyModel(await this.find(this.dataSource.manager, id));
  }

  async create(input: EscalationPolicyInput, actorUserId: string): Promise<EscalationPolicyModel> {
    const fields = policyFields(input);
    return this.dataSource.transaction(async (manager) => {
      const id = randomUUID();
      await this.write(() => manager.insert(EscalationPolicyEntity, { id, ...fields }), fields.name);
      const saved = await manager.findOneByOrFail(EscalationPolicyEntity, { id });
      await this.audit.record(
        { actorUserId, action: `${ENTITY_TYPE}.created`, entityType: ENTITY_TYPE, entityId: id, before: null, after: snapshot(saved) },
        manager,
      );
      return toEscalationPolicyModel(saved);
    });
  }

  /** Replaces the policy with the input. */
  async update(id: string, input: EscalationPolicyInput, actorUserId: string): Promise<EscalationPolicyModel> {
    const fields = policyFields(input);
    return this.dataSource.transaction(async (manager) => {
      const before = await this.find(manager, id, true);
      await this.write(() => manager.update(EscalationPolicyEntity, { id }, fields), fields.name);
      const after = await manager.findOneByOrFail(EscalationPolicyEntity, { id });
      await this.audit.record(
        { actorUserId, action: `${ENTITY_TYPE}.updated`, entityType: ENTITY_TYPE, entityId: id, before: snapshot(before), after: snapshot(after) },
        manager,
      );
      return toEscalationPolicyModel(after);
    });
  }

  /** Refused while an SLA policy uses it: the policies are named, so the admin knows what to change first. */
  async delete(id: string, actorUserId: string): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      // The row lock makes a concurrent SLA policy that would start using this one wait for this transaction.
      const before = await this.find(manager, id, true);
      const users = await manager.find(SlaPolicyEntity, { where: { escalationPolicyId: id }, order: { position: 'ASC', name: 'ASC' } });
      if (users.length > 0) {
        const names = users.map((policy) => policy.name);
        const policies = names.length === 1 ? `the SLA policy ${quotedList(names)}` : `the SLA policies ${quotedList(names)}`;
        throw userError(
          'CONFLICT',
          `The escalation policy "${before.name}" is used by ${policies}; give them another escalation policy (or none) before deleting it.`,
          { policies: names },
        );
      }
      await mapConstraintErrors(() => manager.delete(EscalationPolicyEntity, { id }), {
        sla_policies_escalation_policy_fk: { code: 'CONFLICT', message: `The escalation policy "${before.name}" is in use by an SLA policy.` },
      });
      await this.audit.record(
        { actorUserId, action: `${ENTITY_TYPE}.deleted`, entityType: ENTITY_TYPE, entityId: id, before: snapshot(before), after: null },
        manager,
      );
      return id;
    });
  }

  private async find(manager: EntityManager, id: string, forUpdate = false): Promise<EscalationPolicyEntity> {
    assertUuid(id, 'an escalation policy');
    const policy = await manager.findOne(EscalationPolicyEntity, {
      where: { id },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!policy) throw userError('NOT_FOUND', `There is no escalation policy ${id}.`);
    return policy;
  }

  private write(write: () => Promise<unknown>, name: string): Promise<unknown> {
    return mapConstraintErrors(write, {
      escalation_policies_name_unique: { code: 'CONFLICT', message: `An escalation policy named "${name}" already exists.` },
    });
  }
}

/**
 * The domain policy built from the input, checked by the domain's validator after the few checks only the GraphQL shape
 * needs (an action field given where it has no meaning); every problem is reported at once.
 */
function policyFields(input: EscalationPolicyInput): { name: string; steps: EscalationStep[] } {
  const problems: string[] = [];
  const steps = input.steps.map((step, index) => {
    problems.push(...misplacedActionFields(step.action).map((problem) => `Step ${index + 1}: ${problem}`));
    return toDomainStep(step);
  });
  const policy = { name: input.name.trim(), steps };
  problems.push(...validateEscalationPolicy(policy));
  if (problems.length > 0) throw invalidInput(problems);
  return policy;
}

function toDomainStep(step: EscalationStepInput): EscalationStep {
  const { trigger, action } = step;
  const domainTrigger: EscalationTrigger = {
    on: trigger.on,
    ...(trigger.metric != null ? { metric: trigger.metric } : {}),
    ...(trigger.thresholdPercent != null ? { thresholdPercent: trigger.thresholdPercent } : {}),
  };
  return { trigger: domainTrigger, action: toDomainAction(action), repeatEveryMinutes: step.repeatEveryMinutes ?? null };
}

/** Missing fields are left missing, for the domain validator to name. */
function toDomainAction(action: EscalationActionInput): EscalationAction {
  const groupId = action.groupId ?? undefined;
  switch (action.type) {
    case 'notify':
      return { type: 'notify', recipients: action.recipients!, ...(groupId !== undefined ? { groupId } : {}) };
    case 'reassign':
      return { type: 'reassign', groupId: groupId! };
    case 'raise_priority':
      return { type: 'raise_priority' };
  }
}

function misplacedActionFields(action: EscalationActionInput): string[] {
  const problems: string[] = [];
  if (action.type !== 'notify' && action.recipients != null) {
    problems.push(`recipients only apply to a NOTIFY step, not to ${action.type.toUpperCase()}.`);
  }
  const takesGroup = action.type === 'reassign' || (action.type === 'notify' && action.recipients === 'group');
  if (!takesGroup && action.groupId != null) {
    problems.push(
      action.type === 'notify'
        ? 'a groupId only applies when notifying a GROUP; supervisors are notified without one.'
        : `a groupId does not apply to ${action.type.toUpperCase()}.`,
    );
  }
  return problems;
}

/** What the audit log keeps of a policy. */
function snapshot(policy: EscalationPolicyEntity): Record<string, unknown> {
  return { id: policy.id, name: policy.name, steps: policy.steps };
}
