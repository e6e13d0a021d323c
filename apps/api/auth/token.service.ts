import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { UserEntity } from '../../../libs/db/entities/user.entity.js';
import { userError } from '../common/user-error.js';
import type { AuthenticatedUser } from './authenticated-user.js';

interface TokenClaims {
  sub: string;
}

/** Issues bearer JWTs and turns an Authorization header back into a user who is still active. */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly dataSource: DataSource,
  ) {}

  async issue(user: UserEntity): Promise<{ token: string; expiresAt: Date }> {
    const token = await this.jwt.signAsync({ sub: user.id } satisfies TokenClaims);
    const { exp } = this.jwt.decode<{ exp: number }>(token);
    return { token, expiresAt: new Date(exp * 1000) };
  }

  async authenticate(authorization: string | undefined): Promise<AuthenticatedUser> {
    const token = /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) throw userError('UNAUTHENTICATED', 'Sign in first: send "Authorization: Bearer <token>" (the login mutation gives one).');
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims & object>(token);
    } catch {
      throw userError('UNAUTHENTICATED', 'The token is invalid or has expired; sign in again.');
    }
    // Roles and deactivation take effect at once: read the user, not the token.
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: claims.sub });
    if (!user?.active) throw userError('UNAUTHENTICATED', 'This account no longer exists or is deactivated.');
    return { id: user.id, email: user.email, roles: user.roles };
  }
}
