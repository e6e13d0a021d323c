import { Field, ObjectType } from '@nestjs/graphql';
import { TicketModel } from './ticket.model.js';

@ObjectType('TicketEdge')
export class TicketEdgeModel {
  @Field()
  cursor!: string;

  @Field(() => TicketModel)
  node!: TicketModel;
}

@ObjectType('PageInfo')
export class PageInfoModel {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType('TicketConnection')
export class TicketConnectionModel {
  @Field(() => [TicketEdgeModel])
  edges!: TicketEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo!: PageInfoModel;
}
