import type { KpiSet } from '../../../../libs/domain/rollout/index.js';
import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { JSONScalar } from '../../common/json.scalar.js';

@ObjectType('KpiComparison')
export class KpiComparisonModel {
  @Field()
  kpi!: string;

  @Field(() => Float, { nullable: true })
  baseline!: number | null;

  @Field(() => Float, { nullable: true })
  actual!: number | null;

  @Field(() => Float, { nullable: true, description: 'actual − baseline' })
  change!: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the change is for the better (null: not comparable or unchanged).' })
  improved!: boolean | null;
}

@ObjectType('Roi')
export class RoiModel {
  @Field(() => Float)
  costs!: number;

  @Field(() => Float)
  benefits!: number;

  @Field(() => Float, { nullable: true, description: '(benefits − costs) / costs; null while no cost is recorded.' })
  roi!: number | null;
}

@ObjectType('RolloutReview', { description: 'KPIs after go-live against the baseline, and the ROI so far.' })
export class RolloutReviewModel {
  @Field(() => Int, { description: 'Days after launch (0 for an on-demand preview).' })
  day!: number;

  @Field()
  at!: string;

  @Field()
  from!: string;

  @Field()
  to!: string;

  @Field(() => JSONScalar, { description: 'The measured KPIs (null where not measurable yet).' })
  kpis!: KpiSet;

  @Field(() => [KpiComparisonModel])
  comparison!: KpiComparisonModel[];

  @Field(() => RoiModel)
  roi!: RoiModel;
}
