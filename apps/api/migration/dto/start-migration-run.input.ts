import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsInt, IsNumber, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { MIGRATION_PHASES, SOURCE_SYSTEMS, type MigrationPhase, type SourceSystem } from '../../../../libs/domain/migration/index.js';

export const MIGRATION_LIMITS = { maxFiles: 50, mappingMaxLength: 200_000, maxBatchSize: 20_000, maxSampleSize: 500 } as const;

@InputType()
export class StartMigrationRunInput {
  @Field(() => String, { description: `One of ${SOURCE_SYSTEMS.join(', ')}.` })
  @IsIn(SOURCE_SYSTEMS)
  sourceSystem!: SourceSystem;

  @Field(() => [String], { description: 'Paths of the export files, as the worker reads them.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(MIGRATION_LIMITS.maxFiles)
  @IsString({ each: true })
  @Length(1, 1000, { each: true })
  files!: string[];

  @Field({ description: 'The mapping file (YAML or JSON); checked before anything is written.' })
  @IsString()
  @Length(1, MIGRATION_LIMITS.mappingMaxLength)
  mapping!: string;

  @Field(() => String, { nullable: true, description: 'Names the source for delta runs; defaults to the source system.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  sourceKey?: string | null;

  @Field(() => Int, { nullable: true, description: 'Records per batch (default 1000).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MIGRATION_LIMITS.maxBatchSize)
  batchSize?: number | null;

  @Field(() => Float, { nullable: true, description: 'Share of a batch that may be rejected before the run waits for approval (default 0.05).' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  maxRejectRate?: number | null;

  @Field(() => Int, { nullable: true, description: 'Records in the sample run (default 50; 0 skips it).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MIGRATION_LIMITS.maxSampleSize)
  sampleSize?: number | null;

  @Field(() => [String], { nullable: true, description: `Phases that wait for approval when done: ${MIGRATION_PHASES.join(', ')}.` })
  @IsOptional()
  @IsIn(MIGRATION_PHASES, { each: true })
  approvalPhases?: MigrationPhase[] | null;
}
