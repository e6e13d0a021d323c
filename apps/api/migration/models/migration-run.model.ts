import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { JSONScalar } from '../../common/json.scalar.js';

@ObjectType('MigrationReject', { description: 'A source record the run could not import, with why and the record itself.' })
export class MigrationRejectModel {
  @Field()
  phase!: string;

  @Field()
  recordType!: string;

  @Field()
  sourceId!: string;

  @Field(() => Int, { description: 'Line (or position) in the export.' })
  line!: number;

  @Field({ description: 'A stable reason code, e.g. missing_requester, unmapped_value, invalid_date, malformed_row.' })
  reason!: string;

  @Field()
  detail!: string;

  @Field(() => JSONScalar)
  sourceRecord!: unknown;
}

@ObjectType('MigrationSampleRecord', { description: 'One record of a sample run: the source beside what the mapping made of it.' })
export class MigrationSampleRecordModel {
  @Field()
  recordType!: string;

  @Field()
  sourceId!: string;

  @Field(() => Int)
  line!: number;

  @Field(() => JSONScalar)
  source!: unknown;

  @Field(() => JSONScalar, { nullable: true })
  target!: unknown;

  @Field(() => String, { nullable: true })
  rejectReason!: string | null;

  @Field(() => String, { nullable: true })
  rejectDetail!: string | null;
}

@ObjectType('MigrationRun', { description: 'A batch import from another help desk.' })
export class MigrationRunModel {
  @Field(() => ID)
  id!: string;

  @Field()
  sourceSystem!: string;

  @Field()
  sourceKey!: string;

  @Field({ description: 'preflight, needs_mapping, sampling, awaiting_approval, running, paused, completed, cancelled, failed, rolled_back.' })
  status!: string;

  @Field(() => String, { nullable: true })
  phase!: string | null;

  @Field(() => String, { nullable: true, description: 'What the run waits for the operator to do.' })
  waitingReason!: string | null;

  @Field({ description: 'The mapping file the run uses (its latest revision), to read or to revise.' })
  mapping!: string;

  @Field(() => JSONScalar, { description: 'totals (read = imported + updated + rejected + skipped); at the end also phases, rejectsByReason, merges.' })
  report!: unknown;

  @Field()
  startedAt!: Date;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;
}
