import { Field, ObjectType } from '@nestjs/graphql';
import { CatalogEntryModel } from './catalog-entry.model.js';
import { FormFieldModel } from './service.model.js';

// What a customer sees of the catalog: no owner group, approvers or tasks.

@ObjectType('PortalServiceRequestItem', { description: 'An item a customer can request, with the form to fill in.' })
export class PortalServiceRequestItemModel extends CatalogEntryModel {
  @Field(() => [FormFieldModel])
  formFields!: FormFieldModel[];
}

@ObjectType('PortalService', { description: 'A service in the customer portal, with the items customers can request.' })
export class PortalServiceModel extends CatalogEntryModel {
  @Field(() => [PortalServiceRequestItemModel])
  items!: PortalServiceRequestItemModel[];
}
