import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { Role } from '../../../../libs/domain/auth/roles.js';
import type { FormFieldKind } from '../../../../libs/domain/catalog/catalog-item.js';
import { RoleEnum } from '../../common/graphql-enums.js';
import { FormFieldKindEnum } from '../catalog-enums.js';
import { CatalogEntryModel } from './catalog-entry.model.js';

@ObjectType('FormField', { description: 'A field of a request form.' })
export class FormFieldModel {
  @Field()
  name!: string;

  @Field()
  label!: string;

  @Field(() => FormFieldKindEnum)
  kind!: FormFieldKind;

  @Field()
  required!: boolean;

  @Field(() => [String], { description: 'A CHOICE field’s values; empty for the others.' })
  choices!: string[];
}

@ObjectType('ItemApproval', { description: 'Who approves a request of the item, and when a waiting approval escalates.' })
export class ItemApprovalModel {
  @Field(() => ID, { nullable: true })
  approverUserId!: string | null;

  @Field(() => RoleEnum, { nullable: true })
  approverRole!: Role | null;

  @Field(() => Int)
  escalateAfterMinutes!: number;

  @Field(() => ID, { nullable: true })
  escalateToUserId!: string | null;
}

@ObjectType('FulfilmentTaskTemplate', { description: 'A task that fulfils a request, in order.' })
export class FulfilmentTaskTemplateModel {
  @Field()
  title!: string;

  @Field()
  description!: string;

  @Field(() => ID, { nullable: true })
  assigneeId!: string | null;

  @Field(() => ID, { nullable: true })
  groupId!: string | null;
}

@ObjectType('ServiceRequestItem', { description: 'What can be requested of a service: a form, an optional approval, the fulfilment tasks.' })
export class ServiceRequestItemModel extends CatalogEntryModel {
  @Field(() => ID)
  serviceId!: string;

  @Field()
  customerVisible!: boolean;

  @Field()
  active!: boolean;

  @Field(() => Int)
  position!: number;

  @Field(() => [FormFieldModel])
  formFields!: FormFieldModel[];

  @Field(() => ItemApprovalModel, { nullable: true, description: 'null: requests need no approval.' })
  approval!: ItemApprovalModel | null;

  @Field(() => [FulfilmentTaskTemplateModel])
  fulfilmentTasks!: FulfilmentTaskTemplateModel[];
}

@ObjectType('Service', { description: 'A service of the catalog, with its request items (by position).' })
export class ServiceModel extends CatalogEntryModel {
  @Field(() => ID)
  ownerGroupId!: string;

  @Field()
  customerVisible!: boolean;

  @Field()
  active!: boolean;

  @Field(() => [ServiceRequestItemModel])
  items!: ServiceRequestItemModel[];

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}
