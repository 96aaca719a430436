import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ForbiddenActionException } from '@app/common';
import { ALLOW_QUERY_TOKEN, IS_PUBLIC, NARROW_ROLES, Role, ROLES, StaffPrincipal } from '@app/domain';
import { StaffTokens } from './staff-tokens';

/** Global guard: a valid, current HS256 bearer token of an active user, then the handler's roles. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: StaffTokens,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<FastifyRequest<{ Querystring: { access_token?: unknown } }> & { user?: StaffPrincipal }>();
    const queryToken = this.reflector.getAllAndOverride<boolean>(ALLOW_QUERY_TOKEN, targets) ? request.query.access_token : undefined;
    request.user = await this.tokens.authenticate(request.headers.authorization ?? (typeof queryToken === 'string' ? `Bearer ${queryToken}` : undefined));

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    // A narrow role (the CİMER officer) reaches only what names it.
    const allowed = roles ? roles.includes(request.user.role) : !NARROW_ROLES.includes(request.user.role);
    if (request.user.role !== Role.Admin && !allowed) throw new ForbiddenActionException();
    return true;
  }
}
