import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('SlaReapplyResult', { description: 'What re-applying the SLA policies to the open tickets did.' })
export class SlaReapplyResultModel {
  @Field(() => Int, { description: 'Open tickets with a running workflow, each asked to choose its policy again.' })
  openTickets!: number;

  @Field(() => Int, { description: 'Tickets whose policy changed (their clocks were re-targeted).' })
  updated!: number;

  @Field(() => Int, { description: 'Tickets whose policy stayed as it was.' })
  unchanged!: number;

  @Field(() => Int, { description: 'Tickets that closed meanwhile, or whose workflow could not be reached (try again later).' })
  failed!: number;
}
