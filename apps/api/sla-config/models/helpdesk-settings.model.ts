import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('HelpdeskSettings', { description: "The help desk's global settings." })
export class HelpdeskSettingsModel {
  @Field(() => Int, { description: 'Days a solved ticket waits for the customer before it closes.' })
  autoCloseDays!: number;

  @Field()
  updatedAt!: Date;
}
