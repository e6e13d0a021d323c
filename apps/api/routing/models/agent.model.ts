import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { AgentAvailability } from '../../../../libs/domain/routing/index.js';
import { WorkingIntervalModel } from '../../sla-config/models/business-calendar.model.js';
import { AgentAvailabilityEnum } from '../routing-enums.js';
import { GroupModel } from './group.model.js';

@ObjectType('AgentSkill')
export class AgentSkillModel {
  @Field()
  skill!: string;

  @Field(() => Int, { description: '1..5' })
  level!: number;
}

@ObjectType('Agent', { description: 'A user with role agent, as routing sees them.' })
export class AgentModel {
  @Field(() => ID)
  userId!: string;

  @Field()
  email!: string;

  @Field()
  displayName!: string;

  @Field(() => [GroupModel], { description: 'By name.' })
  groups!: GroupModel[];

  @Field(() => [AgentSkillModel], { description: 'By skill.' })
  skills!: AgentSkillModel[];

  @Field(() => [String])
  languages!: string[];

  @Field(() => Int, { description: 'The most open tickets the agent takes.' })
  capacity!: number;

  @Field({ description: 'IANA time zone of the working hours.' })
  timeZone!: string;

  @Field(() => [WorkingIntervalModel])
  workingHours!: WorkingIntervalModel[];

  @Field(() => AgentAvailabilityEnum)
  availability!: AgentAvailability;

  @Field(() => Int)
  openTickets!: number;

  @Field(() => Date, { nullable: true })
  lastAssignedAt!: Date | null;

  @Field()
  updatedAt!: Date;
}
