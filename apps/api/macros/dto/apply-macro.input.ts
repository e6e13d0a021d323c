import { Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@InputType()
export class ApplyMacroInput {
  @Field(() => ID)
  @IsUUID()
  ticketId!: string;

  @Field(() => ID)
  @IsUUID()
  macroId!: string;
}
