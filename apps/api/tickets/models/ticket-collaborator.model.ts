import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('TicketCollaborator')
export class TicketCollaboratorModel {
  @Field({ description: 'Lower-cased.' })
  email!: string;

  @Field(() => ID, { nullable: true, description: 'The user who added it.' })
  addedBy!: string | null;

  @Field()
  addedAt!: Date;
}
