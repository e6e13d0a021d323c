import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';

/**
 * Give `agentId` to assign (null: unassign, the ticket waits in its group's queue), `groupId` to move the ticket to a
 * group first; `groupId` alone lets routing pick an available member of that group. At least one of them.
 */
@InputType()
export class AssignTicketInput {
  @Field(() => ID)
  @IsUUID()
  ticketId!: string;

  @Field(() => ID, { nullable: true, description: 'The agent (a member of the group); null unassigns.' })
  @IsOptional()
  @IsUUID()
  agentId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Move the ticket to this group; omitted: it stays in its group.' })
  @IsOptional()
  @IsUUID()
  groupId?: string;
}
