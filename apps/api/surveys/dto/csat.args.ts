import { ArgsType, Field } from '@nestjs/graphql';
import { IsDate, IsIn } from 'class-validator';
import { CSAT_GROUPINGS, CsatGroupingEnum, type CsatGrouping } from '../survey-enums.js';

@ArgsType()
export class CsatArgs {
  @Field({ description: 'Answers from this instant (inclusive).' })
  @IsDate()
  from!: Date;

  @Field({ description: 'Answers before this instant (exclusive).' })
  @IsDate()
  to!: Date;

  @Field(() => CsatGroupingEnum)
  @IsIn(CSAT_GROUPINGS)
  groupBy!: CsatGrouping;
}
