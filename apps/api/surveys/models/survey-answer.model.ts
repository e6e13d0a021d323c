import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('SurveyAnswer', { description: 'The answer as recorded.' })
export class SurveyAnswerModel {
  @Field(() => ID)
  ticketId!: string;

  @Field(() => Int)
  score!: number;

  @Field()
  answeredAt!: Date;
}
