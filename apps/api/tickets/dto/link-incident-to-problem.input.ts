import { Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@InputType({ description: 'Link an incident to the problem behind it (an incident has at most one problem).' })
export class LinkIncidentToProblemInput {
  @Field(() => ID, { description: 'A ticket of type incident.' })
  @IsUUID()
  incidentId!: string;

  @Field(() => ID, { description: 'A ticket of type problem.' })
  @IsUUID()
  problemId!: string;
}
