import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { GroupEntity } from '../../../../libs/db/entities/group.entity.js';

@ObjectType('Group', { description: 'A queue tickets are routed to; one group is the fallback for tickets no rule takes.' })
export class GroupModel {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field({ description: 'The fallback queue: it cannot be deleted.' })
  isFallback!: boolean;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

export function toGroupModel(entity: GroupEntity): GroupModel {
  return { id: entity.id, name: entity.name, isFallback: entity.isFallback, createdAt: entity.createdAt, updatedAt: entity.updatedAt };
}
