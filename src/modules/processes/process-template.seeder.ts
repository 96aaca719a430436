import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DepartmentsService } from '../departments';
import { parseChartDuration } from './chart-duration';
import { StepDefinition } from './process-definition';
import { DEFAULT_WARNING_RATIO, ProcessTemplate } from './process-template.entity';
import { SHIPPED_TEMPLATES, ShippedTemplate } from './sister-city.template';
import { validateTemplate } from './template-validation';

const SEED_LOCK = 424_243;

/**
 * Adds the shipped templates on start when their code is missing, after the municipality file
 * has loaded the departments (this module imports that one, so its bootstrap runs first). An
 * edited template is left as the admin made it.
 */
@Injectable()
export class ProcessTemplateSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(ProcessTemplateSeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly departments: DepartmentsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const shipped of SHIPPED_TEMPLATES) await this.seed(shipped);
  }

  async seed(shipped: ShippedTemplate): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
      if (await manager.existsBy(ProcessTemplate, { code: shipped.code })) return false;
      const codes = [shipped.ownerDepartment, ...shipped.steps.map((s) => s.department)];
      const departments = await this.departments.idsByCode(manager, codes);
      const missing = codes.filter((c) => !departments.has(c));
      if (missing.length) {
        this.logger.warn({ msg: 'shipped process template skipped: departments missing', template: shipped.code, missing: [...new Set(missing)] });
        return false;
      }
      const steps: StepDefinition[] = shipped.steps.map((s) => ({
        key: s.key,
        name: s.name,
        departmentId: departments.get(s.department)!,
        role: null,
        actor: s.actor ?? null,
        referenceDocument: s.referenceDocument,
        duration: parseChartDuration(s.duration),
        next: null,
        outcomes: s.outcomes?.map((o) => ({ code: o.code, label: o.label, next: o.next ?? null, end: o.end ?? null })) ?? null,
      }));
      const problems = validateTemplate(steps);
      if (problems.length) throw new Error(`shipped template ${shipped.code} is invalid: ${problems.map((p) => p.message).join('; ')}`);
      await manager.insert(ProcessTemplate, {
        code: shipped.code,
        name: shipped.name,
        description: shipped.description,
        ownerDepartmentId: departments.get(shipped.ownerDepartment)!,
        targetOnTimeRatio: shipped.targetOnTimeRatio,
        warningRatio: DEFAULT_WARNING_RATIO,
        steps,
      });
      return true;
    });
  }
}
