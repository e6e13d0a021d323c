import { Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@InputType({ description: 'Unlink an incident from its problem.' })
export class UnlinkIncidentFromProblemInput {
  @Field(() => ID)
  @IsUUID()
  incidentId!: string;
}
