import { Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { CatalogEntryInput } from './catalog-entry.input.js';

// Types and sizes are checked here; blank names and the rest of what makes a definition sound, by libs/domain/catalog.

@InputType({ description: 'A whole catalog service: creating one, or replacing one on update.' })
export class ServiceInput extends CatalogEntryInput {
  @Field(() => ID, { description: "The group that answers for the service: its requests are routed to it." })
  @IsUUID('all', { message: 'ownerGroupId must be a group id (a UUID)' })
  ownerGroupId!: string;
}
