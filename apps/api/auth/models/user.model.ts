import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { Role } from '../../../../libs/domain/auth/roles.js';
import { RoleEnum } from '../../common/graphql-enums.js';

@ObjectType('User')
export class UserModel {
  @Field(() => ID)
  id!: string;

  @Field()
  email!: string;

  @Field()
  displayName!: string;

  @Field(() => [RoleEnum])
  roles!: Role[];

  @Field()
  active!: boolean;

  @Field()
  createdAt!: Date;
}
