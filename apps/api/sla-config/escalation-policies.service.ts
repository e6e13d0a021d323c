import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EscalationPolicyEntity } from '../../../libs/db/entities/escalation-policy.entity.js';
import { SlaPolicyEntity } from '../../../libs/db/entities/sla-policy.entity.js';
import {
  validateEscalationPolicy,
  type EscalationAction,
  type EscalationStep,
  type EscalationTrigger,
} from '../../../libs/domain/escalation/index.js';
import { AuditService } from '../audit/audit.service.js';
import { AuditedWrites, findByUuid } from './audited-writes.js';
import { inUseBySlaPolicies, invalidInput, mapConstraintErrors } from './config-errors.js';
import type { EscalationActionInput, EscalationPolicyInput, EscalationStepInput } from './dto/escalation-policy.input.js';
import { toEscalationPolicyModel, type EscalationPolicyModel } from './models/escalation-policy.model.js';

/** Escalation policies: validated by libs/domain/escalation, written with their audit entry in one transaction. */
@Injectable()
export class EscalationPoliciesService {
  private readonly rows: AuditedWrites<EscalationPolicyEntity>;

  constructor(
    private readonly dataSource: DataSource,
    audit: AuditService,
  ) {
    this.rows = new AuditedWrites(dataSource, audit, {
      entity: EscalationPolicyEntity,
      entityType: 'escalation_policy',
      snapshot,
      find: (manager, id, forWrite) =>
        findByUuid(manager, EscalationPolicyEntity, id, { article: 'an', noun: 'escalation policy', lock: forWrite }),
    });
  }

  async list(): Promise<EscalationPolicyModel[]> {
    const policies = await this.dataSource.getRepository(EscalationPolicyEntity).find({ order: { name: 'ASC', id: 'ASC' } });
    return policies.map(toEscalationPolicyModel);
  }

  async get(id: string): Promise<EscalationPolicyModel> {
    return toEscalationPolicyModel(await this.rows.get(id));
  }

  async create(input: EscalationPolicyInput, actorUserId: string): Promise<EscalationPolicyModel> {
    const fields = policyFields(input);
    const saved = await this.rows.create(actorUserId, (manager, id) =>
      mapNameConflict(() => manager.insert(EscalationPolicyEntity, { id, ...fields }), fields.name),
    );
    return toEscalationPolicyModel(saved);
  }

  /** Replaces the policy with the input. */
  async update(id: string, input: EscalationPolicyInput, actorUserId: string): Promise<EscalationPolicyModel> {
    const fields = policyFields(input);
    const after = await this.rows.update(id, actorUserId, (manager) =>
      mapNameConflict(() => manager.update(EscalationPolicyEntity, { id }, fields), fields.name),
    );
    return toEscalationPolicyModel(after);
  }

  /** Refused while an SLA policy uses it: the policies are named, so the admin knows what to change first. */
  delete(id: string, actorUserId: string): Promise<string> {
    // The row lock taken for the write makes a concurrent SLA policy that would start using this one wait for it.
    return this.rows.delete(id, actorUserId, async (manager, before) => {
      const users = await manager.find(SlaPolicyEntity, { where: { escalationPolicyId: id }, order: { position: 'ASC', name: 'ASC' } });
      if (users.length > 0) {
        throw inUseBySlaPolicies(
          `The escalation policy "${before.name}"`,
          'another escalation policy',
          users.map((policy) => policy.name),
        );
      }
      await mapConstraintErrors(() => manager.delete(EscalationPolicyEntity, { id }), {
        sla_policies_escalation_policy_fk: { code: 'CONFLICT', message: `The escalation policy "${before.name}" is in use by an SLA policy.` },
      });
    });
  }
}

/** A second policy of the same name: CONFLICT. */
function mapNameConflict(write: () => Promise<unknown>, name: string): Promise<unknown> {
  return mapConstraintErrors(write, {
    escalation_policies_name_unique: { code: 'CONFLICT', message: `An escalation policy named "${name}" already exists.` },
  });
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
