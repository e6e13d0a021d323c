import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('SurveyAnswer', { description: 'The answer as recorded.' })
export class SurveyAnswerModel {
  @Field(() => ID)
  ticketId!: string;

  @Field(() => Int)
  score!: number;

  @Field(() => Int, { nullable: true, description: 'The NPS answer (0 to 10); null when not asked or skipped.' })
  npsScore!: number | null;

  @Field()
  answeredAt!: Date;
}
