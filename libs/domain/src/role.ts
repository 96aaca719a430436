export enum Role {
  Agent = 'agent',
  Supervisor = 'supervisor',
  DepartmentStaff = 'department_staff',
  DepartmentManager = 'department_manager',
  Executive = 'executive',
  Admin = 'admin',
  /**
   * CİMER Yetkilisi (the seeds: Karşıyaka's Müdürlük Ofisi): registers the applications CİMER
   * forwards about the municipality, sends each to its unit, records the answer that goes back
   * to CİMER. Reaches every department's CİMER applications and nothing else.
   */
  CimerOfficer = 'cimer_officer',
}

/** Roles whose reach is one department: they never see another department's tickets. */
export const DEPARTMENT_ROLES: readonly Role[] = [Role.DepartmentStaff, Role.DepartmentManager];

export const ALL_ROLES: readonly Role[] = Object.values(Role);

/**
 * Roles confined to the handlers that name them in `@Roles`: a handler open to "any signed-in
 * user" is closed to them, so a narrow office does not inherit the call centre's reach.
 */
export const NARROW_ROLES: readonly Role[] = [Role.CimerOfficer];
