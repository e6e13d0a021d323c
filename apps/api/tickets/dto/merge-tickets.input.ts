import { Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@InputType({ description: 'Merge a duplicate ticket into the primary one (both of the same requester).' })
export class MergeTicketsInput {
  @Field(() => ID, { description: 'The ticket that goes: it is closed as merged.' })
  @IsUUID()
  duplicateTicketId!: string;

  @Field(() => ID, { description: 'The ticket the conversation goes on in.' })
  @IsUUID()
  primaryTicketId!: string;
}
