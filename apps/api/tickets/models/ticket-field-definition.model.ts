import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { TicketFieldKind } from '../../../../libs/domain/tickets/ticket-field-definition.js';
import { TicketFieldKindEnum } from '../../common/graphql-enums.js';

@ObjectType('TicketFieldDefinition', { description: "A custom ticket field an admin defined: what values an agent may set under its name." })
export class TicketFieldDefinitionModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: "The key of its value in a ticket's fields." })
  name!: string;

  @Field()
  label!: string;

  @Field(() => TicketFieldKindEnum)
  kind!: TicketFieldKind;

  @Field(() => [String], { description: 'The values of a CHOICE field; empty for the other kinds.' })
  allowedValues!: string[];

  @Field({ description: 'An inactive field can no longer be set; tickets keep their values.' })
  active!: boolean;

  @Field(() => Int)
  position!: number;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}
