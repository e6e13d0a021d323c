import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { CreateGroupInput } from './dto/group.input.js';
import { GroupsService } from './groups.service.js';
import { GroupModel } from './models/group.model.js';
import { ROUTING_READERS, ROUTING_WRITERS } from './routing.roles.js';

@Resolver(() => GroupModel)
export class GroupsResolver {
  constructor(private readonly groups: GroupsService) {}

  @Roles(...ROUTING_READERS)
  @Query(() => [GroupModel], { name: 'groups', description: 'The fallback group first, then by name.' })
  listGroups(): Promise<GroupModel[]> {
    return this.groups.list();
  }

  @Roles(...ROUTING_WRITERS)
  @Mutation(() => GroupModel, { description: 'Audited.' })
  createGroup(@Args('input') input: CreateGroupInput, @CurrentUser() caller: AuthenticatedUser): Promise<GroupModel> {
    return this.groups.create(input.name, input.visibleToAllAgents ?? true, caller.id);
  }

  @Roles(...ROUTING_WRITERS)
  @Mutation(() => GroupModel, { description: "Whether every agent sees the group's tickets, or only its members; audited." })
  setGroupVisibleToAllAgents(
    @Args('id', { type: () => ID }) id: string,
    @Args('visibleToAllAgents') visibleToAllAgents: boolean,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<GroupModel> {
    return this.groups.setVisibleToAllAgents(id, visibleToAllAgents, caller.id);
  }

  @Roles(...ROUTING_WRITERS)
  @Mutation(() => GroupModel, { description: 'Audited.' })
  renameGroup(
    @Args('id', { type: () => ID }) id: string,
    @Args('name') name: string,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<GroupModel> {
    return this.groups.rename(id, name, caller.id);
  }

  @Roles(...ROUTING_WRITERS)
  @Mutation(() => ID, {
    description: 'Refused (CONFLICT) for the fallback group and while a routing rule targets the group; returns the deleted id; audited.',
  })
  deleteGroup(@Args('id', { type: () => ID }) id: string, @CurrentUser() caller: AuthenticatedUser): Promise<string> {
    return this.groups.delete(id, caller.id);
  }
}
