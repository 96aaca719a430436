import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DataSource, EntityManager, ObjectLiteral } from 'typeorm';
import { AppConfig } from '@app/config';
import { flattenValidationErrors } from '@app/common';
import { TicketPriority } from '@app/domain';
import { hashPassword, User } from '../auth';
import { Category, Institution } from '../categories';
import { Department, DepartmentLevel } from '../departments';
import { Mahalle } from '../neighbourhoods';
import { DeadlinePolicy } from '../sla';
import { MunicipalityFile } from './municipality-file';

const LEVEL_ORDER = [DepartmentLevel.Baskanlik, DepartmentLevel.BaskanYardimciligi, DepartmentLevel.Mudurluk];
const SEED_LOCK = 424_242;

/**
 * Loads the municipality's data file on start. Only rows whose code is missing are inserted,
 * so a second start (or a second process) adds nothing, and edits made in the app survive.
 */
@Injectable()
export class DefaultMunicipalityLoader implements OnApplicationBootstrap {
  private readonly logger = new Logger(DefaultMunicipalityLoader.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const inserted = await this.load(resolve(this.config.MUNICIPALITY_FILE));
    this.logger.log({ msg: 'municipality data loaded', inserted });
  }

  async load(path: string): Promise<number> {
    const file = readMunicipalityFile(path);
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
      let inserted = 0;
      const departments = new Map<string, string>();
      for (const level of LEVEL_ORDER) {
        for (const d of file.departments.filter((x) => x.level === level)) {
          const parentId = d.parent ? departments.get(d.parent) : null;
          if (d.parent && !parentId) throw new Error(`${path}: department ${d.code} has unknown parent ${d.parent}`);
          const row = {
            code: d.code,
            name: d.name,
            level,
            parentId,
            email: d.email ?? null,
            phone: d.phone ?? null,
            escalationContacts: d.escalationContacts ?? [],
          };
          const [id, added] = await insertMissing(manager, Department, 'code', row);
          departments.set(d.code, id);
          inserted += added;
        }
      }
      const institutions = new Map<string, string>();
      for (const i of file.institutions) {
        const [id, added] = await insertMissing(manager, Institution, 'code', {
          code: i.code,
          name: i.name,
          phone: i.phone ?? null,
          website: i.website ?? null,
        });
        institutions.set(i.code, id);
        inserted += added;
      }
      const policies = new Map<string, string>();
      for (const p of file.deadlinePolicies) {
        const [id, added] = await insertMissing(manager, DeadlinePolicy, 'code', {
          code: p.code,
          name: p.name,
          legalBasis: p.legalBasis,
          firstResponseAmount: p.firstResponse?.amount ?? null,
          firstResponseUnit: p.firstResponse?.unit ?? null,
          resolutionAmount: p.resolution.amount,
          resolutionUnit: p.resolution.unit,
          warningRatio: p.warningRatio ?? 0.75,
          ...(p.calendarDayEnd ? { calendarDayEnd: p.calendarDayEnd } : {}),
          ...(p.extendPastDayOff !== undefined ? { extendPastDayOff: p.extendPastDayOff } : {}),
        });
        policies.set(p.code, id);
        inserted += added;
      }
      for (const c of file.categories) {
        const lookup = (map: Map<string, string>, code: string | null | undefined, what: string) => {
          if (!code) return null;
          const id = map.get(code);
          if (!id) throw new Error(`${path}: category ${c.serviceCode} names unknown ${what} ${code}`);
          return id;
        };
        inserted += (
          await insertMissing(manager, Category, 'serviceCode', {
            serviceCode: c.serviceCode,
            name: c.name,
            kind: c.kind,
            defaultDepartmentId: lookup(departments, c.department, 'department'),
            referToInstitutionId: lookup(institutions, c.referTo, 'institution'),
            deadlinePolicyId: lookup(policies, c.deadlinePolicy, 'deadline policy'),
            defaultPriority: c.priority ?? TicketPriority.Normal,
            keywords: c.keywords.map((k) => k.toLocaleLowerCase('tr-TR')),
          })
        )[1];
      }
      for (const m of file.mahalleler) {
        inserted += (
          await insertMissing(manager, Mahalle, 'code', {
            code: m.code,
            name: m.name,
            muhtarName: m.muhtar?.name ?? null,
            muhtarPhone: m.muhtar?.phone ?? null,
          })
        )[1];
      }
      if (this.config.SEED_DEMO_USERS && this.config.NODE_ENV !== 'production') {
        for (const u of file.demoUsers ?? []) {
          if (await manager.existsBy(User, { username: u.username })) continue;
          const departmentId = u.department ? (departments.get(u.department) ?? null) : null;
          await manager.insert(User, { username: u.username, fullName: u.fullName, role: u.role, departmentId, passwordHash: await hashPassword(u.password) });
          inserted += 1;
        }
      }
      return inserted;
    });
  }
}

export function readMunicipalityFile(path: string): MunicipalityFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`MUNICIPALITY_FILE: cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
  const file = plainToInstance(MunicipalityFile, raw);
  const errors = validateSync(file);
  if (errors.length) {
    const problems = flattenValidationErrors(errors).map((d) => `${d.field}: ${d.message}`);
    throw new Error(`MUNICIPALITY_FILE: ${path} is invalid:\n  ${problems.slice(0, 20).join('\n  ')}`);
  }
  return file;
}

/** Returns the row's id and 1 if it was inserted now, 0 if it was already there. */
async function insertMissing<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: new () => T,
  key: keyof T & string,
  row: Partial<T>,
): Promise<[string, number]> {
  const existing = await manager.findOne(entity, { where: { [key]: row[key] } as never, select: { id: true } as never });
  if (existing) return [(existing as unknown as { id: string }).id, 0];
  const result = await manager.insert(entity, row as never);
  return [result.identifiers[0].id as string, 1];
}
