import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { Clock } from '@app/common';
import { DestructionJob, IntervalSweeper, JobHandler, QueueName } from '@app/queue';
import { PersonalDataDestruction } from './personal-data-destruction.entity';
import { PersonalDataDestructions } from './destruction.service';
import { PersonalDataSettings } from './personal-data-settings.entity';

const DAY = 86_400_000;

/**
 * In workers, every SWEEP_INTERVAL_MS: when the schedule's day has come, records a run and moves
 * the next one on by the admins' interval, in one transaction; then hands every queued run to the
 * `reports` queue (a run whose job was lost is found again here).
 */
@Injectable()
export class DestructionScheduler extends IntervalSweeper {
  constructor(
    config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly destructions: PersonalDataDestructions,
    private readonly clock: Clock,
  ) {
    super(config);
  }

  async sweep(): Promise<number> {
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      const settings = await manager.findOne(PersonalDataSettings, { where: { id: 1 }, lock: { mode: 'pessimistic_write' } });
      if (!settings || (settings.nextDestructionAt && settings.nextDestructionAt > now)) return;
      await this.destructions.request(null, 'schedule', manager);
      await manager.update(PersonalDataSettings, { id: 1 }, { nextDestructionAt: new Date(now.getTime() + settings.destructionIntervalDays * DAY) });
    });
    const queued = await this.dataSource.manager.find(PersonalDataDestruction, { where: { state: 'queued' as never }, order: { createdAt: 'ASC' } });
    await this.destructions.enqueue(queued);
    return queued.length;
  }

  @JobHandler(QueueName.Reports, 'destroy-personal-data')
  handle({ runId }: DestructionJob): Promise<string> {
    return this.destructions.execute(runId);
  }
}
