import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@app/common';
import { AuditAction, AuditEntity, StaffPrincipal } from '@app/domain';
import { AuditEntry } from './audit-entry.entity';

/** Who acted: a signed-in user, a name that was tried (a failed login), or null for the system. */
export type AuditActor = Pick<StaffPrincipal, 'id' | 'username'> | { id: null; username: string } | null;

export interface AuditRecord {
  action: AuditAction;
  entityType: AuditEntity;
  entityId?: string | null;
  before?: object | null;
  after?: object | null;
  ip?: string | null;
}

/** Never in the log, whatever an entity carries: a password's hash is not the auditor's business. */
const SECRET_KEYS = new Set(['password', 'passwordHash', 'tokenVersion']);

/**
 * The one way anything is written to the audit log. Use cases call it with the manager of the
 * transaction that makes the change, so the row commits (or rolls back) with it.
 */
@Injectable()
export class AuditTrail {
  constructor(
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * An admin's change to a setting, written and recorded in one transaction: `before` is a copy
   * taken before the change (null: created), `write` answers the row as saved (null: deleted).
   */
  async setting<T extends { id: string } | null>(
    actor: AuditActor,
    entityType: AuditEntity,
    before: { id: string } | null,
    write: (manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const after = await write(manager);
      const action = !before ? AuditAction.SettingCreated : after ? AuditAction.SettingChanged : AuditAction.SettingDeleted;
      await this.record(manager, actor, { action, entityType, entityId: after?.id ?? before?.id ?? null, before, after });
      return after;
    });
  }

  async record(manager: EntityManager, actor: AuditActor, record: AuditRecord): Promise<void> {
    await manager.save(
      manager.create(AuditEntry, {
        at: this.clock.now(),
        actorId: actor?.id ?? null,
        actorName: actor?.username.slice(0, 100) ?? null,
        action: record.action,
        entityType: record.entityType,
        entityId: record.entityId ?? null,
        before: withoutSecrets(record.before),
        after: withoutSecrets(record.after),
        ip: record.ip ?? null,
      }),
    );
  }
}

function withoutSecrets(state: object | null | undefined): Record<string, unknown> | null {
  if (!state) return null;
  // Through JSON so dates are kept as the API shows them and undefined fields drop out.
  const plain = JSON.parse(JSON.stringify(state)) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(plain).filter(([key]) => !SECRET_KEYS.has(key)));
}
