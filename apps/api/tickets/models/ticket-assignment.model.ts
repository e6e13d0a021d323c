import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { TicketModel } from './ticket.model.js';

/** Why the assignee would not have been chosen by routing: supervisors may assign anyway, and are told. */
export const AssignmentWarningCodeEnum = { AGENT_NOT_ONLINE: 'agent_not_online', AGENT_AT_CAPACITY: 'agent_at_capacity' } as const;
export type AssignmentWarningCode = (typeof AssignmentWarningCodeEnum)[keyof typeof AssignmentWarningCodeEnum];
registerEnumType(AssignmentWarningCodeEnum, { name: 'AssignmentWarningCode' });

@ObjectType('AssignmentWarning')
export class AssignmentWarningModel {
  @Field(() => AssignmentWarningCodeEnum)
  code!: AssignmentWarningCode;

  @Field()
  message!: string;
}

@ObjectType('TicketAssignment')
export class TicketAssignmentModel {
  @Field(() => TicketModel)
  ticket!: TicketModel;

  @Field(() => [AssignmentWarningModel], { description: 'Empty when the agent is online and has room.' })
  warnings!: AssignmentWarningModel[];
}
