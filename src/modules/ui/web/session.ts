import { Role } from '@app/domain';
import type { StaffPrincipal } from '@app/domain';

// The browser keeps the access token in sessionStorage: gone when the tab closes, never in a cookie.
const KEY = 'cm.session';

export type SessionUser = StaffPrincipal;

export interface Session {
  token: string;
  user: SessionUser;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/** The body of POST /auth/login. */
export interface LoginResult {
  accessToken: string;
  expiresIn: number;
  user: SessionUser;
}

export const session = {
  get(): Session | null {
    try {
      const value = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Session | null;
      return value && value.expiresAt > Date.now() ? value : null;
    } catch {
      return null;
    }
  },
  set(login: LoginResult): Session {
    const value: Session = { token: login.accessToken, user: login.user, expiresAt: Date.now() + login.expiresIn * 1000 };
    sessionStorage.setItem(KEY, JSON.stringify(value));
    return value;
  },
  clear(): void {
    sessionStorage.removeItem(KEY);
  },
};

/** The signed-in staff member, or null. */
export function currentUser(): SessionUser | null {
  return session.get()?.user ?? null;
}

/** True when the signed-in user has one of the roles (admin is not implied: pass it when meant). */
export function hasRole(...roles: Role[]): boolean {
  const user = currentUser();
  return !!user && roles.includes(user.role);
}

export const CALL_CENTRE_ROLES: readonly Role[] = [Role.Agent, Role.Supervisor, Role.Admin];
export const DEPARTMENT_STAFF_ROLES: readonly Role[] = [Role.DepartmentStaff, Role.DepartmentManager];
export const MANAGER_ROLES: readonly Role[] = [Role.Supervisor, Role.DepartmentManager, Role.Executive, Role.Admin];

/** Where each role starts after logging in. */
export function startPage(role: Role): string {
  const start: Partial<Record<Role, string>> = {
    [Role.Agent]: '#/kuyruk',
    [Role.Supervisor]: '#/kuyruk',
    [Role.DepartmentStaff]: '#/gelen-kutusu',
    [Role.DepartmentManager]: '#/gelen-kutusu',
    [Role.Executive]: '#/yonetici',
    [Role.Admin]: '#/yonetim',
  };
  return start[role] ?? '#/kuyruk';
}

/** The list a ticket page goes back to: the department inbox or the call centre's queue. */
export function homeFor(user: SessionUser): string {
  return user.departmentId ? '#/gelen-kutusu' : '#/kuyruk';
}
