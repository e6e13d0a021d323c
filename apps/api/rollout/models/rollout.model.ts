import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { JSONScalar } from '../../common/json.scalar.js';
import { GateRecordModel } from './gate.model.js';
import { RolloutReviewModel } from './rollout-review.model.js';

@ObjectType('RolloutPerson')
export class RolloutPersonModel {
  @Field()
  role!: string;

  @Field(() => ID)
  userId!: string;
}

@ObjectType('RolloutTask')
export class RolloutTaskModel {
  @Field()
  id!: string;

  @Field()
  phaseId!: string;

  @Field()
  title!: string;

  @Field()
  ownerRole!: string;

  @Field(() => ID)
  ownerId!: string;

  @Field()
  plannedStart!: string;

  @Field({ description: 'The due date in the plan as created.' })
  plannedEnd!: string;

  @Field()
  projectedStart!: string;

  @Field({ description: 'The due date now: re-dated, completed, or moved by what it waits for.' })
  projectedEnd!: string;

  @Field()
  done!: boolean;

  @Field(() => String, { nullable: true })
  completedOn!: string | null;

  @Field()
  overdue!: boolean;

  @Field({ description: 'Open, and waiting for a task that is not completed.' })
  blocked!: boolean;
}

@ObjectType('ChecklistItem')
export class ChecklistItemModel {
  @Field()
  item!: string;

  @Field()
  passed!: boolean;
}

@ObjectType('RolloutPhase')
export class RolloutPhaseModel {
  @Field()
  id!: string;

  @Field()
  name!: string;

  @Field()
  kind!: string;

  @Field({ description: 'done | current | upcoming' })
  status!: string;

  @Field(() => [ChecklistItemModel])
  checklist!: ChecklistItemModel[];
}

@ObjectType('RolloutTimelineEntry')
export class RolloutTimelineEntryModel {
  @Field(() => Int)
  sequence!: number;

  @Field()
  type!: string;

  @Field({ description: 'A user id, or "system".' })
  actor!: string;

  @Field()
  occurredAt!: Date;

  @Field(() => JSONScalar)
  data!: Record<string, unknown>;
}

@ObjectType('RolloutSummary')
export class RolloutSummaryModel {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  templateId!: string;

  @Field()
  startDate!: string;
}

@ObjectType('Rollout', { description: "A rollout's plan and live state: phases, tasks, gates, the pilot and the reviews." })
export class RolloutModel extends RolloutSummaryModel {
  @Field(() => String, { nullable: true })
  targetGoLive!: string | null;

  @Field(() => [RolloutPersonModel])
  people!: RolloutPersonModel[];

  @Field({ description: 'active | completed' })
  status!: string;

  @Field(() => String, { nullable: true })
  currentPhaseId!: string | null;

  @Field()
  plannedGoLive!: string;

  @Field()
  projectedGoLive!: string;

  @Field(() => String, { nullable: true })
  launchedAt!: string | null;

  @Field(() => Int)
  tasksDone!: number;

  @Field(() => Int)
  tasksTotal!: number;

  @Field(() => [RolloutPhaseModel])
  phases!: RolloutPhaseModel[];

  @Field(() => [RolloutTaskModel])
  tasks!: RolloutTaskModel[];

  @Field(() => [String])
  overdueTasks!: string[];

  @Field(() => [String])
  blockedTasks!: string[];

  @Field(() => [GateRecordModel])
  gates!: GateRecordModel[];

  @Field({ description: 'not_started | running | ended' })
  pilotState!: string;

  @Field(() => JSONScalar, { nullable: true, description: "The pilot's evaluation report once it ended: metrics, criteria, go, check-ins, issues." })
  pilotReport!: unknown;

  @Field(() => [RolloutReviewModel])
  reviews!: RolloutReviewModel[];

  @Field(() => JSONScalar, { nullable: true })
  baseline!: unknown;
}
