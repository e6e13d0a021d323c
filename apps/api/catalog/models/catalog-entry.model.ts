import { Field, ID, ObjectType } from '@nestjs/graphql';

/** What every service and request item shows, to staff and to customers alike. */
@ObjectType({ isAbstract: true })
export abstract class CatalogEntryModel {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  description!: string;
}
