import { Injectable } from '@nestjs/common';
import { plainToInstance, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min, ValidateNested, validateSync } from 'class-validator';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { flattenValidationErrors } from '@app/common';
import { AppConfig } from '@app/config';
import { RetentionKind } from './inventory/inventory-types';

/** The kinds the periodic destruction takes care of (staff and office holders follow other rules). */
export const DESTROYED_KINDS = [
  RetentionKind.Applications,
  RetentionKind.Calls,
  RetentionKind.RawMessages,
  RetentionKind.AccessLog,
  RetentionKind.AuditLog,
  RetentionKind.Appointments,
] as const;
export type DestroyedKind = (typeof DESTROYED_KINDS)[number];

/**
 * Defaults when the municipality file says nothing: its own "saklama ve imha politikası" should.
 * Applications ten years after closing (the archives keep petitions long; the file should say
 * how long theirs do), calls and appointments two years, raw provider payloads six months, the
 * access log and the audit log three years (as long as the Yönetmelik keeps erasure records).
 */
export const DEFAULT_RETENTION_DAYS: Record<DestroyedKind, number> = {
  [RetentionKind.Applications]: 3650,
  [RetentionKind.Calls]: 730,
  [RetentionKind.RawMessages]: 180,
  [RetentionKind.AccessLog]: 1095,
  [RetentionKind.AuditLog]: 1095,
  [RetentionKind.Appointments]: 730,
};

class Period {
  @IsInt()
  @Min(1)
  @Max(36_500)
  days: number;

  /** Why this long (the rule or policy that sets it), for the inventory. */
  @IsOptional()
  @IsString()
  basis?: string;
}

class RetentionSection {
  @IsOptional() @ValidateNested() @Type(() => Period) applications?: Period;
  @IsOptional() @ValidateNested() @Type(() => Period) calls?: Period;
  @IsOptional() @ValidateNested() @Type(() => Period) rawMessages?: Period;
  @IsOptional() @ValidateNested() @Type(() => Period) accessLog?: Period;
  @IsOptional() @ValidateNested() @Type(() => Period) auditLog?: Period;
  @IsOptional() @ValidateNested() @Type(() => Period) appointments?: Period;
}

/** The retention periods of the municipality file's `personalDataRetention` section, read once; a bad one stops boot. */
@Injectable()
export class RetentionPeriods {
  readonly days: Record<DestroyedKind, number>;
  readonly basis: Partial<Record<DestroyedKind, string>> = {};

  constructor(config: AppConfig) {
    const path = resolve(config.MUNICIPALITY_FILE);
    const raw = (JSON.parse(readFileSync(path, 'utf8')) as { personalDataRetention?: unknown }).personalDataRetention ?? {};
    const section = plainToInstance(RetentionSection, raw);
    const errors = validateSync(section);
    if (errors.length) {
      const problems = flattenValidationErrors(errors).map((d) => `personalDataRetention.${d.field}: ${d.message}`);
      throw new Error(`MUNICIPALITY_FILE: ${path} is invalid:\n  ${problems.join('\n  ')}`);
    }
    this.days = { ...DEFAULT_RETENTION_DAYS };
    for (const kind of DESTROYED_KINDS) {
      const period = section[kind];
      if (period) this.days[kind] = period.days;
      if (period?.basis) this.basis[kind] = period.basis;
    }
  }
}
