import { EntityManager } from 'typeorm';
import { OPEN_STATUSES, Role } from '@app/domain';

/**
 * The available staff member of a department with the fewest open tickets, below the cap;
 * ties go to whoever was assigned longest ago, which makes equal loads go round-robin.
 * `pending` counts tickets given out in the caller's transaction and not yet written (an
 * intake batch), in the order given: they count as open and as the most recent assignments.
 */
export async function pickAssignee(manager: EntityManager, departmentId: string, cap: number, pending: string[] = []): Promise<string | null> {
  const rows: { id: string; open: number }[] = await manager.query(
    `SELECT u.id, count(t.id)::int AS open
       FROM users u
       LEFT JOIN tickets t ON t.assignee_id = u.id AND t.status = ANY($2::ticket_status[])
      WHERE u.department_id = $1 AND u.active AND u.available AND u.role = $3
      GROUP BY u.id
     HAVING count(t.id) < $4
      ORDER BY count(t.id), max(t.updated_at) NULLS FIRST, u.id`,
    [departmentId, OPEN_STATUSES, Role.DepartmentStaff, cap],
  );
  return chooseAssignee(rows, cap, pending);
}

/** `candidates` in the database's order (fewest open, longest since an assignment). */
export function chooseAssignee(candidates: { id: string; open: number }[], cap: number, pending: string[]): string | null {
  const load = (id: string) => pending.filter((p) => p === id).length;
  const lastPending = (id: string) => pending.lastIndexOf(id);
  const open = candidates.map((c, order) => ({ ...c, order, total: c.open + load(c.id) })).filter((c) => c.total < cap);
  open.sort((a, b) => a.total - b.total || lastPending(a.id) - lastPending(b.id) || a.order - b.order);
  return open[0]?.id ?? null;
}
