import { DEPARTMENT_ROLES, Role } from './role';

/** Who is making a request, as the guards resolved it. */
export interface StaffPrincipal {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  departmentId: string | null;
}

/**
 * The one department a principal's reach is limited to: undefined for roles that see every
 * department, null for a department role without a department (which then sees nothing).
 */
export function departmentScope(user: StaffPrincipal): string | null | undefined {
  if (!DEPARTMENT_ROLES.includes(user.role)) return undefined;
  return user.departmentId;
}
