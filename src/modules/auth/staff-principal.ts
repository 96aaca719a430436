import { Role } from './role';

/** Who is making a request, as the guards resolved it. */
export interface StaffPrincipal {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  departmentId: string | null;
}
