import { Field, InputType } from '@nestjs/graphql';
import { ArrayNotEmpty, ArrayUnique, IsBoolean, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { ROLES, type Role } from '../../../../libs/domain/auth/roles.js';
import { RoleEnum } from '../../common/graphql-enums.js';

@InputType({ description: 'The fields to change; those left out stay as they are.' })
export class UpdateUserInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 100, { message: 'displayName must be 1 to 100 characters long' })
  displayName?: string;

  @Field(() => [RoleEnum], { nullable: true, description: 'Replaces all the roles; at least one.' })
  @IsOptional()
  @ArrayNotEmpty({ message: 'roles must name at least one role' })
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles?: Role[];

  @Field({ nullable: true, description: 'false: the user can no longer sign in, and their tokens stop working at once.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
