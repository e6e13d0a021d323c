import { Field, InputType } from '@nestjs/graphql';
import { ArrayNotEmpty, ArrayUnique, IsEmail, IsIn, IsString, Length, MaxLength } from 'class-validator';
import { ROLES, type Role } from '../../../../libs/domain/auth/roles.js';
import { RoleEnum } from '../../common/graphql-enums.js';

@InputType()
export class CreateUserInput {
  @Field()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @Field()
  @IsString()
  @Length(1, 100)
  displayName!: string;

  @Field({ description: 'The password policy (README "Accounts"): 12 to 200 characters, not the email, not a common password, at least 4 different characters.' })
  @IsString()
  password!: string;

  @Field(() => [RoleEnum])
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles!: Role[];
}
