import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString, Length, Matches } from 'class-validator';
import { NOT_BLANK } from '../../sla-config/dto/config-limits.js';
import { ROUTING_LIMITS } from './routing-limits.js';

@InputType()
export class CreateGroupInput {
  @Field({ description: 'Unique.' })
  @IsString()
  @Length(1, ROUTING_LIMITS.nameMaxLength)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name!: string;

  @Field({ nullable: true, description: "Every agent sees the group's tickets (the default); false: only its members (and supervisors, admins)." })
  @IsOptional()
  @IsBoolean()
  visibleToAllAgents?: boolean;
}
