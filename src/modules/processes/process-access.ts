import { SelectQueryBuilder } from 'typeorm';
import { ForbiddenActionException } from '@app/common';
import { DEPARTMENT_ROLES } from '../auth/role';
import { StaffPrincipal } from '../auth/staff-principal';
import { processNotFound } from './process-errors';
import { ProcessInstance } from './process-instance.entity';
import { ProcessStep } from './process-step.entity';

/**
 * A department user sees the instances their unit runs or has a step in, and nothing else
 * (404, as with tickets); others with process roles see them all.
 */
export function scopeInstances(qb: SelectQueryBuilder<ProcessInstance>, alias: string, user: StaffPrincipal): void {
  if (!DEPARTMENT_ROLES.includes(user.role)) return;
  if (!user.departmentId) {
    qb.andWhere('false');
    return;
  }
  qb.andWhere(
    `(${alias}.owner_department_id = :scopeDepartmentId OR EXISTS (SELECT 1 FROM process_steps ps WHERE ps.instance_id = ${alias}.id AND ps.department_id = :scopeDepartmentId))`,
    { scopeDepartmentId: user.departmentId },
  );
}

export function assertInstanceVisible(instance: ProcessInstance | null, steps: Pick<ProcessStep, 'departmentId'>[], user: StaffPrincipal): ProcessInstance {
  if (!instance) throw processNotFound();
  if (!DEPARTMENT_ROLES.includes(user.role)) return instance;
  const own = instance.ownerDepartmentId === user.departmentId || steps.some((s) => s.departmentId === user.departmentId);
  if (!own) throw processNotFound();
  return instance;
}

/** Only the step's unit (or someone above the units) completes or assigns it. */
export function assertMayAct(step: ProcessStep, user: StaffPrincipal): void {
  if (DEPARTMENT_ROLES.includes(user.role) && step.departmentId !== user.departmentId) {
    throw new ForbiddenActionException('Bu adım biriminizin sorumluluğunda değil');
  }
}
