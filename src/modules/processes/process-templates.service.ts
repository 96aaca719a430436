import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ErrorDetail, ValidationFailedException } from '@app/common';
import { DepartmentsService } from '../departments';
import { ProcessTemplateDto, StepDefinitionDto } from './dto/process-template.dto';
import { StepDefinition } from './process-definition';
import { isUniqueViolation, ProcessErrorCode, ProcessException, templateNotFound } from './process-errors';
import { DEFAULT_TARGET_ON_TIME_RATIO, DEFAULT_WARNING_RATIO, ProcessTemplate } from './process-template.entity';
import { validateTemplate } from './template-validation';

/** Admins define processes here; every edit is checked as a whole and makes a new version. */
@Injectable()
export class ProcessTemplates {
  constructor(
    @InjectRepository(ProcessTemplate) private readonly templates: Repository<ProcessTemplate>,
    private readonly departments: DepartmentsService,
  ) {}

  list(): Promise<ProcessTemplate[]> {
    return this.templates.find({ order: { name: 'ASC' } });
  }

  async get(id: string): Promise<ProcessTemplate> {
    const template = await this.templates.findOneBy({ id });
    if (!template) throw templateNotFound();
    return template;
  }

  async create(dto: ProcessTemplateDto): Promise<ProcessTemplate> {
    const fields = await this.checked(dto);
    try {
      return await this.templates.save(
        this.templates.create({ targetOnTimeRatio: DEFAULT_TARGET_ON_TIME_RATIO, warningRatio: DEFAULT_WARNING_RATIO, ...fields }),
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw codeTaken(dto.code);
      throw error;
    }
  }

  async update(id: string, dto: ProcessTemplateDto): Promise<ProcessTemplate> {
    const template = await this.get(id);
    const fields = await this.checked(dto);
    try {
      return await this.templates.save(Object.assign(template, fields, { version: template.version + 1 }));
    } catch (error) {
      if (isUniqueViolation(error)) throw codeTaken(dto.code);
      throw error;
    }
  }

  private async checked(dto: ProcessTemplateDto): Promise<Partial<ProcessTemplate>> {
    const steps = dto.steps.map(toDefinition);
    const problems: ErrorDetail[] = validateTemplate(steps);
    const named = [dto.ownerDepartmentId, ...steps.map((s) => s.departmentId)].filter((id): id is string => !!id);
    const known = await this.departments.activeIds(named);
    if (!known.has(dto.ownerDepartmentId)) problems.push({ field: 'ownerDepartmentId', message: 'ownerDepartmentId: böyle bir birim yok' });
    steps.forEach((s, i) => {
      if (s.departmentId && !known.has(s.departmentId))
        problems.push({ field: `steps.${i}.departmentId`, message: `steps.${i}.departmentId: böyle bir birim yok` });
    });
    if (problems.length) throw new ValidationFailedException(problems);
    return {
      code: dto.code,
      name: dto.name,
      description: dto.description ?? null,
      ownerDepartmentId: dto.ownerDepartmentId,
      steps,
      ...(dto.targetOnTimeRatio !== undefined ? { targetOnTimeRatio: dto.targetOnTimeRatio } : {}),
      ...(dto.warningRatio !== undefined ? { warningRatio: dto.warningRatio } : {}),
      ...(dto.active !== undefined ? { active: dto.active } : {}),
    };
  }
}

function toDefinition(dto: StepDefinitionDto): StepDefinition {
  return {
    key: dto.key,
    name: dto.name,
    departmentId: dto.departmentId ?? null,
    role: dto.role ?? null,
    actor: dto.actor ?? null,
    referenceDocument: dto.referenceDocument ?? null,
    duration: { min: dto.duration.min ?? dto.duration.max, max: dto.duration.max, unit: dto.duration.unit },
    next: dto.next ?? null,
    outcomes: dto.outcomes?.map((o) => ({ code: o.code, label: o.label, next: o.next ?? null, end: o.end ?? null })) ?? null,
  };
}

function codeTaken(code: string): ProcessException {
  return new ProcessException(ProcessErrorCode.TemplateCodeTaken, `${code} kodlu bir süreç şablonu zaten var`, [
    { field: 'code', message: `code: ${code} kullanılıyor` },
  ]);
}
