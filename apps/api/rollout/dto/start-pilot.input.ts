import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { StringListField } from '../../common/list-fields.js';

@InputType()
export class StartPilotInput {
  @Field(() => Int, { description: '7 to 28 days (1 to 4 weeks).' })
  @IsInt()
  durationDays!: number;

  @StringListField({ max: 100, maxLength: 100, description: 'Organizations in the pilot (empty: any).' })
  organizationIds!: string[];

  @StringListField({ max: 100, maxLength: 100, description: 'Ticket categories (the "category" form field; empty: any).' })
  categories!: string[];

  @StringListField({ max: 6, maxLength: 20, description: 'Channels (empty: any).' })
  channels!: string[];

  @StringListField({ max: 200, maxLength: 40, description: 'The agents in the pilot team (empty: any).' })
  agentIds!: string[];

  @Field(() => Float, { defaultValue: 0.9 })
  @IsNumber()
  @Min(0)
  @Max(1)
  minRoutingAccuracy!: number;

  @Field(() => Float, { defaultValue: 60, description: 'The first-response target, in minutes.' })
  @IsNumber()
  @Min(1)
  maxFirstResponseMinutes!: number;

  @Field(() => Float, { defaultValue: 0.3 })
  @IsNumber()
  @Min(0)
  @Max(1)
  minArticleLinkingRate!: number;

  @Field(() => Float, { defaultValue: 7 })
  @IsOptional()
  @IsNumber()
  @Min(1)
  @Max(10)
  minAgentConfidence!: number;
}
