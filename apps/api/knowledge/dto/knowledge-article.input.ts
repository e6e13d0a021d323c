import { Field, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Matches, MaxLength, Min } from 'class-validator';
import { KNOWLEDGE_AUDIENCES, KNOWLEDGE_STATUSES, type KnowledgeAudience, type KnowledgeStatus } from '../../../../libs/domain/knowledge/index.js';
import { StringListField } from '../../common/list-fields.js';
import { NOT_BLANK } from '../../sla-config/dto/config-limits.js';
import { KnowledgeAudienceEnum, KnowledgeStatusEnum } from '../knowledge-enums.js';
import { KNOWLEDGE_LIMITS } from './knowledge-limits.js';

@InputType()
export class CreateKnowledgeArticleInput {
  @Field()
  @IsString()
  @Length(1, KNOWLEDGE_LIMITS.titleMaxLength)
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  title!: string;

  @Field({ description: 'Markdown.' })
  @IsString()
  @Length(1, KNOWLEDGE_LIMITS.bodyMaxLength)
  @Matches(NOT_BLANK, { message: 'body must not be blank' })
  body!: string;

  @StringListField({ max: KNOWLEDGE_LIMITS.tagsMax, maxLength: KNOWLEDGE_LIMITS.tagMaxLength, description: 'Kept lower-cased, without duplicates.' })
  tags!: string[];

  @Field(() => KnowledgeStatusEnum, { defaultValue: 'draft' })
  @IsIn(KNOWLEDGE_STATUSES)
  status!: KnowledgeStatus;

  @Field(() => KnowledgeAudienceEnum, { defaultValue: 'internal' })
  @IsIn(KNOWLEDGE_AUDIENCES)
  audience!: KnowledgeAudience;
}

@InputType({ description: 'The fields to change; those left out stay as they are.' })
export class UpdateKnowledgeArticleInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, KNOWLEDGE_LIMITS.titleMaxLength)
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Markdown.' })
  @IsOptional()
  @IsString()
  @Length(1, KNOWLEDGE_LIMITS.bodyMaxLength)
  @Matches(NOT_BLANK, { message: 'body must not be blank' })
  body?: string | null;

  @Field(() => [String], { nullable: true, description: 'Replaces all the tags.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(KNOWLEDGE_LIMITS.tagsMax)
  @IsString({ each: true })
  @MaxLength(KNOWLEDGE_LIMITS.tagMaxLength, { each: true })
  tags?: string[] | null;

  @Field(() => KnowledgeStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(KNOWLEDGE_STATUSES)
  status?: KnowledgeStatus | null;

  @Field(() => KnowledgeAudienceEnum, { nullable: true })
  @IsOptional()
  @IsIn(KNOWLEDGE_AUDIENCES)
  audience?: KnowledgeAudience | null;

  @Field(() => Int, { nullable: true, description: 'The version the edit was made on: CONFLICT if someone saved a newer one since.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number | null;
}
