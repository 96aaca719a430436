import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Clock, foldTurkish, ForbiddenActionException, ResourceNotFoundException, turkishCollator } from '@app/common';
import { AuditEntity, departmentScope, Role, StaffPrincipal } from '@app/domain';
import { AuditTrail } from '../audit';
import { DepartmentsService } from '../departments';
import { TicketQueries } from '../tickets';
import { CannedAnswer } from './canned-answer.entity';
import { CannedAnswerQueryDto, CreateCannedAnswerDto, UpdateCannedAnswerDto } from './dto/canned-answer.dto';
import { checkPlaceholders, fillPlaceholders, valuesFor } from './placeholders';

export interface CannedAnswerView {
  id: string;
  title: string;
  body: string;
  department: { id: string; name: string } | null;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * Hazır yanıtlar. A department's are read by its own staff (and the call centre); the global ones
 * (no department) by everyone. Department managers keep their department's; supervisors and admins
 * any, the global ones too.
 */
@Injectable()
export class CannedAnswers {
  constructor(
    @InjectRepository(CannedAnswer) private readonly answers: Repository<CannedAnswer>,
    private readonly departments: DepartmentsService,
    private readonly tickets: TicketQueries,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  async list(user: StaffPrincipal, query: CannedAnswerQueryDto): Promise<CannedAnswerView[]> {
    const scope = departmentScope(user);
    const qb = this.answers.createQueryBuilder('a').leftJoinAndSelect('a.department', 'department');
    if (scope !== undefined) qb.andWhere('(a.department_id IS NULL OR a.department_id = :scope)', { scope });
    if (query.departmentId) qb.andWhere('(a.department_id IS NULL OR a.department_id = :departmentId)', { departmentId: query.departmentId });
    let rows = await qb.getMany();
    if (query.q) {
      const words = foldTurkish(query.q);
      rows = rows.filter((a) => foldTurkish(`${a.title} ${a.body}`).includes(words));
    }
    rows.sort((a, b) => Number(a.departmentId === null) - Number(b.departmentId === null) || turkishCollator.compare(a.title, b.title));
    return rows.map(viewOf);
  }

  async create(user: StaffPrincipal, dto: CreateCannedAnswerDto): Promise<CannedAnswerView> {
    const departmentId = dto.departmentId ?? null;
    await this.assertMayManage(user, departmentId);
    checkPlaceholders('body', dto.body);
    const saved = await this.audit.setting(user, AuditEntity.CannedAnswer, null, (manager) =>
      manager.save(this.answers.create({ title: dto.title, body: dto.body, departmentId, createdById: user.id })),
    );
    return viewOf(await this.load(saved.id));
  }

  async update(user: StaffPrincipal, id: string, dto: UpdateCannedAnswerDto): Promise<CannedAnswerView> {
    const answer = await this.visible(user, id);
    await this.assertMayManage(user, answer.departmentId);
    if (dto.departmentId !== undefined) await this.assertMayManage(user, dto.departmentId);
    if (dto.body !== undefined) checkPlaceholders('body', dto.body);
    const patch: Partial<CannedAnswer> = {};
    if (dto.title !== undefined) patch.title = dto.title;
    if (dto.body !== undefined) patch.body = dto.body;
    if (dto.departmentId !== undefined) patch.departmentId = dto.departmentId;
    if (Object.keys(patch).length) {
      await this.audit.setting(user, AuditEntity.CannedAnswer, { ...answer }, async (manager) => {
        await manager.update(CannedAnswer, { id }, patch);
        return manager.findOneByOrFail(CannedAnswer, { id });
      });
    }
    return viewOf(await this.load(id));
  }

  async remove(user: StaffPrincipal, id: string): Promise<void> {
    const answer = await this.visible(user, id);
    await this.assertMayManage(user, answer.departmentId);
    await this.audit.setting(user, AuditEntity.CannedAnswer, { ...answer }, async (manager) => {
      await manager.delete(CannedAnswer, { id });
      return null;
    });
  }

  /** The answer's text for one ticket the user may read; an ihbar's informant stays unnamed. */
  async render(user: StaffPrincipal, id: string, ticketId: string): Promise<{ text: string }> {
    const answer = await this.visible(user, id);
    const ticket = await this.tickets.getVisible(user, ticketId);
    const text = fillPlaceholders(answer.body, valuesFor(ticket, this.clock.now()));
    return { text };
  }

  /** A department's answers are another department's business not at all: 404, as if absent. */
  private async visible(user: StaffPrincipal, id: string): Promise<CannedAnswer> {
    const answer = await this.answers.findOneBy({ id });
    const scope = departmentScope(user);
    if (!answer || (scope !== undefined && answer.departmentId !== null && answer.departmentId !== scope)) throw new ResourceNotFoundException('Hazır yanıt');
    return answer;
  }

  private async assertMayManage(user: StaffPrincipal, departmentId: string | null): Promise<void> {
    const any = user.role === Role.Admin || user.role === Role.Supervisor;
    if (!any && (user.role !== Role.DepartmentManager || departmentId === null || departmentId !== user.departmentId)) {
      throw new ForbiddenActionException(
        departmentId === null
          ? 'Ortak hazır yanıtları yalnızca çağrı merkezi sorumlusu yönetebilir'
          : 'Yalnızca kendi biriminizin hazır yanıtlarını yönetebilirsiniz',
      );
    }
    if (departmentId !== null) await this.departments.requireActive(departmentId, 'departmentId');
  }

  private async load(id: string): Promise<CannedAnswer> {
    return (await this.answers.findOne({ where: { id }, relations: { department: true } }))!;
  }
}

function viewOf(a: CannedAnswer): CannedAnswerView {
  return {
    id: a.id,
    title: a.title,
    body: a.body,
    department: a.department ? { id: a.department.id, name: a.department.name } : null,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}
