import { Injectable } from '@nestjs/common';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsIn, IsNumber, IsObject, IsOptional, IsString, Max, Min, ValidateNested, validateSync } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppConfig } from '@app/config';
import { flattenValidationErrors } from '@app/common';

export const MUHTAR_INDICATOR_CODES = ['PG7.4.1', 'PG7.4.2', 'PG7.4.3', 'PG7.4.4', 'PG7.4.5'] as const;
export type MuhtarIndicatorCode = (typeof MUHTAR_INDICATOR_CODES)[number];

/** A plan period's key: a year (`2020`) or a half (`2019-H2`). */
const PERIOD_KEY = /^(\d{4})(?:-H([12]))?$/;

class PlanIndicator {
  @IsIn(MUHTAR_INDICATOR_CODES) code: MuhtarIndicatorCode;
  @IsOptional() @IsString() name?: string;
  /** Its share of the goal's score, in percent ("Hedefe Etkisi"). */
  @IsNumber() @Min(0) @Max(100) weight: number;
  /** The target of each plan period: `{"2019-H2": 37, "2020": 111, …}`. */
  @IsObject() targets: Record<string, number>;
}

class PlanSection {
  @IsOptional() @IsString() basis?: string;
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => PlanIndicator) indicators: PlanIndicator[];
}

interface Span {
  key: string;
  from: number;
  to: number;
  days: number;
  target: number;
}

export interface PlanTarget {
  weight: number;
  /** The target of the plan period holding the report's last day (a year's, or 2019 H2's). */
  target: number;
  /** Which plan period that is, and whether it was carried past the plan's last period. */
  planPeriod: string;
  carried: boolean;
  /** Counts: the target's share due in the report's days, day by day across plan periods. */
  forDays: number;
}

const DAY = 86_400_000;
const utc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/**
 * The Muhtarlık İşleri strategic plan (H7.4) as the municipality's data file states it:
 * `muhtarPlan.indicators[]` with each indicator's weight and its target per plan period.
 */
@Injectable()
export class MuhtarPlan {
  readonly basis: string | null;
  private readonly spans = new Map<MuhtarIndicatorCode, { weight: number; spans: Span[] }>();

  constructor(config: AppConfig) {
    const path = resolve(config.MUNICIPALITY_FILE);
    const raw = (JSON.parse(readFileSync(path, 'utf8')) as { muhtarPlan?: unknown }).muhtarPlan;
    const section = plainToInstance(PlanSection, raw ?? {});
    const errors = validateSync(section);
    const problems = flattenValidationErrors(errors).map((d) => `muhtarPlan.${d.field}: ${d.message}`);
    for (const code of MUHTAR_INDICATOR_CODES) if (!section.indicators?.some((i) => i.code === code)) problems.push(`muhtarPlan.indicators: ${code} eksik`);
    for (const i of section.indicators ?? []) {
      for (const [key, target] of Object.entries(i.targets ?? {})) {
        if (!PERIOD_KEY.test(key) || typeof target !== 'number')
          problems.push(`muhtarPlan.indicators[${i.code}].targets.${key}: "2020" ya da "2019-H2" ve bir sayı olmalı`);
      }
    }
    if (problems.length) throw new Error(`MUNICIPALITY_FILE: ${path} is invalid:\n  ${problems.join('\n  ')}`);
    this.basis = section.basis ?? null;
    for (const i of section.indicators) {
      const spans = Object.entries(i.targets)
        .map(([key, target]) => span(key, target))
        .sort((a, b) => a.from - b.from);
      this.spans.set(i.code, { weight: i.weight, spans });
    }
  }

  /** The target of `code` for the report period `from`..`to` (Istanbul dates, both included). */
  target(code: MuhtarIndicatorCode, from: string, to: string): PlanTarget {
    const { weight, spans } = this.spans.get(code)!;
    const at = (day: number) => {
      const inside = spans.find((s) => s.from <= day && day <= s.to);
      if (inside) return { span: inside, carried: false };
      const before = spans.filter((s) => s.to < day);
      return { span: before.length ? before[before.length - 1] : spans[0], carried: true };
    };
    let forDays = 0;
    for (let day = utc(from); day <= utc(to); day += DAY) {
      const { span } = at(day);
      forDays += span.target / span.days;
    }
    const last = at(utc(to));
    return { weight, target: last.span.target, planPeriod: last.span.key, carried: last.carried, forDays: Math.round(forDays * 10) / 10 };
  }
}

function span(key: string, target: number): Span {
  const [, year, half] = PERIOD_KEY.exec(key)!;
  const from = utc(half === '2' ? `${year}-07-01` : `${year}-01-01`);
  const to = utc(half === '1' ? `${year}-06-30` : `${year}-12-31`);
  return { key, from, to, days: Math.round((to - from) / DAY) + 1, target };
}
