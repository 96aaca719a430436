import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import {
  DomainException,
  ErrorKind,
  ExpiringValue,
  foldTurkish,
  InvalidFieldException,
  ResourceNotFoundException,
  turkishCollator,
  turkishLower,
} from '@app/common';
import { AuditEntity, StaffPrincipal } from '@app/domain';
import { AuditTrail } from '../audit';
import { DepartmentsService } from '../departments';
import { DeadlinePoliciesService } from '../sla';
import { Category } from './category.entity';
import { CreateCategoryDto, UpdateCategoryDto } from './dto/category.dto';
import { normaliseFields } from './fields/field-definitions';
import { Institution } from './institution.entity';

export const CATEGORY_CODE_TAKEN = 'CATEGORY_SERVICE_CODE_TAKEN';

@Injectable()
export class CategoriesService {
  private readonly institutionDirectory = new ExpiringValue<Map<string, Institution>>(60_000);

  constructor(
    @InjectRepository(Category) private readonly categories: Repository<Category>,
    @InjectRepository(Institution) private readonly institutions: Repository<Institution>,
    private readonly departments: DepartmentsService,
    private readonly policies: DeadlinePoliciesService,
    private readonly audit: AuditTrail,
  ) {}

  async list(q?: string): Promise<Category[]> {
    const all = await this.categories.find();
    const needle = q ? foldTurkish(q) : '';
    return all
      .filter((c) => !needle || [c.name, c.serviceCode, ...c.keywords].some((t) => foldTurkish(t).includes(needle)))
      .sort((a, b) => turkishCollator.compare(a.name, b.name));
  }

  async get(id: string): Promise<Category> {
    const category = await this.categories.findOneBy({ id });
    if (!category) throw new ResourceNotFoundException('Kategori');
    return category;
  }

  async requireActive(id: string, field: string): Promise<Category> {
    const category = await this.categories.findOneBy({ id, active: true });
    if (!category) throw new InvalidFieldException(field, `${field}: böyle bir kategori yok`);
    return category;
  }

  /** Every active category (the categoriser's vocabulary). */
  listActive(): Promise<Category[]> {
    return this.categories.findBy({ active: true });
  }

  /** A category read on the caller's transaction (a ticket being routed). */
  find(manager: EntityManager, id: string): Promise<Category | null> {
    return manager.findOneBy(Category, { id });
  }

  /**
   * An institution a ticket is referred to, kept in memory like the other reference data intake
   * reads for every ticket (a referral was a query of its own: one ticket in eight in the
   * benchmark). Institutions are only ever added (the municipality file): one not known yet is
   * read again at once, on the caller's transaction.
   */
  async institution(manager: EntityManager, id: string): Promise<Institution | null> {
    const load = async () => new Map((await manager.find(Institution)).map((i) => [i.id, i]));
    const known = (await this.institutionDirectory.get(load)).get(id);
    if (known) return known;
    this.institutionDirectory.invalidate();
    return (await this.institutionDirectory.get(load)).get(id) ?? null;
  }

  listInstitutions(): Promise<Institution[]> {
    return this.institutions.find({ order: { name: 'ASC' } });
  }

  findInstitution(id: string): Promise<Institution | null> {
    return this.institutions.findOneBy({ id });
  }

  async create(actor: StaffPrincipal, dto: CreateCategoryDto): Promise<Category> {
    await this.assertCodeFree(dto.serviceCode);
    const category = this.categories.create({ ...dto, keywords: normaliseKeywords(dto.keywords ?? []), fields: normaliseFields(dto.fields ?? []) });
    await this.checkReferences(category);
    return this.audit.setting(actor, AuditEntity.Category, null, (manager) => manager.save(category));
  }

  async update(actor: StaffPrincipal, id: string, dto: UpdateCategoryDto): Promise<Category> {
    const category = await this.get(id);
    const before = { ...category };
    if (dto.serviceCode && dto.serviceCode !== category.serviceCode) await this.assertCodeFree(dto.serviceCode);
    Object.assign(category, dto, dto.keywords ? { keywords: normaliseKeywords(dto.keywords) } : {}, dto.fields ? { fields: normaliseFields(dto.fields) } : {});
    await this.checkReferences(category);
    return this.audit.setting(actor, AuditEntity.Category, before, (manager) => manager.save(category));
  }

  /** A category is answered by one department or referred to one institution — exactly one. */
  private async checkReferences(category: Category): Promise<void> {
    if (!category.defaultDepartmentId === !category.referToInstitutionId) {
      throw new InvalidFieldException('defaultDepartmentId', 'defaultDepartmentId: bir birim ya da (yalnızca) bir yönlendirme kurumu seçin');
    }
    if (category.defaultDepartmentId) await this.departments.requireActive(category.defaultDepartmentId, 'defaultDepartmentId');
    if (category.referToInstitutionId && !(await this.findInstitution(category.referToInstitutionId))) {
      throw new InvalidFieldException('referToInstitutionId', 'referToInstitutionId: böyle bir kurum yok');
    }
    if (category.deadlinePolicyId) await this.policies.require(category.deadlinePolicyId, 'deadlinePolicyId');
  }

  private async assertCodeFree(serviceCode: string): Promise<void> {
    if (await this.categories.existsBy({ serviceCode })) {
      throw new DomainException(CATEGORY_CODE_TAKEN, ErrorKind.Conflict, `${serviceCode} kodu kullanımda`);
    }
  }
}

function normaliseKeywords(keywords: string[]): string[] {
  return [...new Set(keywords.map((k) => turkishLower(k.trim())).filter(Boolean))];
}
