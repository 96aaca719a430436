import { EntityManager } from 'typeorm';
import { Role } from '../auth/role';
import { OPEN_STATUSES } from '../tickets/ticket-status';

/**
 * The available staff member of a department with the fewest open tickets, below the cap;
 * ties go to whoever was assigned longest ago, which makes equal loads go round-robin.
 */
export async function pickAssignee(manager: EntityManager, departmentId: string, cap: number): Promise<string | null> {
  const rows: { id: string }[] = await manager.query(
    `SELECT u.id
       FROM users u
       LEFT JOIN tickets t ON t.assignee_id = u.id AND t.status = ANY($2::ticket_status[])
      WHERE u.department_id = $1 AND u.active AND u.available AND u.role = $3
      GROUP BY u.id
     HAVING count(t.id) < $4
      ORDER BY count(t.id), max(t.updated_at) NULLS FIRST, u.id
      LIMIT 1`,
    [departmentId, OPEN_STATUSES, Role.DepartmentStaff, cap],
  );
  return rows[0]?.id ?? null;
}
