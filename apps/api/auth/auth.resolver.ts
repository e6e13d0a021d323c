import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ROLES } from '../../../libs/domain/auth/roles.js';
import { clientAddress } from '../abuse-limits/client-address.js';
import { LoginThrottle } from '../abuse-limits/login-throttle.js';
import { userError } from '../common/user-error.js';
import type { AuthenticatedUser } from './authenticated-user.js';
import { CurrentUser } from './current-user.decorator.js';
import { CreateUserInput } from './dto/create-user.input.js';
import { UpdateUserInput } from './dto/update-user.input.js';
import { LoginInput } from './dto/login.input.js';
import { AuthPayloadModel } from './models/auth-payload.model.js';
import { UserModel } from './models/user.model.js';
import type { AuthenticatedRequest } from './request-of.js';
import { Public, Roles } from './roles.decorator.js';
import { TokenService } from './token.service.js';
import { UsersService } from './users.service.js';

@Resolver(() => UserModel)
export class AuthResolver {
  constructor(
    private readonly usersService: UsersService,
    private readonly tokens: TokenService,
    private readonly loginThrottle: LoginThrottle,
  ) {}

  @Public()
  @Mutation(() => AuthPayloadModel, {
    description:
      'Exchange email and password for a bearer token. TOO_MANY_REQUESTS (with retryAfterSeconds) after too many failed attempts ' +
      'for the account or from the address.',
  })
  async login(@Args('input') input: LoginInput, @Context('req') request: AuthenticatedRequest): Promise<AuthPayloadModel> {
    const address = clientAddress(request);
    await this.loginThrottle.assertAllowed(input.email, address);
    const user = await this.usersService.verifyCredentials(input.email, input.password);
    if (!user) {
      await this.loginThrottle.recordFailure(input.email, address);
      throw userError('UNAUTHENTICATED', 'Wrong email or password.');
    }
    await this.loginThrottle.recordSuccess(input.email);
    return { ...(await this.tokens.issue(user)), user };
  }

  @Roles(...ROLES)
  @Query(() => UserModel, { description: 'The signed-in user.' })
  async me(@CurrentUser() caller: AuthenticatedUser): Promise<UserModel> {
    return this.usersService.get(caller.id);
  }

  @Roles('admin')
  @Query(() => [UserModel])
  users(): Promise<UserModel[]> {
    return this.usersService.list();
  }

  @Roles('admin')
  @Mutation(() => UserModel, { description: 'Create a user (admins only); audited.' })
  createUser(@Args('input') input: CreateUserInput, @CurrentUser() caller: AuthenticatedUser): Promise<UserModel> {
    return this.usersService.create(input, caller.id);
  }

  @Roles('admin')
  @Mutation(() => UserModel, {
    description:
      "Change a user's display name, roles or active flag (admins only); audited. CONFLICT when it would leave no active admin; NOT_FOUND for an unknown id.",
  })
  updateUser(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateUserInput,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<UserModel> {
    return this.usersService.update(id, input, caller.id);
  }
}
