import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, MaxLength } from 'class-validator';

export const SURVEY_COMMENT_MAX_LENGTH = 5000;

@InputType()
export class SubmitSurveyInput {
  @Field({ description: 'The token from the survey link.' })
  @IsString()
  @MaxLength(200)
  token!: string;

  @Field(() => Int, { description: '1 (very unsatisfied) to 5 (very satisfied).' })
  @IsInt()
  score!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'The NPS answer, 0 (not at all likely) to 10 (extremely likely); only for a survey that asks it, and optional there.',
  })
  @IsOptional()
  @IsInt()
  npsScore?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(SURVEY_COMMENT_MAX_LENGTH)
  comment?: string | null;
}
