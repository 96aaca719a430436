export enum Role {
  Agent = 'agent',
  Supervisor = 'supervisor',
  DepartmentStaff = 'department_staff',
  DepartmentManager = 'department_manager',
  Executive = 'executive',
  Admin = 'admin',
}

/** Roles whose reach is one department: they never see another department's tickets. */
export const DEPARTMENT_ROLES: readonly Role[] = [Role.DepartmentStaff, Role.DepartmentManager];

export const ALL_ROLES: readonly Role[] = Object.values(Role);
