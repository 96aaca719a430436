import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { csvWriter, Page, pageOf } from '@app/common';
import { InjectReportsDataSource } from '@app/database';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, AuditAction, AuditEntity, StaffPrincipal } from '@app/domain';
import { AuditQueryDto } from './dto/audit-query.dto';
import { AuditTrail } from './audit-trail.service';

export interface AuditView {
  id: string;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  action: AuditAction;
  entityType: AuditEntity;
  entityId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** Why personal data was read (the KVKK access log's purpose). */
  purpose: string | null;
  ip: string | null;
}

/**
 * The audit log as admins search it: the audit table and the KVKK access log (pii_access_log)
 * read together. Reveals stay in the access log alone — it is what a citizen's own access report
 * and its retention period are built on — so they are never written twice.
 */
const ENTRIES = `
  SELECT a.id, a.at, a.actor_id, a.actor_name, a.action, a.entity_type, a.entity_id, a.before, a.after, NULL::varchar AS purpose, a.ip
    FROM audit_log a
  UNION ALL
  SELECT p.id, p.accessed_at, p.user_id, u.username, '${AuditAction.ContactRevealed}', '${AuditEntity.Citizen}', p.citizen_id::text, NULL, NULL, p.purpose, NULL
    FROM pii_access_log p LEFT JOIN users u ON u.id = p.user_id`;

/** The most rows one inspection export carries; narrower dates give the rest. */
const EXPORT_LIMIT = 100_000;
const EXPORT_BATCH = 1_000;

@Injectable()
export class AuditLog {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    // An inspection's export (up to 100,000 rows) reads the replica when one is configured; the screen reads the primary.
    @InjectReportsDataSource() private readonly reading: DataSource,
    private readonly trail: AuditTrail,
  ) {}

  async search(query: AuditQueryDto): Promise<Page<AuditView>> {
    const { where, params } = filterOf(query);
    const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n FROM (${ENTRIES}) e ${where}`, params);
    const rows = await this.dataSource.query(
      `SELECT * FROM (${ENTRIES}) e ${where} ORDER BY at DESC, id DESC LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      params,
    );
    return pageOf(rows.map(toView), n, query);
  }

  /** Every matching entry as CSV for an inspection, oldest first; the export is itself audited. */
  async exportCsv(actor: StaffPrincipal, query: AuditQueryDto, out: Writable): Promise<number> {
    await this.trail.record(this.dataSource.manager, actor, {
      action: AuditAction.AuditExported,
      entityType: AuditEntity.AuditLog,
      after: { filters: filtersOf(query) },
    });
    const { where, params } = filterOf(query);
    const writer = csvWriter(out);
    let written = 0;
    while (written < EXPORT_LIMIT) {
      const batch = await this.reading.query(`SELECT * FROM (${ENTRIES}) e ${where} ORDER BY at ASC, id ASC LIMIT ${EXPORT_BATCH} OFFSET ${written}`, params);
      await writer.rows(batch.map((row: AuditRow) => csvRow(toView(row))));
      written += batch.length;
      if (batch.length < EXPORT_BATCH) break;
    }
    await writer.end();
    return written;
  }
}

interface AuditRow {
  id: string;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  action: AuditAction;
  entity_type: AuditEntity;
  entity_id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  purpose: string | null;
  ip: string | null;
}

function toView(row: AuditRow): AuditView {
  return {
    id: row.id,
    at: row.at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before,
    after: row.after,
    purpose: row.purpose,
    ip: row.ip,
  };
}

/** The columns an inspector reads, headed in Turkish. */
function csvRow(view: AuditView): Record<string, unknown> {
  return {
    Zaman: view.at,
    Kullanıcı: view.actorName,
    'Kullanıcı no': view.actorId,
    İşlem: AUDIT_ACTION_LABELS[view.action] ?? view.action,
    Kayıt: AUDIT_ENTITY_LABELS[view.entityType] ?? view.entityType,
    'Kayıt no': view.entityId,
    Önce: view.before ? JSON.stringify(view.before) : null,
    Sonra: view.after ? JSON.stringify(view.after) : null,
    Gerekçe: view.purpose,
    'IP adresi': view.ip,
  };
}

function filtersOf(query: AuditQueryDto) {
  const { actorId, action, entityType, entityId, from, to } = query;
  return Object.fromEntries(Object.entries({ actorId, action, entityType, entityId, from, to }).filter(([, v]) => v !== undefined));
}

function filterOf(query: AuditQueryDto): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    clauses.push(sql.replace('?', `$${params.length}`));
  };
  if (query.actorId) add('actor_id = ?::uuid', query.actorId);
  if (query.action) add('action = ?', query.action);
  if (query.entityType) add('entity_type = ?', query.entityType);
  if (query.entityId) add('entity_id = ?', query.entityId);
  if (query.from) add('at >= ?::timestamptz', query.from);
  if (query.to) add('at < ?::timestamptz', query.to);
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}
