import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { CONFIG_WRITERS } from '../sla-config/sla-config.roles.js';
import { CatalogAdminService } from './catalog-admin.service.js';
import { CatalogReadService, toItemModel } from './catalog-read.service.js';
import { ServiceRequestItemInput } from './dto/service-request-item.input.js';
import { ServiceInput } from './dto/service.input.js';
import { ServiceModel, ServiceRequestItemModel } from './models/service.model.js';

const REFUSALS = 'BAD_USER_INPUT names each field at fault (an unknown group or user too); CONFLICT for a name already taken.';

/** Admins define the catalog; every write is audited. */
@Resolver()
export class CatalogAdminResolver {
  constructor(
    private readonly admin: CatalogAdminService,
    private readonly catalog: CatalogReadService,
  ) {}

  @Roles(...CONFIG_WRITERS)
  @Mutation(() => ServiceModel, { description: `A new catalog service; audited. ${REFUSALS}` })
  async createService(@Args('input') input: ServiceInput, @CurrentUser() caller: AuthenticatedUser): Promise<ServiceModel> {
    const service = await this.admin.createService(input, caller.id);
    return this.catalog.service(service.id);
  }

  @Roles(...CONFIG_WRITERS)
  @Mutation(() => ServiceModel, { description: `Replaces the service with the input (an inactive one takes no requests); audited. ${REFUSALS}` })
  async updateService(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: ServiceInput,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<ServiceModel> {
    await this.admin.updateService(id, input, caller.id);
    return this.catalog.service(id);
  }

  @Roles(...CONFIG_WRITERS)
  @Mutation(() => ServiceRequestItemModel, { description: `A new request item of a service (default: listed last); audited. ${REFUSALS}` })
  async createServiceRequestItem(@Args('input') input: ServiceRequestItemInput, @CurrentUser() caller: AuthenticatedUser): Promise<ServiceRequestItemModel> {
    return toItemModel(await this.admin.createItem(input, caller.id));
  }

  @Roles(...CONFIG_WRITERS)
  @Mutation(() => ServiceRequestItemModel, {
    description: `Replaces the item with the input; it stays in its service, and at its position unless one is given; audited. ${REFUSALS}`,
  })
  async updateServiceRequestItem(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: ServiceRequestItemInput,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<ServiceRequestItemModel> {
    return toItemModel(await this.admin.updateItem(id, input, caller.id));
  }
}
