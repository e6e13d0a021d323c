import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { RolloutTemplate } from '../../../../libs/domain/rollout/index.js';
import { JSONScalar } from '../../common/json.scalar.js';

@ObjectType('RolloutTemplate', { description: 'A plan to start rollouts from: phases, tasks, checklists, exit criteria, review days.' })
export class RolloutTemplateModel {
  @Field()
  id!: string;

  @Field()
  name!: string;

  @Field()
  description!: string;

  @Field(() => Int, { description: 'Grows with every edit; a rollout keeps the plan it was created from.' })
  version!: number;

  @Field(() => JSONScalar, { description: 'The whole template, as in templates/rollouts/*.json.' })
  body!: RolloutTemplate;
}
