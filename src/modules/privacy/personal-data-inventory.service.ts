import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DESTROYED_KINDS, DestroyedKind, RetentionPeriods } from './retention-periods';
import { NON_PERSONAL_FIELDS } from './inventory/non-personal-fields';
import { PERSONAL_FIELDS } from './inventory/personal-fields';

/** Column types a person's data could be written in: text, JSON, arrays, and the coordinates. */
const HOLDING_TYPES = ['text', 'character varying', 'character', 'jsonb', 'json', 'ARRAY', 'double precision', 'bytea', 'inet'];

interface Column {
  table: string;
  column: string;
  type: string;
}

/**
 * The personal-data inventory (KVKK's "kişisel veri işleme envanteri"), generated from the code:
 * the schema's columns as the database has them, each with its entry in
 * `inventory/personal-fields.ts` — what it is, why, on what basis, for how long — or in
 * `inventory/non-personal-fields.ts`, why it holds none. A column with neither is listed as
 * unclassified, and the inventory test fails on it; so does an entry for a column that is gone.
 */
@Injectable()
export class PersonalDataInventory {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly retention: RetentionPeriods,
  ) {}

  async generate() {
    const columns: Column[] = await this.dataSource.query(
      `SELECT table_name AS "table", column_name AS "column", data_type AS "type" FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> 'migrations' AND data_type = ANY($1) ORDER BY table_name, ordinal_position`,
      [HOLDING_TYPES],
    );
    const key = (c: { table: string; column: string }) => `${c.table}.${c.column}`;
    const types = new Map(columns.map((c) => [key(c), c.type]));
    const classified = new Set([...PERSONAL_FIELDS, ...NON_PERSONAL_FIELDS].map(key));
    return {
      personal: PERSONAL_FIELDS.map((f) => ({
        ...f,
        type: types.get(key(f)) ?? null,
        retention: {
          kind: f.retention,
          days: DESTROYED_KINDS.includes(f.retention as DestroyedKind) ? this.retention.days[f.retention as DestroyedKind] : null,
          basis: this.retention.basis[f.retention as DestroyedKind] ?? null,
        },
      })),
      notPersonal: NON_PERSONAL_FIELDS.map((f) => ({ ...f, type: types.get(key(f)) ?? null })),
      unclassified: columns.filter((c) => !classified.has(key(c))),
      missing: [...PERSONAL_FIELDS, ...NON_PERSONAL_FIELDS].filter((f) => !types.has(key(f))).map(key),
    };
  }
}
