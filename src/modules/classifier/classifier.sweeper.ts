import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { Clock } from '@app/common';
import { InjectJobQueue, IntervalSweeper, JobQueue, QueueName } from '@app/queue';
import { CategoriesService } from '../categories';
import { ClassifierTraining, trainJobId } from './classifier-training.service';

const HOUR_MS = 3_600_000;

/**
 * In worker processes: re-enqueues a training whose job was lost, and asks for one when it is
 * due — the first model when there is none (again an hour after a failure), then after
 * CLASSIFIER_RETRAIN_AFTER_EXAMPLES new staff decisions, or CLASSIFIER_RETRAIN_HOURS after the
 * last training when any came in.
 */
@Injectable()
export class ClassifierSweeper extends IntervalSweeper {
  constructor(
    config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectJobQueue(QueueName.Classifier) private readonly queue: JobQueue<QueueName.Classifier>,
    private readonly training: ClassifierTraining,
    private readonly categories: CategoriesService,
    private readonly clock: Clock,
  ) {
    super(config);
  }

  async sweep(): Promise<number> {
    const now = this.clock.now().getTime();
    const [running] = await this.dataSource.query(`SELECT id, created_at FROM classifier_models WHERE state = 'training'`);
    if (running) {
      if (now - new Date(running.created_at).getTime() < this.config.SWEEP_GRACE_MS) return 0;
      await this.queue.add('train-model', { modelId: running.id }, { jobId: trainJobId(running.id), attempts: 3 });
      return 1;
    }
    if (!this.config.CLASSIFIER_AUTO_TRAIN) return 0;
    const reason = await this.due(now);
    return reason && (await this.training.request(reason)) ? 1 : 0;
  }

  private async due(now: number): Promise<string | null> {
    // The latest version that did not fail; a failed one only when no other exists.
    const [latest] = await this.dataSource.query(
      `SELECT state, examples_seq, coalesce(trained_at, created_at) AS at FROM classifier_models ORDER BY (state <> 'failed') DESC, version DESC LIMIT 1`,
    );
    // On a first start the municipality's categories may still be loading: a model trained before
    // them would know no destination.
    if (!latest) return (await this.categories.listActive()).length ? 'initial' : null;
    if (latest.state === 'failed') return now - new Date(latest.at).getTime() > HOUR_MS ? 'initial' : null;
    const [{ fresh }] = await this.dataSource.query(`SELECT count(*)::int AS fresh FROM classifier_examples WHERE seq > $1 AND category_id IS NOT NULL`, [
      latest.examples_seq,
    ]);
    if (fresh >= this.config.CLASSIFIER_RETRAIN_AFTER_EXAMPLES) return 'examples';
    if (fresh > 0 && now - new Date(latest.at).getTime() > this.config.CLASSIFIER_RETRAIN_HOURS * HOUR_MS) return 'schedule';
    return null;
  }
}
