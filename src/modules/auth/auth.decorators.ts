import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Role } from './role';
import { StaffPrincipal } from './staff-principal';

export const IS_PUBLIC = 'auth:public';
export const ROLES = 'auth:roles';

/** No token needed (citizen-facing and provider endpoints). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the handler; admin may call everything. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext): StaffPrincipal => context.switchToHttp().getRequest().user,
);
