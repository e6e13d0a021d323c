import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

const CSAT_DEFINITION = 'CSAT: the share of answered surveys scoring 4 or 5 (of 1..5), 0..1; null when none was answered.';

@ObjectType('CsatFigure')
export class CsatFigureModel {
  @Field(() => Int, { description: 'Surveys answered.' })
  answered!: number;

  @Field(() => Int, { description: 'Of those, scoring 4 or 5.' })
  satisfied!: number;

  @Field(() => Float, { nullable: true, description: CSAT_DEFINITION })
  csat!: number | null;
}

@ObjectType('CsatRow')
export class CsatRowModel extends CsatFigureModel {
  @Field(() => String, {
    nullable: true,
    description: 'The agent or group id, or the period start (ISO, UTC); null: the ticket had no agent or group.',
  })
  key!: string | null;

  @Field(() => String, { nullable: true, description: "The agent's or group's name; the period start for periods." })
  label!: string | null;
}

@ObjectType('CsatReport', { description: CSAT_DEFINITION })
export class CsatReportModel {
  @Field(() => CsatFigureModel)
  overall!: CsatFigureModel;

  @Field(() => [CsatRowModel], { description: 'Agents and groups: most answered first; periods: oldest first.' })
  rows!: CsatRowModel[];
}
