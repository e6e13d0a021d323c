import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';
import { ROLES, type Role } from '../../../../libs/domain/auth/roles.js';
import { CATALOG_LIMITS, FORM_FIELD_KINDS, type FormFieldKind } from '../../../../libs/domain/catalog/catalog-item.js';
import { RoleEnum } from '../../common/graphql-enums.js';
import { FormFieldKindEnum } from '../catalog-enums.js';
import { CatalogEntryInput } from './catalog-entry.input.js';

// Types and sizes are checked here; whether the item makes sense (field names, choices, one approver) is
// validateRequestItemDefinition's to say, naming each field.

@InputType({ description: 'A field of the request form; its value is submitted as values: [{ name, value }].' })
export class FormFieldInput {
  @Field({ description: 'The key of its value: a letter, then letters, digits or underscores.' })
  @IsString()
  @MaxLength(64)
  name!: string;

  @Field({ description: 'What the requester reads.' })
  @IsString()
  @MaxLength(CATALOG_LIMITS.nameMaxLength)
  label!: string;

  @Field(() => FormFieldKindEnum)
  @IsIn(FORM_FIELD_KINDS)
  kind!: FormFieldKind;

  @Field({ defaultValue: false })
  @IsBoolean()
  required!: boolean;

  @Field(() => [String], { nullable: true, description: 'A CHOICE field only: the values a requester picks from.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CATALOG_LIMITS.maxChoices)
  @IsString({ each: true })
  choices?: string[] | null;
}

@InputType({ description: 'Who approves a request before it is fulfilled: a named user or a role (exactly one), and when to escalate.' })
export class ItemApprovalInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'approverUserId must be a user id (a UUID)' })
  approverUserId?: string | null;

  @Field(() => RoleEnum, { nullable: true, description: 'Anyone holding this role may decide.' })
  @IsOptional()
  @IsIn(ROLES)
  approverRole?: Role | null;

  @Field(() => Int, { description: 'An approval left waiting this long is escalated.' })
  @IsInt()
  escalateAfterMinutes!: number;

  @Field(() => ID, { nullable: true, description: 'Who an escalation goes to (none: the supervisors).' })
  @IsOptional()
  @IsUUID('all', { message: 'escalateToUserId must be a user id (a UUID)' })
  escalateToUserId?: string | null;
}

@InputType({ description: 'A task that fulfils a request, done in the listed order.' })
export class FulfilmentTaskInput {
  @Field()
  @IsString()
  @MaxLength(CATALOG_LIMITS.nameMaxLength)
  title!: string;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(CATALOG_LIMITS.descriptionMaxLength)
  description!: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'assigneeId must be a user id (a UUID)' })
  assigneeId?: string | null;

  @Field(() => ID, { nullable: true, description: "The task's group (none: the request's group)." })
  @IsOptional()
  @IsUUID('all', { message: 'groupId must be a group id (a UUID)' })
  groupId?: string | null;
}

@InputType({ description: 'A whole request item: creating one, or replacing one on update (it stays in its service).' })
export class ServiceRequestItemInput extends CatalogEntryInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'serviceId must be a service id (a UUID)' })
  serviceId!: string;

  @Field(() => Int, { nullable: true, description: 'Where it is listed in its service, lowest first; omitted: after the others (on update: unchanged).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  position?: number | null;

  @Field(() => [FormFieldInput], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(CATALOG_LIMITS.maxFormFields)
  @ValidateNested({ each: true })
  @Type(() => FormFieldInput)
  formFields!: FormFieldInput[];

  @Field(() => ItemApprovalInput, { nullable: true, description: 'None: requests need no approval.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ItemApprovalInput)
  approval?: ItemApprovalInput | null;

  @Field(() => [FulfilmentTaskInput], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(CATALOG_LIMITS.maxFulfilmentTasks)
  @ValidateNested({ each: true })
  @Type(() => FulfilmentTaskInput)
  fulfilmentTasks!: FulfilmentTaskInput[];
}
