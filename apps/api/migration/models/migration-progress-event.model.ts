import { Field, ID, ObjectType } from '@nestjs/graphql';
import { JSONScalar } from '../../common/json.scalar.js';

@ObjectType('MigrationProgressEvent', { description: "A run's state after a committed batch or a change of status." })
export class MigrationProgressEventModel {
  @Field(() => ID)
  runId!: string;

  @Field()
  status!: string;

  @Field(() => String, { nullable: true })
  phase!: string | null;

  @Field(() => String, { nullable: true })
  waitingReason!: string | null;

  @Field(() => JSONScalar, { description: 'read, imported, updated, rejected, skipped so far.' })
  totals!: Record<string, number>;
}
