import { applyDecorators } from '@nestjs/common';
import { Field, Float, InputType } from '@nestjs/graphql';
import { IsNumber, IsOptional, Max, Min } from 'class-validator';
import { JSONScalar } from '../../common/json.scalar.js';

const NonNegative = () => applyDecorators(IsOptional(), IsNumber(), Min(0));
const Share = () => applyDecorators(IsOptional(), IsNumber(), Min(0), Max(1));

/** The baseline as the lead knows it from the old help desk; rates are shares 0..1. */
@InputType()
export class BaselineInput {
  @Field(() => Float, { nullable: true })
  @NonNegative()
  firstResponseMinutes?: number;

  @Field(() => Float, { nullable: true })
  @NonNegative()
  resolutionMinutes?: number;

  @Field(() => Float, { nullable: true, description: 'Share of satisfied survey answers, 0..1.' })
  @Share()
  csat?: number;

  @Field(() => Float, { nullable: true })
  @NonNegative()
  ticketsPerAgentPerDay?: number;

  @Field(() => Float, { nullable: true })
  @Share()
  selfServiceRate?: number;

  @Field(() => Float, { nullable: true })
  @Share()
  firstContactResolution?: number;

  @Field(() => Float, { nullable: true })
  @Share()
  escalationRate?: number;

  @Field(() => Float, { nullable: true })
  @Share()
  reopenRate?: number;

  @Field(() => JSONScalar, { nullable: true, description: 'Volume by channel and category, peak days and hours, as the lead records them.' })
  @IsOptional()
  volumes?: Record<string, unknown>;
}
