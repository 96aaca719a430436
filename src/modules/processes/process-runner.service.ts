import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, InvalidFieldException } from '@app/common';
import { StaffPrincipal } from '@app/domain';
import { UsersService } from '../auth';
import { addDuration, BusinessCalendarService, ClockSubject, SlaClocks } from '../sla';
import { TicketQueries } from '../tickets';
import { CompleteStepDto, StartProcessDto } from './dto/process.dto';
import { assertInstanceVisible, assertMayAct, assertMayStart } from './process-access';
import { following, ProcessEnd } from './process-definition';
import { ProcessErrorCode, ProcessException, processNotFound, templateNotFound } from './process-errors';
import { ProcessEvent, ProcessEventType } from './process-event.entity';
import { ProcessInstance, ProcessStatus } from './process-instance.entity';
import { ProcessStep } from './process-step.entity';
import { DEFAULT_WARNING_RATIO, ProcessTemplate } from './process-template.entity';

const END_STATUS: Record<ProcessEnd, ProcessStatus> = {
  [ProcessEnd.Completed]: ProcessStatus.Completed,
  [ProcessEnd.Rejected]: ProcessStatus.Rejected,
  [ProcessEnd.Filed]: ProcessStatus.Filed,
};
const END_TEXT: Record<ProcessEnd, string> = {
  [ProcessEnd.Completed]: 'Süreç tamamlandı',
  [ProcessEnd.Rejected]: 'Süreç reddedildi',
  [ProcessEnd.Filed]: 'Süreç dosyaya kaldırıldı',
};

/**
 * Runs instances: each step opens for its unit with its own deadline clock (the tickets' ladder),
 * completing it records who, when and with which document, stops its clock and opens the next
 * step or ends the process. One instance moves one step at a time (its row is locked).
 */
@Injectable()
export class ProcessRunner {
  constructor(
    private readonly users: UsersService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clocks: SlaClocks,
    private readonly calendars: BusinessCalendarService,
    private readonly tickets: TicketQueries,
    private readonly clock: Clock,
  ) {}

  /** Everything is checked before anything is written: a refused start leaves nothing behind. */
  async start(dto: StartProcessDto, actor: StaffPrincipal): Promise<string> {
    if (dto.ticketId && !(await this.tickets.isVisible(actor, dto.ticketId))) throw new InvalidFieldException('ticketId', 'ticketId: böyle bir başvuru yok');
    return this.dataSource.transaction(async (manager) => {
      const template = await manager.findOneBy(ProcessTemplate, { id: dto.templateId });
      if (!template) throw templateNotFound();
      if (!template.active) throw new InvalidFieldException('templateId', 'templateId: bu şablon kullanımdan kaldırılmış');
      assertMayStart(template, actor);
      const now = this.clock.now();
      const instance = await manager.save(
        manager.create(ProcessInstance, {
          templateId: template.id,
          templateVersion: template.version,
          definition: template.steps,
          title: dto.title,
          ticketId: dto.ticketId ?? null,
          ownerDepartmentId: template.ownerDepartmentId,
          startedById: actor.id,
          startedAt: now,
        }),
      );
      await this.event(manager, instance.id, null, ProcessEventType.Started, actor.id, `${template.name} başlatıldı`, {
        templateVersion: template.version,
        ticketId: instance.ticketId,
      });
      await this.open(manager, instance, 0, 1, now, template.warningRatio);
      return instance.id;
    });
  }

  async complete(instanceId: string, stepId: string, dto: CompleteStepDto, actor: StaffPrincipal): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const instance = await manager.findOne(ProcessInstance, { where: { id: instanceId }, lock: { mode: 'pessimistic_write' } });
      if (!instance) throw processNotFound();
      const steps = await manager.find(ProcessStep, { where: { instanceId }, order: { seq: 'ASC' } });
      assertInstanceVisible(instance, steps, actor);
      const step = steps.find((s) => s.id === stepId);
      if (!step) throw processNotFound();
      if (step.completedAt || instance.status !== ProcessStatus.Running) throw new ProcessException(ProcessErrorCode.StepNotOpen, 'Bu adım zaten tamamlanmış');
      assertMayAct(step, actor);
      const index = instance.definition.findIndex((d) => d.key === step.key);
      const definition = instance.definition[index];
      const outcome = definition.outcomes?.find((o) => o.code === dto.outcome);
      if (definition.outcomes?.length && !outcome) {
        throw new InvalidFieldException(
          'outcome',
          `outcome: bu bir karar adımı; sonuç şunlardan biri olmalı: ${definition.outcomes.map((o) => o.code).join(', ')}`,
        );
      }
      if (!definition.outcomes?.length && dto.outcome) throw new InvalidFieldException('outcome', 'outcome: bu adım bir karar adımı değil');
      const now = this.clock.now();
      await manager.update(
        ProcessStep,
        { id: step.id },
        { completedAt: now, completedById: actor.id, outcome: outcome?.code ?? null, document: dto.document ?? null, note: dto.note ?? null },
      );
      await this.clocks.stop(manager, { subjectType: ClockSubject.ProcessStep, subjectId: step.id }, now);
      const late = now > step.dueAt;
      await this.event(
        manager,
        instance.id,
        step.id,
        ProcessEventType.StepCompleted,
        actor.id,
        `${step.key}. ${step.name}: ${outcome ? outcome.label : 'tamamlandı'}${late ? ' (süresi geçmişti)' : ''}`,
        {
          outcome: outcome?.code ?? null,
          document: dto.document ?? null,
          note: dto.note ?? null,
          late,
        },
      );
      const to = following(instance.definition, index, outcome);
      if ('end' in to) {
        await manager.update(ProcessInstance, { id: instance.id }, { status: END_STATUS[to.end], endedAt: now });
        await this.event(manager, instance.id, null, ProcessEventType.Ended, actor.id, END_TEXT[to.end], { status: END_STATUS[to.end] });
        return;
      }
      const template = await manager.findOneBy(ProcessTemplate, { id: instance.templateId });
      const nextIndex = instance.definition.findIndex((d) => d.key === to.next);
      await this.open(manager, instance, nextIndex, step.seq + 1, now, template?.warningRatio ?? DEFAULT_WARNING_RATIO);
    });
  }

  async assign(instanceId: string, stepId: string, assigneeId: string | null, actor: StaffPrincipal): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const instance = await manager.findOne(ProcessInstance, { where: { id: instanceId }, lock: { mode: 'pessimistic_write' } });
      const steps = instance ? await manager.find(ProcessStep, { where: { instanceId } }) : [];
      assertInstanceVisible(instance, steps, actor);
      const step = steps.find((s) => s.id === stepId && !s.completedAt);
      if (!step) throw new ProcessException(ProcessErrorCode.StepNotOpen, 'Yalnızca açık adım atanabilir');
      assertMayAct(step, actor);
      const user = assigneeId ? await this.users.findActive(manager, assigneeId) : null;
      if (assigneeId && user?.departmentId !== step.departmentId)
        throw new InvalidFieldException('assigneeId', 'assigneeId: adımın birimindeki etkin bir personel olmalı');
      await manager.update(ProcessStep, { id: step.id }, { assigneeId });
      await this.event(
        manager,
        instanceId,
        step.id,
        ProcessEventType.StepAssigned,
        actor.id,
        user ? `${step.key}. adım ${user.fullName} kişisine atandı` : `${step.key}. adımın ataması kaldırıldı`,
        { assigneeId },
      );
    });
  }

  private async open(manager: EntityManager, instance: ProcessInstance, index: number, seq: number, at: Date, warningRatio: number): Promise<void> {
    const definition = instance.definition[index];
    const calendar = await this.calendars.cached(manager);
    const { min, max, unit } = definition.duration;
    const dueAt = addDuration(calendar, at, max, unit);
    const step = await manager.save(
      manager.create(ProcessStep, {
        instanceId: instance.id,
        seq,
        key: definition.key,
        name: definition.name,
        departmentId: definition.departmentId ?? instance.ownerDepartmentId,
        role: definition.role ?? null,
        minAmount: min,
        maxAmount: max,
        unit,
        openedAt: at,
        dueAt,
      }),
    );
    await this.clocks.start(manager, { subjectType: ClockSubject.ProcessStep, subjectId: step.id }, { resolutionUnit: unit, warningRatio }, at, dueAt);
    await this.event(manager, instance.id, step.id, ProcessEventType.StepOpened, null, `${definition.key}. ${definition.name} başladı`, {
      departmentId: step.departmentId,
      actor: definition.actor ?? null,
      referenceDocument: definition.referenceDocument ?? null,
      duration: definition.duration,
      dueAt,
    });
  }

  private async event(
    manager: EntityManager,
    instanceId: string,
    stepId: string | null,
    type: ProcessEventType,
    actorId: string | null,
    body: string,
    data: Record<string, unknown>,
  ): Promise<void> {
    await manager.insert(ProcessEvent, { instanceId, stepId, type, actorId, body, data: data as never, at: this.clock.now() });
  }
}
