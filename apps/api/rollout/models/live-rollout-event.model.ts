import { Field, ID, ObjectType } from '@nestjs/graphql';
import { RolloutTimelineEntryModel } from './rollout.model.js';

@ObjectType('LiveRolloutEvent', { description: 'A rollout timeline entry, pushed as it is recorded.' })
export class LiveRolloutEventModel extends RolloutTimelineEntryModel {
  @Field(() => ID)
  rolloutId!: string;
}
