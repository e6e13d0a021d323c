import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, Max, Min } from 'class-validator';

export const AUTO_CLOSE_DAYS = { min: 1, max: 365 } as const;

@InputType()
export class UpdateHelpdeskSettingsInput {
  @Field(() => Int, { description: `Days a solved ticket waits for the customer before it closes, ${AUTO_CLOSE_DAYS.min} to ${AUTO_CLOSE_DAYS.max}.` })
  @IsInt()
  @Min(AUTO_CLOSE_DAYS.min, { message: `autoCloseDays must be at least ${AUTO_CLOSE_DAYS.min}` })
  @Max(AUTO_CLOSE_DAYS.max, { message: `autoCloseDays must be at most ${AUTO_CLOSE_DAYS.max}` })
  autoCloseDays!: number;
}
