import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@app/common';
import { AuditAction, AuditEntity, OPEN_STATUSES, StaffPrincipal } from '@app/domain';
import { InjectJobQueue, JobQueue, QueueName } from '@app/queue';
import { AuditTrail } from '../audit';
import { MediaStore } from '../media';
import { PersonalDataDestruction, DestructionState } from './personal-data-destruction.entity';
import { PersonalDataEraser } from './personal-data-eraser';
import { PersonalDataSettings } from './personal-data-settings.entity';
import { RetentionKind } from './inventory/inventory-types';
import { DestroyedKind, RetentionPeriods } from './retention-periods';

const DAY = 86_400_000;
const ERASED = '(silindi)';

/**
 * The periodic destruction (the Yönetmelik's "periyodik imha"): everything past the retention
 * period of its kind is anonymised or deleted, except tickets under a legal hold, and each run
 * leaves its record — when, by which periods, how much of each kind.
 */
@Injectable()
export class PersonalDataDestructions {
  private readonly logger = new Logger(PersonalDataDestructions.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectJobQueue(QueueName.Reports) private readonly queue: JobQueue<QueueName.Reports>,
    private readonly eraser: PersonalDataEraser,
    private readonly retention: RetentionPeriods,
    private readonly media: MediaStore,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  settings(): Promise<PersonalDataSettings> {
    return this.dataSource.manager.findOneByOrFail(PersonalDataSettings, { id: 1 });
  }

  async schedule(actor: StaffPrincipal, intervalDays: number): Promise<PersonalDataSettings> {
    const next = new Date(this.clock.now().getTime() + intervalDays * DAY);
    await this.dataSource.transaction(async (manager) => {
      const before = await manager.findOneByOrFail(PersonalDataSettings, { id: 1 });
      const change = { destructionIntervalDays: intervalDays, nextDestructionAt: next, updatedById: actor.id };
      await manager.update(PersonalDataSettings, { id: 1 }, change);
      await this.audit.record(manager, actor, {
        action: AuditAction.DestructionScheduled,
        entityType: AuditEntity.Settings,
        entityId: 'personal_data_destruction',
        before: { destructionIntervalDays: before.destructionIntervalDays, nextDestructionAt: before.nextDestructionAt },
        after: { destructionIntervalDays: intervalDays, nextDestructionAt: next },
      });
    });
    return this.settings();
  }

  runs(): Promise<PersonalDataDestruction[]> {
    return this.dataSource.manager.find(PersonalDataDestruction, { order: { createdAt: 'DESC' }, take: 50 });
  }

  run(id: string): Promise<PersonalDataDestruction | null> {
    return this.dataSource.manager.findOneBy(PersonalDataDestruction, { id });
  }

  /** A run now, by hand; the worker takes it from the queue. */
  async request(actor: StaffPrincipal | null, trigger: 'schedule' | 'manual' = 'manual', manager = this.dataSource.manager): Promise<PersonalDataDestruction> {
    return manager.save(
      manager.create(PersonalDataDestruction, { trigger, requestedById: actor?.id ?? null, asOf: this.clock.now(), retention: this.retention.days }),
    );
  }

  async enqueue(runs: PersonalDataDestruction[]): Promise<void> {
    if (!runs.length) return;
    await this.queue.addBulk(runs.map((r) => ({ name: 'destroy-personal-data' as const, data: { runId: r.id }, opts: { jobId: `destroy-${r.id}` } })));
  }

  /** Carries out a queued run once (a second job for it finds it taken). */
  async execute(id: string): Promise<string> {
    // In a WITH so the driver answers with plain rows (a bare UPDATE … RETURNING comes back as [rows, count]).
    const [claimed] = await this.dataSource.query(
      `WITH c AS (UPDATE personal_data_destructions SET state = 'running', started_at = $2 WHERE id = $1 AND state = 'queued' RETURNING as_of)
       SELECT as_of FROM c`,
      [id, this.clock.now()],
    );
    if (!claimed) return 'taken';
    try {
      const { counts, files } = await this.dataSource.transaction((manager) => this.destroy(manager, claimed.as_of));
      await this.dataSource.manager.update(PersonalDataDestruction, { id }, { state: DestructionState.Done, finishedAt: this.clock.now(), counts });
      await this.media.removeUnreferenced(files);
      return JSON.stringify(counts);
    } catch (error) {
      this.logger.warn({ msg: 'personal data destruction failed', run: id, error: (error as Error).message });
      await this.dataSource.manager.update(
        PersonalDataDestruction,
        { id },
        { state: DestructionState.Failed, finishedAt: this.clock.now(), error: (error as Error).message },
      );
      throw error;
    }
  }

  private async destroy(manager: EntityManager, asOf: Date) {
    const before = (kind: DestroyedKind) => new Date(asOf.getTime() - this.retention.days[kind] * DAY);
    const counts: Record<string, number> = {};
    const files: string[] = [];
    // Applications closed before their period, not under a legal hold, per citizen.
    const expired: { citizen_id: string; ids: string[] }[] = await manager.query(
      `SELECT t.citizen_id, array_agg(t.id) AS ids FROM tickets t
        WHERE t.personal_data_erased_at IS NULL AND NOT (t.status = ANY($2::ticket_status[]))
          AND coalesce(t.closed_at, t.answered_at, t.updated_at) < $1
          AND NOT EXISTS (SELECT 1 FROM legal_holds h WHERE h.ticket_id = t.id AND h.released_at IS NULL)
        GROUP BY t.citizen_id`,
      [before(RetentionKind.Applications), OPEN_STATUSES],
    );
    counts.applications = 0;
    for (const { citizen_id, ids } of expired) {
      files.push(...(await this.eraser.eraseTickets(manager, await this.eraser.valuesOf(manager, citizen_id), ids)).files);
      counts.applications += ids.length;
    }
    // Citizens left with nothing but anonymised tickets (or none), known for longer than the period.
    const citizens: { id: string }[] = await manager.query(
      `SELECT c.id FROM citizens c WHERE c.erased_at IS NULL AND c.created_at < $1
          AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.citizen_id = c.id AND t.personal_data_erased_at IS NULL)`,
      [before(RetentionKind.Applications)],
    );
    for (const { id } of citizens) files.push(...(await this.eraser.eraseCitizen(manager, id, await this.eraser.valuesOf(manager, id))).files);
    counts.citizens = citizens.length;
    counts.calls = await affected(manager, `UPDATE call_logs SET from_number = $2, recording_url = NULL WHERE started_at < $1 AND from_number <> $2`, [
      before(RetentionKind.Calls),
      ERASED,
    ]);
    counts.rawMessages = await affected(
      manager,
      `UPDATE inbound_events SET payload = '{"silindi": true}'::jsonb, provider_id = $2 || ' ' || id, last_error = NULL
        WHERE received_at < $1 AND state <> 'received' AND NOT payload ? 'silindi'`,
      [before(RetentionKind.RawMessages), ERASED],
    );
    counts.accessLog = await affected(manager, `DELETE FROM pii_access_log WHERE accessed_at < $1`, [before(RetentionKind.AccessLog)]);
    counts.auditLog = await affected(manager, `DELETE FROM audit_log WHERE at < $1`, [before(RetentionKind.AuditLog)]);
    counts.appointments = await affected(
      manager,
      `UPDATE appointments SET requester_name = $2, phone = NULL, email = NULL, note = NULL, reason = NULL
        WHERE closed_at < $1 AND requester_name <> $2`,
      [before(RetentionKind.Appointments), ERASED],
    );
    return { counts, files };
  }
}

async function affected(manager: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const [, count] = (await manager.query(sql, params)) as [unknown, number];
  return count ?? 0;
}
