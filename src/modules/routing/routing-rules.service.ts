import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { InvalidFieldException, ResourceNotFoundException } from '@app/common';
import { AuditEntity, StaffPrincipal } from '@app/domain';
import { AuditTrail } from '../audit';
import { CategoriesService } from '../categories';
import { DepartmentsService } from '../departments';
import { NeighbourhoodsService } from '../neighbourhoods';
import { CreateRoutingRuleDto, UpdateRoutingRuleDto } from './dto/routing-rule.dto';
import { RoutingRule } from './routing-rule.entity';
import { TicketRouter } from './ticket-router.service';

/** Admins' exceptions to the category → department map, for a mahalle and/or a kind. */
@Injectable()
export class RoutingRulesService {
  constructor(
    @InjectRepository(RoutingRule) private readonly rules: Repository<RoutingRule>,
    private readonly categories: CategoriesService,
    private readonly mahalleler: NeighbourhoodsService,
    private readonly departments: DepartmentsService,
    private readonly router: TicketRouter,
    private readonly audit: AuditTrail,
  ) {}

  list(): Promise<RoutingRule[]> {
    return this.rules.find({ order: { createdAt: 'ASC' } });
  }

  async create(actor: StaffPrincipal, dto: CreateRoutingRuleDto): Promise<RoutingRule> {
    const rule = this.rules.create({ categoryId: null, mahalleId: null, kind: null, active: true, ...dto });
    return this.save(actor, null, rule);
  }

  async update(actor: StaffPrincipal, id: string, dto: UpdateRoutingRuleDto): Promise<RoutingRule> {
    const rule = await this.get(id);
    const before = { ...rule };
    return this.save(actor, before, Object.assign(rule, dto));
  }

  async remove(actor: StaffPrincipal, id: string): Promise<void> {
    const rule = await this.get(id);
    await this.audit.setting(actor, AuditEntity.RoutingRule, { ...rule }, async (manager) => {
      await manager.remove(rule);
      return null;
    });
    this.router.rulesChanged();
  }

  private async get(id: string): Promise<RoutingRule> {
    const rule = await this.rules.findOneBy({ id });
    if (!rule) throw new ResourceNotFoundException('Yönlendirme kuralı');
    return rule;
  }

  private async save(actor: StaffPrincipal, before: RoutingRule | null, rule: RoutingRule): Promise<RoutingRule> {
    if (!rule.categoryId && !rule.mahalleId && !rule.kind) {
      throw new InvalidFieldException('categoryId', 'categoryId: kural en az bir kategori, mahalle ya da başvuru türüne bağlanmalı');
    }
    if (rule.categoryId) await this.categories.requireActive(rule.categoryId, 'categoryId');
    if (rule.mahalleId) await this.mahalleler.requireActive(rule.mahalleId, 'mahalleId');
    await this.departments.requireActive(rule.departmentId, 'departmentId');
    const saved = await this.audit.setting(actor, AuditEntity.RoutingRule, before, (manager) => manager.save(rule));
    this.router.rulesChanged();
    return saved;
  }
}
