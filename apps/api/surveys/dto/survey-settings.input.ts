import { Field, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsInt, IsOptional } from 'class-validator';
import { SURVEY_SETTING_LIMITS, SURVEY_TRIGGERS, type SurveyTrigger } from '../../../../libs/domain/survey/survey-settings.js';
import { SurveyTriggerEnum } from '../survey-enums.js';

const { delayMinutes, reminderAfterDays, expiresAfterDays } = SURVEY_SETTING_LIMITS;

/** Only the fields given change; the result is checked as a whole (a reminder must come before the expiry). */
@InputType()
export class UpdateSurveySettingsInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @Field(() => SurveyTriggerEnum, { nullable: true })
  @IsOptional()
  @IsIn(SURVEY_TRIGGERS)
  trigger?: SurveyTrigger;

  @Field(() => Int, { nullable: true, description: `Minutes from the trigger to the sending, ${delayMinutes.min} to ${delayMinutes.max}.` })
  @IsOptional()
  @IsInt()
  delayMinutes?: number;

  @Field(() => Int, {
    nullable: true,
    description: `Days from the sending to a reminder, ${reminderAfterDays.min} to ${reminderAfterDays.max}; give noReminder: true for none.`,
  })
  @IsOptional()
  @IsInt()
  reminderAfterDays?: number;

  @Field({ nullable: true, description: 'true: no reminder at all.' })
  @IsOptional()
  @IsBoolean()
  noReminder?: boolean;

  @Field(() => Int, { nullable: true, description: `Days from the sending until the link expires, ${expiresAfterDays.min} to ${expiresAfterDays.max}.` })
  @IsOptional()
  @IsInt()
  expiresAfterDays?: number;

  @Field({ nullable: true, description: 'true: surveys also ask the NPS question (0 to 10), which the customer may skip.' })
  @IsOptional()
  @IsBoolean()
  askNps?: boolean;
}
