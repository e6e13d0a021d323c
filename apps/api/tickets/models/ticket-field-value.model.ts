import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('TicketFieldValue', { description: 'A custom field of a ticket, e.g. { name: "product", value: "Billing portal" }.' })
export class TicketFieldValueModel {
  @Field()
  name!: string;

  @Field()
  value!: string;
}
