import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { DomainException, ErrorKind, ExpiringValue, InvalidFieldException, ResourceNotFoundException } from '@app/common';
import { AuditEntity, StaffPrincipal } from '@app/domain';
import { AuditTrail } from '../audit';
import { DeadlinePolicy } from './deadline-policy.entity';
import { periodRuleOf } from './due-dates';
import { CreateDeadlinePolicyDto, UpdateDeadlinePolicyDto } from './dto/deadline-policy.dto';

export const POLICY_CODE_TAKEN = 'DEADLINE_POLICY_CODE_TAKEN';

@Injectable()
export class DeadlinePoliciesService {
  private readonly all = new ExpiringValue<DeadlinePolicy[]>(30_000);

  constructor(
    @InjectRepository(DeadlinePolicy) private readonly policies: Repository<DeadlinePolicy>,
    private readonly audit: AuditTrail,
  ) {}

  /** Every policy, ordered by code, read through `manager` when the copy kept here is stale. */
  cached(manager: EntityManager): Promise<DeadlinePolicy[]> {
    return this.all.get(() => manager.find(DeadlinePolicy, { order: { code: 'ASC' } }));
  }

  list(): Promise<DeadlinePolicy[]> {
    return this.policies.find({ order: { code: 'ASC' } });
  }

  async require(id: string, field: string): Promise<DeadlinePolicy> {
    const policy = await this.policies.findOneBy({ id });
    if (!policy) throw new InvalidFieldException(field, `${field}: böyle bir süre politikası yok`);
    return policy;
  }

  async create(actor: StaffPrincipal, dto: CreateDeadlinePolicyDto): Promise<DeadlinePolicy> {
    await this.assertCodeFree(dto.code);
    const rule = periodRuleOf(null);
    const defaults = {
      firstResponseAmount: null,
      firstResponseUnit: null,
      warningRatio: 0.75,
      calendarDayEnd: rule.dayEnd,
      extendPastDayOff: rule.extendPastDayOff,
    };
    return this.save(actor, null, this.policies.create({ ...defaults, ...dto }));
  }

  /** Tickets keep the due dates they were given; the edit applies to tickets routed from now on. */
  async update(actor: StaffPrincipal, id: string, dto: UpdateDeadlinePolicyDto): Promise<DeadlinePolicy> {
    const policy = await this.policies.findOneBy({ id });
    if (!policy) throw new ResourceNotFoundException('Süre politikası');
    if (dto.code && dto.code !== policy.code) await this.assertCodeFree(dto.code);
    const before = { ...policy };
    return this.save(actor, before, Object.assign(policy, dto));
  }

  private async save(actor: StaffPrincipal, before: DeadlinePolicy | null, policy: DeadlinePolicy): Promise<DeadlinePolicy> {
    // A PATCH may send null, which the optional DTO fields let through.
    for (const field of ['code', 'name', 'legalBasis', 'resolutionAmount', 'resolutionUnit', 'warningRatio', 'calendarDayEnd', 'extendPastDayOff'] as const) {
      if (policy[field] == null) throw new InvalidFieldException(field, `${field}: boş bırakılamaz`);
    }
    if ((policy.firstResponseAmount == null) !== (policy.firstResponseUnit == null)) {
      const missing = policy.firstResponseAmount == null ? 'firstResponseAmount' : 'firstResponseUnit';
      throw new InvalidFieldException(missing, `${missing}: ilk yanıt süresi miktarı ve birimiyle birlikte verilmeli`);
    }
    const saved = await this.audit.setting(actor, AuditEntity.DeadlinePolicy, before, (manager) => manager.save(policy));
    this.all.invalidate();
    return saved;
  }

  private async assertCodeFree(code: string): Promise<void> {
    if (await this.policies.existsBy({ code })) {
      throw new DomainException(POLICY_CODE_TAKEN, ErrorKind.Conflict, `${code} kodu kullanımda`, [{ field: 'code', message: `code: ${code} kullanımda` }]);
    }
  }
}
