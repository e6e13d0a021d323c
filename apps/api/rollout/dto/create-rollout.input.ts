import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { NOT_BLANK } from '../../sla-config/dto/config-limits.js';

@InputType()
export class RolloutPersonInput {
  @Field({ description: 'A role of the template, e.g. lead, admin, trainer.' })
  @IsString()
  @Length(1, 60)
  role!: string;

  @Field(() => ID)
  @IsUUID()
  userId!: string;
}

@InputType()
export class CreateRolloutInput {
  @Field()
  @IsString()
  @Length(1, 200)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name!: string;

  @Field()
  @IsString()
  @Length(1, 100)
  templateId!: string;

  @Field({ description: 'YYYY-MM-DD' })
  @IsString()
  startDate!: string;

  @Field(() => String, { nullable: true, description: 'The go-live date agreed, YYYY-MM-DD; not before the start.' })
  @IsOptional()
  @IsString()
  targetGoLive?: string | null;

  @Field(() => [RolloutPersonInput], { description: 'The person for each role of the template; "lead" is the implementation lead.' })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => RolloutPersonInput)
  people!: RolloutPersonInput[];
}
