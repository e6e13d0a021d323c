import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { EscalationPolicyEntity } from '../../../../libs/db/entities/escalation-policy.entity.js';
import type { EscalationAction, EscalationStep, EscalationTrigger } from '../../../../libs/domain/escalation/index.js';
import type { SlaMetric } from '../../../../libs/domain/sla/index.js';
import { EscalationActionTypeEnum, NotifyRecipientsEnum, SlaAlarmKindEnum, SlaMetricEnum } from '../../common/graphql-enums.js';

type NotifyRecipients = Extract<EscalationAction, { type: 'notify' }>['recipients'];

@ObjectType('EscalationTrigger', { description: 'Which SLA alarms set the step off.' })
export class EscalationTriggerModel {
  @Field(() => SlaAlarmKindEnum)
  on!: EscalationTrigger['on'];

  @Field(() => SlaMetricEnum, { nullable: true, description: 'null: any metric.' })
  metric!: SlaMetric | null;

  @Field(() => Int, { nullable: true, description: 'null: any warning threshold.' })
  thresholdPercent!: number | null;
}

@ObjectType('EscalationAction')
export class EscalationActionModel {
  @Field(() => EscalationActionTypeEnum)
  type!: EscalationAction['type'];

  @Field(() => NotifyRecipientsEnum, { nullable: true, description: 'NOTIFY only.' })
  recipients!: NotifyRecipients | null;

  @Field(() => ID, { nullable: true, description: 'The group to notify (NOTIFY GROUP) or to reassign to (REASSIGN).' })
  groupId!: string | null;
}

@ObjectType('EscalationStep')
export class EscalationStepModel {
  @Field(() => EscalationTriggerModel)
  trigger!: EscalationTriggerModel;

  @Field(() => EscalationActionModel)
  action!: EscalationActionModel;

  @Field(() => Int, { nullable: true, description: 'Repeat the action this often until acknowledged; null: once.' })
  repeatEveryMinutes!: number | null;
}

@ObjectType('EscalationPolicy', { description: 'What happens when an SLA warns or breaches.' })
export class EscalationPolicyModel {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => [EscalationStepModel])
  steps!: EscalationStepModel[];

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

export function toEscalationStepModel(step: EscalationStep): EscalationStepModel {
  const { trigger, action } = step;
  return {
    trigger: { on: trigger.on, metric: trigger.metric ?? null, thresholdPercent: trigger.thresholdPercent ?? null },
    action: {
      type: action.type,
      recipients: action.type === 'notify' ? action.recipients : null,
      groupId: action.type === 'raise_priority' ? null : (action.groupId ?? null),
    },
    repeatEveryMinutes: step.repeatEveryMinutes,
  };
}

export function toEscalationPolicyModel(entity: EscalationPolicyEntity): EscalationPolicyModel {
  return {
    id: entity.id,
    name: entity.name,
    steps: entity.steps.map(toEscalationStepModel),
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
}
