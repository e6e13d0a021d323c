import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

@InputType()
export class AcknowledgeEscalationInput {
  @Field(() => ID)
  @IsUUID()
  ticketId!: string;

  @Field(() => String, { nullable: true, description: 'What is being done about it; goes on the timeline.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}
