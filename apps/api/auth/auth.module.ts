import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard.js';
import { AuthResolver } from './auth.resolver.js';
import { TokenService } from './token.service.js';
import { UsersService } from './users.service.js';

@Module({
  providers: [UsersService, TokenService, AuthResolver, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [UsersService, TokenService],
})
export class AuthModule {}
