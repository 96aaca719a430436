import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '@app/common';
import { searchTextOf } from '../tickets';
import { CITIZEN_ROWS, RowScope } from './citizen-rows';
import { PersonalField } from './inventory/inventory-types';
import { PERSONAL_FIELDS } from './inventory/personal-fields';
import { matchersFor, PersonValues, redactJson, redactText } from './redaction';

const PLACEHOLDER = '(silindi)';

export interface ErasureResult {
  /** Rows rewritten or deleted, per table. */
  rows: Record<string, number>;
  /** Stored files whose rows went; the caller removes them from disk after the commit. */
  files: string[];
}

/**
 * Anonymises a citizen's personal data, driven by the personal-data inventory: every personal
 * column of their rows is nulled, replaced or redacted as its entry says; identities and files
 * go; the rest — categories, departments, statuses, dates, the text of the matter with the
 * person taken out — stays, and so do the reports' figures. Runs in the caller's transaction.
 */
@Injectable()
export class PersonalDataEraser {
  constructor(private readonly clock: Clock) {}

  /** The values that identify a citizen anywhere: their record, identities and what their tickets gave. */
  async valuesOf(manager: EntityManager, citizenId: string): Promise<PersonValues> {
    const [row] = await manager.query(
      `SELECT array_remove(array_agg(DISTINCT v.name), NULL) AS names, array_remove(array_agg(DISTINCT v.phone), NULL) AS phones,
              array_remove(array_agg(DISTINCT v.email), NULL) AS emails
         FROM (SELECT full_name AS name, phone, email FROM citizens WHERE id = $1
               UNION ALL SELECT contact_name, contact_phone, contact_email FROM tickets WHERE citizen_id = $1
               UNION ALL SELECT NULL, CASE WHEN kind <> 'email' THEN '+' || regexp_replace(value, '\\D', '', 'g') END,
                                CASE WHEN kind = 'email' THEN value END FROM citizen_identities WHERE citizen_id = $1) v`,
      [citizenId],
    );
    return { names: row.names, phones: row.phones, emails: row.emails };
  }

  /** The tickets' own personal data and everything hanging on them. */
  async eraseTickets(manager: EntityManager, person: PersonValues, ticketIds: string[]): Promise<ErasureResult> {
    const result: ErasureResult = { rows: {}, files: [] };
    if (!ticketIds.length) return result;
    await this.erasePhase(manager, 'tickets', [ticketIds], matchersFor(person), result);
    const tickets: { id: string; tracking_no: string; subject: string; description: string; address: string | null; external_ref: string | null }[] =
      await manager.query(`SELECT id, tracking_no, subject, description, address, external_ref FROM tickets WHERE id = ANY($1::uuid[])`, [ticketIds]);
    for (const t of tickets) {
      const search = searchTextOf(
        { trackingNo: t.tracking_no, subject: t.subject, description: t.description, address: t.address, externalRef: t.external_ref },
        null,
      );
      await manager.query(`UPDATE tickets SET search_text = $2, personal_data_erased_at = $3 WHERE id = $1`, [t.id, search, this.clock.now()]);
    }
    return result;
  }

  /** The citizen's record, identities, and rows tied to them but to no ticket (a message, an appointment, a call). */
  async eraseCitizen(manager: EntityManager, citizenId: string, person: PersonValues): Promise<ErasureResult> {
    const result: ErasureResult = { rows: {}, files: [] };
    const phones = person.phones.flatMap((p) => [p, p.replace(/^\+/, '')]);
    await this.erasePhase(manager, 'citizen', [citizenId], matchersFor(person), result, phones);
    await manager.query(`UPDATE citizens SET erased_at = $2 WHERE id = $1`, [citizenId, this.clock.now()]);
    return result;
  }

  private async erasePhase(
    manager: EntityManager,
    phase: 'tickets' | 'citizen',
    params: unknown[],
    matchers: RegExp[],
    result: ErasureResult,
    phones: string[] = [],
  ): Promise<void> {
    for (const [table, scope] of Object.entries(CITIZEN_ROWS)) {
      const where = scope[phase];
      if (!where) continue;
      const args = phase === 'citizen' && scope.byPhone ? [phones] : params;
      const fields = PERSONAL_FIELDS.filter((f) => f.table === table);
      if (fields.some((f) => f.erase === 'delete-row')) {
        const gone: { sha256?: string }[] = await manager.query(`WITH d AS (DELETE FROM "${table}" WHERE ${where} RETURNING *) SELECT * FROM d`, args);
        if (table === 'media_files') result.files.push(...gone.map((g) => g.sha256!));
        if (gone.length) result.rows[table] = gone.length;
        continue;
      }
      const changed = await this.rewrite(manager, table, scope, where, args, fields, matchers);
      if (changed) result.rows[table] = changed;
    }
  }

  /** Rewrites each row's personal columns as the inventory says; returns how many rows changed. */
  private async rewrite(
    manager: EntityManager,
    table: string,
    scope: RowScope,
    where: string,
    args: unknown[],
    fields: PersonalField[],
    matchers: RegExp[],
  ): Promise<number> {
    const columns = fields.filter((f) => ['null', 'redact', 'placeholder', 'unique-placeholder'].includes(f.erase));
    if (!columns.length) return 0;
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT "${scope.key}" AS key, ${columns.map((c) => `"${c.column}"`).join(', ')} FROM "${table}" WHERE ${where} FOR UPDATE`,
      args,
    );
    let changed = 0;
    for (const row of rows) {
      const values = columns.map((c) => erased(c, row[c.column], matchers, String(row.key)));
      if (values.every((v, i) => JSON.stringify(v) === JSON.stringify(row[columns[i].column]))) continue;
      const set = columns.map((c, i) => `"${c.column}" = $${i + 2}`).join(', ');
      await manager.query(`UPDATE "${table}" SET ${set} WHERE "${scope.key}" = $1`, [row.key, ...values.map((v) => (isJson(v) ? JSON.stringify(v) : v))]);
      changed += 1;
    }
    return changed;
  }
}

const isJson = (value: unknown) => value !== null && typeof value === 'object' && !(value instanceof Date);

function erased(field: PersonalField, value: unknown, matchers: RegExp[], key: string): unknown {
  if (value === null || value === undefined) return null;
  switch (field.erase) {
    case 'null':
      return null;
    case 'placeholder':
      return PLACEHOLDER;
    case 'unique-placeholder':
      return `${PLACEHOLDER} ${key}`;
    default:
      return typeof value === 'string' ? redactText(value, matchers) : redactJson(value, matchers);
  }
}
