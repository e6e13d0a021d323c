import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsString, MaxLength } from 'class-validator';

@InputType()
export class LoginInput {
  @Field()
  @IsEmail({}, { message: 'email must be an email address' })
  email!: string;

  @Field()
  @IsString()
  @MaxLength(200)
  password!: string;
}
