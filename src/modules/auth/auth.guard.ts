import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import type { Request } from 'express';
import { Repository } from 'typeorm';
import { ForbiddenActionException, UnauthenticatedException } from '@app/common';
import { ALLOW_QUERY_TOKEN, IS_PUBLIC, NARROW_ROLES, Role, ROLES, StaffPrincipal } from '@app/domain';
import { AccessTokenClaims } from './access-token';
import { User } from './user.entity';

/** Global guard: a valid, current HS256 bearer token of an active user, then the handler's roles. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<Request & { user?: StaffPrincipal }>();
    const queryToken = this.reflector.getAllAndOverride<boolean>(ALLOW_QUERY_TOKEN, targets) ? request.query.access_token : undefined;
    request.user = await this.authenticate(request.headers.authorization ?? (typeof queryToken === 'string' ? `Bearer ${queryToken}` : undefined));

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    // A narrow role (the CİMER officer) reaches only what names it.
    const allowed = roles ? roles.includes(request.user.role) : !NARROW_ROLES.includes(request.user.role);
    if (request.user.role !== Role.Admin && !allowed) throw new ForbiddenActionException();
    return true;
  }

  private async authenticate(header: string | undefined): Promise<StaffPrincipal> {
    const [scheme, token] = (header ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw new UnauthenticatedException();
    let claims: AccessTokenClaims;
    try {
      // Pinning the algorithm is what refuses `alg: none` and key-confusion tokens.
      claims = await this.jwt.verifyAsync<AccessTokenClaims & object>(token, { algorithms: ['HS256'] });
    } catch {
      throw new UnauthenticatedException('Oturum geçersiz veya süresi dolmuş');
    }
    const user = typeof claims.sub === 'string' ? await this.users.findOneBy({ id: claims.sub, active: true }) : null;
    // A token issued before the user's last password, role, department or active change is over.
    if (!user || (claims.ver ?? 0) !== user.tokenVersion) throw new UnauthenticatedException('Oturum geçersiz veya süresi dolmuş');
    return {
      id: user.id,
      username: user.username,
      fullName: user.fullName,
      role: user.role,
      departmentId: user.departmentId,
    };
  }
}
