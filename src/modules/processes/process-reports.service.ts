import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@app/common';
import { DEPARTMENT_ROLES, StaffPrincipal } from '@app/domain';
import { templateNotFound } from './process-errors';
import { summarise } from './process-report';
import { ProcessTemplate } from './process-template.entity';

/** Per template: the share finished within the chart's times, the slowest steps, and what is late now. */
@Injectable()
export class ProcessReports {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async report(templateId: string, user: StaffPrincipal) {
    const template = await this.dataSource.getRepository(ProcessTemplate).findOneBy({ id: templateId });
    if (!template || (DEPARTMENT_ROLES.includes(user.role) && template.ownerDepartmentId !== user.departmentId)) throw templateNotFound();
    const rows: { instance_id: string; status: string; key: string; name: string; opened_at: Date; due_at: Date; completed_at: Date | null }[] =
      await this.dataSource.query(
        `SELECT s.instance_id, i.status, s.key, s.name, s.opened_at, s.due_at, s.completed_at
         FROM process_steps s JOIN process_instances i ON i.id = s.instance_id
        WHERE i.template_id = $1`,
        [templateId],
      );
    const figures = summarise(
      rows.map((r) => ({
        instanceId: r.instance_id,
        instanceEnded: r.status !== 'running',
        key: r.key,
        name: r.name,
        openedAt: r.opened_at,
        dueAt: r.due_at,
        completedAt: r.completed_at,
      })),
      template.targetOnTimeRatio,
    );
    const now = this.clock.now();
    const late: { id: string; title: string; step_key: string; step_name: string; department_id: string; due_at: Date }[] = await this.dataSource.query(
      `SELECT i.id, i.title, s.key AS step_key, s.name AS step_name, s.department_id, s.due_at
         FROM process_instances i JOIN process_steps s ON s.instance_id = i.id AND s.completed_at IS NULL
        WHERE i.template_id = $1 AND i.status = 'running' AND s.due_at < $2
        ORDER BY s.due_at`,
      [templateId, now],
    );
    const [{ running }] = await this.dataSource.query(`SELECT count(*)::int AS running FROM process_instances WHERE template_id = $1 AND status = 'running'`, [
      templateId,
    ]);
    return {
      template: { id: template.id, code: template.code, name: template.name },
      running,
      ...figures,
      lateNow: late.map((l) => ({
        instanceId: l.id,
        title: l.title,
        stepKey: l.step_key,
        stepName: l.step_name,
        departmentId: l.department_id,
        dueAt: l.due_at,
        daysLate: Math.round(((now.getTime() - l.due_at.getTime()) / 86_400_000) * 10) / 10,
      })),
    };
  }
}
