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

  @Field({ description: "Every agent sees the group's tickets; when false only its members do (supervisors and admins always)." })
  visibleToAllAgents!: boolean;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

export function toGroupModel(entity: GroupEntity): GroupModel {
  const { id, name, isFallback, visibleToAllAgents, createdAt, updatedAt } = entity;
  return { id, name, isFallback, visibleToAllAgents, createdAt, updatedAt };
}
