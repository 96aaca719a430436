import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ForbiddenActionException } from '@app/common';
import { DEPARTMENT_ROLES, Role, StaffPrincipal } from '@app/domain';
import { DepartmentsService } from '../../departments';

/** The municipality file's code for the mayor's private office, which keeps the mayor's calendar. */
export const MAYORS_OFFICE = 'OZEL_KALEM';

/** Who keeps the mayor's calendar: Özel Kalem's staff, the executives above it, admins. */
@Injectable()
export class AppointmentOffice {
  constructor(private readonly departments: DepartmentsService) {}

  async assertOffice(manager: EntityManager, user: StaffPrincipal): Promise<void> {
    if (user.role === Role.Admin || user.role === Role.Executive) return;
    if (DEPARTMENT_ROLES.includes(user.role) && user.departmentId) {
      const department = await this.departments.cached(manager, user.departmentId);
      if (department?.code === MAYORS_OFFICE) return;
    }
    throw new ForbiddenActionException('Başkanlık randevularını yalnızca Özel Kalem yönetir');
  }
}
