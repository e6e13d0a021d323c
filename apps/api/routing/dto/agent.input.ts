import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { StringListField } from '../../common/list-fields.js';
import { WorkingIntervalInput } from '../../sla-config/dto/business-calendar.input.js';
import { CONFIG_LIMITS } from '../../sla-config/dto/config-limits.js';
import { ROUTING_LIMITS } from './routing-limits.js';

@InputType()
export class AgentSkillInput {
  @Field()
  @IsString()
  @Length(1, ROUTING_LIMITS.nameMaxLength)
  skill!: string;

  @Field(() => Int, { description: '1..5' })
  @IsInt()
  level!: number;
}

@InputType({ description: "An agent's routing profile: creating it, or replacing it (availability and load stay as they are)." })
export class UpsertAgentInput {
  @Field(() => ID, { description: 'A user with role agent.' })
  @IsUUID()
  userId!: string;

  @Field(() => [ID], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(ROUTING_LIMITS.groupsMax)
  @IsString({ each: true })
  groupIds!: string[];

  @Field(() => [AgentSkillInput], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(ROUTING_LIMITS.skillsMax)
  @ValidateNested({ each: true })
  @Type(() => AgentSkillInput)
  skills!: AgentSkillInput[];

  @StringListField({ max: ROUTING_LIMITS.languagesMax, maxLength: 35 })
  languages!: string[];

  @Field(() => Int, { defaultValue: 10, description: 'The most open tickets the agent takes, 1..1000.' })
  @IsInt()
  capacity!: number;

  @Field({ defaultValue: 'UTC', description: 'IANA time zone of the working hours.' })
  @IsString()
  @Length(1, CONFIG_LIMITS.timeZoneMaxLength)
  timeZone!: string;

  @Field(() => [WorkingIntervalInput], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(ROUTING_LIMITS.workingHoursMax)
  @ValidateNested({ each: true })
  @Type(() => WorkingIntervalInput)
  workingHours!: WorkingIntervalInput[];
}
