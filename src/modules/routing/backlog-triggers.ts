import { OPEN_STATUSES, TicketStatus } from '@app/domain';

type Placement = { departmentId: string | null; assigneeId: string | null; status: TicketStatus };

/**
 * The departments whose unassigned backlog a change may unblock: the one where a staff member
 * just lost an open ticket (answered, closed, reassigned, moved away), and the one that just
 * received an unassigned new ticket.
 */
export function backlogTriggers(before: Placement, after: Placement): string[] {
  const departments = new Set<string>();
  const heldBefore = before.assigneeId !== null && before.departmentId !== null && OPEN_STATUSES.includes(before.status);
  const stillHeld = after.assigneeId === before.assigneeId && after.departmentId === before.departmentId && OPEN_STATUSES.includes(after.status);
  if (heldBefore && !stillHeld) departments.add(before.departmentId!);
  const arrived = after.departmentId !== null && after.departmentId !== before.departmentId;
  if (arrived && after.assigneeId === null && after.status === TicketStatus.New) departments.add(after.departmentId!);
  return [...departments];
}
