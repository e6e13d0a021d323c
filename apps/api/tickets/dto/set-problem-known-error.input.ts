import { Field, ID, InputType } from '@nestjs/graphql';
import { IsString, IsUUID, Length, Matches } from 'class-validator';
import { KNOWN_ERROR_LIMITS } from '../../../../libs/domain/tickets/problem-links.js';

@InputType({ description: "A problem's known error: what is wrong, and how to get round it until it is fixed." })
export class SetProblemKnownErrorInput {
  @Field(() => ID, { description: 'A ticket of type problem.' })
  @IsUUID()
  problemId!: string;

  @Field({ description: 'The cause as far as it is known.' })
  @IsString()
  @Length(1, KNOWN_ERROR_LIMITS.textMaxLength)
  @Matches(/\S/, { message: 'note must not be blank' })
  note!: string;

  @Field({ description: 'What an agent tells the requester of an incident to do meanwhile.' })
  @IsString()
  @Length(1, KNOWN_ERROR_LIMITS.textMaxLength)
  @Matches(/\S/, { message: 'workaround must not be blank' })
  workaround!: string;
}
