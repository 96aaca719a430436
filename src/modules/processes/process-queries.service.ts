import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@app/common';
import { StaffPrincipal } from '@app/domain';
import { ListProcessesDto } from './dto/process.dto';
import { assertInstanceVisible, scopeInstances } from './process-access';
import { ProcessEvent } from './process-event.entity';
import { ProcessInstance } from './process-instance.entity';
import { ProcessStep } from './process-step.entity';

/** What staff read: lists scoped to their unit, and one instance with its steps and timeline. */
@Injectable()
export class ProcessQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(filter: ListProcessesDto, user: StaffPrincipal) {
    const qb = this.dataSource
      .getRepository(ProcessInstance)
      .createQueryBuilder('i')
      .leftJoinAndMapOne('i.currentStep', ProcessStep, 's', 's.instance_id = i.id AND s.completed_at IS NULL')
      .orderBy('i.started_at', 'DESC')
      .take(200);
    if (filter.templateId) qb.andWhere('i.template_id = :templateId', { templateId: filter.templateId });
    if (filter.status) qb.andWhere('i.status = :status', { status: filter.status });
    if (filter.late) qb.andWhere('s.due_at < :now', { now: this.clock.now() });
    scopeInstances(qb, 'i', user);
    const items = await qb.getMany();
    return { items: items.map(({ definition: _definition, ...rest }) => rest) };
  }

  async get(id: string, user: StaffPrincipal) {
    const instance = await this.dataSource.getRepository(ProcessInstance).findOneBy({ id });
    const steps = instance ? await this.dataSource.getRepository(ProcessStep).find({ where: { instanceId: id }, order: { seq: 'ASC' } }) : [];
    assertInstanceVisible(instance, steps, user);
    const timeline = await this.dataSource.getRepository(ProcessEvent).find({ where: { instanceId: id }, order: { seq: 'ASC' } });
    const now = this.clock.now();
    return {
      ...instance!,
      steps: steps.map((s) => ({ ...s, late: s.completedAt ? s.completedAt > s.dueAt : now > s.dueAt })),
      timeline,
    };
  }
}
