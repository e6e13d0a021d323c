import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import type { EscalationAction, EscalationTrigger } from '../../../../libs/domain/escalation/index.js';
import { SLA_METRICS, type SlaMetric } from '../../../../libs/domain/sla/index.js';
import { EscalationActionTypeEnum, NotifyRecipientsEnum, SlaAlarmKindEnum, SlaMetricEnum } from '../../common/graphql-enums.js';
import { CONFIG_LIMITS, NOT_BLANK } from './config-limits.js';

// Types and sizes are checked here; whether the steps make sense is validateEscalationPolicy's to say.

type NotifyRecipients = Extract<EscalationAction, { type: 'notify' }>['recipients'];

@InputType({ description: 'Which SLA alarms set the step off.' })
export class EscalationTriggerInput {
  @Field(() => SlaAlarmKindEnum)
  @IsIn(Object.values(SlaAlarmKindEnum))
  on!: EscalationTrigger['on'];

  @Field(() => SlaMetricEnum, { nullable: true, description: 'Absent: any metric.' })
  @IsOptional()
  @IsIn(SLA_METRICS)
  metric?: SlaMetric | null;

  @Field(() => Int, { nullable: true, description: 'WARNING only; absent: any warning threshold.' })
  @IsOptional()
  @IsInt()
  thresholdPercent?: number | null;
}

@InputType({ description: 'NOTIFY takes recipients (and a groupId for GROUP); REASSIGN takes a groupId; RAISE_PRIORITY takes neither.' })
export class EscalationActionInput {
  @Field(() => EscalationActionTypeEnum)
  @IsIn(Object.values(EscalationActionTypeEnum))
  type!: EscalationAction['type'];

  @Field(() => NotifyRecipientsEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(NotifyRecipientsEnum))
  recipients?: NotifyRecipients | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(CONFIG_LIMITS.idMaxLength)
  groupId?: string | null;
}

@InputType()
export class EscalationStepInput {
  @Field(() => EscalationTriggerInput)
  @ValidateNested()
  @Type(() => EscalationTriggerInput)
  trigger!: EscalationTriggerInput;

  @Field(() => EscalationActionInput)
  @ValidateNested()
  @Type(() => EscalationActionInput)
  action!: EscalationActionInput;

  @Field(() => Int, { nullable: true, description: 'Repeat the action this often until acknowledged; absent: once.' })
  @IsOptional()
  @IsInt()
  repeatEveryMinutes?: number | null;
}

@InputType({ description: 'A whole escalation policy: creating one, or replacing one on update.' })
export class EscalationPolicyInput {
  @Field({ description: 'Unique.' })
  @IsString()
  @Length(1, CONFIG_LIMITS.nameMaxLength)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name!: string;

  @Field(() => [EscalationStepInput], { description: 'In the order they are taken when several match.' })
  @IsArray()
  @ArrayMaxSize(CONFIG_LIMITS.stepsMax)
  @ValidateNested({ each: true })
  @Type(() => EscalationStepInput)
  steps!: EscalationStepInput[];
}
