import { SelectQueryBuilder } from 'typeorm';
import { ForbiddenActionException } from '@app/common';
import { DEPARTMENT_ROLES, StaffPrincipal } from '@app/domain';
import { processNotFound } from './process-errors';
import { ProcessInstance } from './process-instance.entity';
import { ProcessStep } from './process-step.entity';
import { ProcessTemplate } from './process-template.entity';

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

/**
 * A department user starts only what their unit will then see: a template their unit owns or
 * whose first step it runs. Anything else would be created and at once hidden from its starter.
 */
export function assertMayStart(template: Pick<ProcessTemplate, 'ownerDepartmentId' | 'steps'>, user: StaffPrincipal): void {
  if (!DEPARTMENT_ROLES.includes(user.role)) return;
  const first = template.steps[0]?.departmentId ?? template.ownerDepartmentId;
  if (user.departmentId && (template.ownerDepartmentId === user.departmentId || first === user.departmentId)) return;
  throw new ForbiddenActionException('Bu süreci biriminiz başlatamaz');
}
