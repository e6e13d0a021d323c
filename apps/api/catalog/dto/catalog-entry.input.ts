import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsString, MaxLength } from 'class-validator';
import { CATALOG_LIMITS } from '../../../../libs/domain/catalog/catalog-item.js';

/** What a service and a request item are both given: a name, what it is, and whether customers and anyone may use it. */
@InputType({ isAbstract: true })
export abstract class CatalogEntryInput {
  @Field({ description: 'Unique case-insensitively (a request item: within its service).' })
  @IsString()
  @MaxLength(CATALOG_LIMITS.nameMaxLength)
  name!: string;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(CATALOG_LIMITS.descriptionMaxLength)
  description!: string;

  @Field({ defaultValue: true, description: "Shown in the customer portal's catalog (when active)." })
  @IsBoolean()
  customerVisible!: boolean;

  @Field({ defaultValue: true, description: 'Inactive: takes no requests (admins still see it).' })
  @IsBoolean()
  active!: boolean;
}
