import type { GateRecord } from '../../../../workflows/rollout/rollout.contract.js';
import { Field, Float, ObjectType } from '@nestjs/graphql';

@ObjectType('CriterionResult', { description: 'One exit or success criterion as judged: passed, failed (by how much), or not measurable yet.' })
export class CriterionResultModel {
  @Field()
  criterion!: string;

  @Field({ description: 'passed | failed | not_measurable' })
  status!: string;

  @Field({ description: 'What was measured against what, and the gap when it failed.' })
  detail!: string;

  @Field(() => Float, { nullable: true })
  actual!: number | null;

  @Field(() => Float, { nullable: true })
  target!: number | null;

  @Field(() => Float, { nullable: true })
  shortBy!: number | null;
}

@ObjectType('RolloutGate', { description: "A phase's gate as judged when the lead approved or overrode it." })
export class GateRecordModel {
  @Field()
  phaseId!: string;

  @Field()
  at!: string;

  @Field({ description: 'The user who approved or overrode.' })
  by!: string;

  @Field()
  passed!: boolean;

  @Field(() => String, { nullable: true, description: 'Set when the gate was passed by an override.' })
  overrideReason!: string | null;

  @Field(() => [CriterionResultModel])
  criteria!: CriterionResultModel[];
}

export function toGateModel(gate: GateRecord): GateRecordModel {
  return { ...gate, overrideReason: gate.override?.reason ?? null };
}
