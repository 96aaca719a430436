import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ALL_ROLES, Role } from './role';
import { StaffPrincipal } from './staff-principal';

export const IS_PUBLIC = 'auth:public';
export const ROLES = 'auth:roles';
export const ALLOW_QUERY_TOKEN = 'auth:query-token';

/** No token needed (citizen-facing and provider endpoints). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Also accept `?access_token=` (browsers' EventSource cannot send an Authorization header). */
export const AllowQueryToken = () => SetMetadata(ALLOW_QUERY_TOKEN, true);

/** Only these roles may call the handler; admin may call everything. Without it, every role but the narrow ones may. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

/** Every signed-in user, the narrow roles too (their own profile, their notifications). */
export const AnyRole = () => Roles(...ALL_ROLES);

export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): StaffPrincipal => context.switchToHttp().getRequest().user);
