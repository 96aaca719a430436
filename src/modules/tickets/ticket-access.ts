import { SelectQueryBuilder } from 'typeorm';
import { departmentScope, StaffPrincipal } from '@app/domain';
import { ticketNotFound } from './ticket-errors';
import { Ticket } from './ticket.entity';

/**
 * Department roles see their own department's tickets and nothing else; to them another
 * department's ticket does not exist (404, absent from lists, searches and sub-resources).
 */
export function applyScope(qb: SelectQueryBuilder<Ticket>, alias: string, user: StaffPrincipal): void {
  const scope = departmentScope(user);
  if (scope === undefined) return;
  if (scope === null) qb.andWhere('false');
  else qb.andWhere(`${alias}.department_id = :scopeDepartmentId`, { scopeDepartmentId: scope });
}

export function assertVisible(ticket: Ticket | null, user: StaffPrincipal): Ticket {
  const scope = departmentScope(user);
  if (!ticket || (scope !== undefined && ticket.departmentId !== scope)) throw ticketNotFound();
  return ticket;
}
