import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('KnownError', { description: "A problem's known error: its cause as far as known and the workaround meanwhile." })
export class KnownErrorModel {
  @Field()
  note!: string;

  @Field()
  workaround!: string;

  @Field(() => ID, { description: 'The user who last set it.' })
  setBy!: string;

  @Field()
  setAt!: Date;
}
