import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { SurveyTrigger } from '../../../../libs/domain/survey/survey-settings.js';
import { SurveyTriggerEnum } from '../survey-enums.js';

@ObjectType('SurveySettings', { description: 'When satisfaction surveys go out; each survey keeps the settings it started with.' })
export class SurveySettingsModel {
  @Field()
  enabled!: boolean;

  @Field(() => SurveyTriggerEnum)
  trigger!: SurveyTrigger;

  @Field(() => Int, { description: 'Minutes from the trigger to the sending; a reopen before it starts the wait over.' })
  delayMinutes!: number;

  @Field(() => Int, { nullable: true, description: 'Days from the sending to the reminder; null: no reminder.' })
  reminderAfterDays!: number | null;

  @Field(() => Int, { description: 'Days from the sending until the link expires.' })
  expiresAfterDays!: number;

  @Field({ description: 'Whether surveys also ask "How likely are you to recommend us to a friend or colleague?" (0 to 10).' })
  askNps!: boolean;

  @Field()
  updatedAt!: Date;
}
