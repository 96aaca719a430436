import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { Clock } from '@app/common';
import { InjectJobQueue, IntervalSweeper, JobQueue, QueueName } from '@app/queue';
import { recordingsReachable } from './voicemail-recording.download';

const BATCH = 200;

/** One id per attempt: an attempt's job is added once, and an earlier attempt's finished job never swallows the next. */
export const recordingJobId = (r: { call_sid: string; attempts: number }) => `voicemail-recording-${r.call_sid}-${r.attempts + 1}`;

/** Hands out the due attempts at voicemail recordings (the rows are the schedule; a lost job is enqueued again). */
@Injectable()
export class VoicemailRecordingSweeper extends IntervalSweeper {
  constructor(
    config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectJobQueue(QueueName.Intake) private readonly queue: JobQueue<QueueName.Intake>,
    private readonly clock: Clock,
  ) {
    super(config);
  }

  async sweep(): Promise<number> {
    if (!recordingsReachable(this.config)) return 0;
    const before = new Date(this.clock.now().getTime() - this.config.SWEEP_GRACE_MS);
    const due: { call_sid: string; attempts: number }[] = await this.dataSource.query(
      `SELECT call_sid, attempts FROM voicemail_recordings WHERE state = 'pending' AND next_attempt_at < $1 ORDER BY next_attempt_at LIMIT $2`,
      [before, BATCH],
    );
    if (!due.length) return 0;
    await this.queue.addBulk(
      due.map((r) => ({ name: 'fetch-voicemail-recording' as const, data: { callSid: r.call_sid }, opts: { jobId: recordingJobId(r) } })),
    );
    return due.length;
  }
}
