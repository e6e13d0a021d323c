import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import {
  KNOWLEDGE_AUDIENCES,
  KNOWLEDGE_STATUSES,
  SEARCH_QUERY_MAX_LENGTH,
  type KnowledgeAudience,
  type KnowledgeStatus,
} from '../../../../libs/domain/knowledge/index.js';
import { EnumListField } from '../../common/list-fields.js';
import { KnowledgeAudienceEnum, KnowledgeStatusEnum } from '../knowledge-enums.js';
import { KNOWLEDGE_LIMITS } from './knowledge-limits.js';

const QUERY_DESCRIPTION = 'Words to find (stemmed: "reset" finds "resetting"); "quoted phrase", `or`, and -word to exclude.';

@ArgsType()
export class SearchKnowledgeArticlesArgs {
  @Field({ description: QUERY_DESCRIPTION })
  @IsString()
  @Length(1, SEARCH_QUERY_MAX_LENGTH)
  query!: string;

  @EnumListField(KnowledgeStatusEnum, KNOWLEDGE_STATUSES, { description: 'Empty or left out: published only.' })
  statuses!: KnowledgeStatus[];

  @EnumListField(KnowledgeAudienceEnum, KNOWLEDGE_AUDIENCES, { description: 'Empty or left out: both.' })
  audiences!: KnowledgeAudience[];

  @Field(() => Int, { defaultValue: 20, description: `1 to ${KNOWLEDGE_LIMITS.searchPageMax}.` })
  @IsInt()
  @Min(1)
  @Max(KNOWLEDGE_LIMITS.searchPageMax)
  first!: number;
}

@ArgsType()
export class SuggestKnowledgeArticlesArgs {
  @Field(() => ID, { nullable: true, description: "Suggest for this ticket's subject and description." })
  @IsOptional()
  @IsUUID()
  ticketId?: string | null;

  @Field(() => String, { nullable: true, description: 'Or for this text (e.g. a ticket being written).' })
  @IsOptional()
  @IsString()
  @MaxLength(KNOWLEDGE_LIMITS.suggestionTextMaxLength)
  text?: string | null;

  @Field(() => Int, { defaultValue: 5, description: `1 to ${KNOWLEDGE_LIMITS.suggestionsMax}.` })
  @IsInt()
  @Min(1)
  @Max(KNOWLEDGE_LIMITS.suggestionsMax)
  first!: number;
}

@ArgsType()
export class PublicKnowledgeSearchArgs {
  @Field({ description: QUERY_DESCRIPTION })
  @IsString()
  @Length(1, SEARCH_QUERY_MAX_LENGTH)
  query!: string;

  @Field(() => Int, { defaultValue: 10, description: `1 to ${KNOWLEDGE_LIMITS.publicSearchPageMax}.` })
  @IsInt()
  @Min(1)
  @Max(KNOWLEDGE_LIMITS.publicSearchPageMax)
  first!: number;
}
