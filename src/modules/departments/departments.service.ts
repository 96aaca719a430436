import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { ExpiringValue, InvalidFieldException, ResourceNotFoundException, turkishCollator } from '@app/common';
import { AuditEntity, StaffPrincipal } from '@app/domain';
import { AuditTrail } from '../audit';
import { BacklogSignals } from './backlog-signals';
import { Department, PARENT_LEVEL } from './department.entity';
import { CreateDepartmentDto, UpdateDepartmentDto } from './dto/department.dto';
import { DepartmentErrorCode, DepartmentException } from './department-errors';

@Injectable()
export class DepartmentsService {
  private readonly directory = new ExpiringValue<Map<string, Department>>(30_000);

  constructor(
    @InjectRepository(Department) private readonly departments: Repository<Department>,
    private readonly backlog: BacklogSignals,
    private readonly audit: AuditTrail,
  ) {}

  async list(): Promise<Department[]> {
    const all = await this.departments.find();
    return all.sort((a, b) => turkishCollator.compare(a.name, b.name));
  }

  async get(id: string): Promise<Department> {
    const department = await this.departments.findOneBy({ id });
    if (!department) throw new ResourceNotFoundException('Birim');
    return department;
  }

  /** For routing, on every ticket: a copy kept for a while, read through `manager` when stale. */
  async cached(manager: EntityManager, id: string): Promise<Department | null> {
    const all = await this.directory.get(async () => new Map((await manager.find(Department)).map((d) => [d.id, d])));
    return all.get(id) ?? null;
  }

  /** Locks the department's row for the caller's transaction: one backlog hand-out per department at a time. */
  lockForHandOut(manager: EntityManager, id: string): Promise<Department | null> {
    return manager.findOne(Department, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Department ids by code (the shipped process templates name units by code). */
  async idsByCode(manager: EntityManager, codes: string[]): Promise<Map<string, string>> {
    return new Map((await manager.findBy(Department, { code: In(codes) })).map((d) => [d.code, d.id]));
  }

  /** Which of these ids are active departments. */
  async activeIds(ids: string[]): Promise<Set<string>> {
    return new Set((await this.departments.findBy({ id: In(ids), active: true })).map((d) => d.id));
  }

  /** For references from other contexts: a missing id is the caller's bad field. */
  async requireActive(id: string, field: string): Promise<Department> {
    const department = await this.departments.findOneBy({ id, active: true });
    if (!department) throw new InvalidFieldException(field, `${field}: böyle bir birim yok`);
    return department;
  }

  async create(actor: StaffPrincipal, dto: CreateDepartmentDto): Promise<Department> {
    if (await this.departments.existsBy({ code: dto.code })) {
      throw new DepartmentException(DepartmentErrorCode.CodeTaken, `${dto.code} kodu kullanımda`);
    }
    const department = this.departments.create({ ...dto, parentId: dto.parentId ?? null });
    await this.checkParent(department);
    const saved = await this.audit.setting(actor, AuditEntity.Department, null, (manager) => manager.save(department));
    this.directory.invalidate();
    return saved;
  }

  async update(actor: StaffPrincipal, id: string, dto: UpdateDepartmentDto): Promise<Department> {
    const department = await this.get(id);
    const before = { ...department };
    if (dto.code && dto.code !== department.code && (await this.departments.existsBy({ code: dto.code }))) {
      throw new DepartmentException(DepartmentErrorCode.CodeTaken, `${dto.code} kodu kullanımda`);
    }
    Object.assign(department, dto);
    await this.checkParent(department);
    const saved = await this.audit.setting(actor, AuditEntity.Department, before, (manager) => manager.save(department));
    this.directory.invalidate();
    // Switched on, or a higher cap: waiting tickets may now have someone to go to.
    if (saved.autoAssign && saved.active) await this.backlog.roomIn(saved.id);
    return saved;
  }

  /** The hierarchy is enforced by level, which also rules out cycles. */
  private async checkParent(department: Department): Promise<void> {
    const wanted = PARENT_LEVEL[department.level];
    if (!wanted) {
      if (department.parentId) throw new InvalidFieldException('parentId', 'parentId: başkanlığın üst birimi olamaz');
      return;
    }
    const parent = department.parentId ? await this.departments.findOneBy({ id: department.parentId }) : null;
    if (!parent || parent.level !== wanted) {
      throw new InvalidFieldException('parentId', `parentId: ${department.level} biriminin üstü bir ${wanted} olmalı`);
    }
  }
}
