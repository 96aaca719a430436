import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { Clock } from '@app/common';
import { JobHandler, QueueName, RecordingJob } from '@app/queue';
import { linkMediaToTickets, MediaRejectedException, MediaStore } from '../../media';
import { LivePublisher } from '../../live';
import { appendEvent, TicketEventType, TicketQueries } from '../../tickets';
import {
  downloadRecording,
  RECORDING_FETCH_ATTEMPTS,
  RecordingDownloadError,
  recordingNextAttemptAt,
  recordingsReachable,
} from './voicemail-recording.download';
import { RecordingFetchState, VoicemailRecording } from './voicemail-recording.entity';

/**
 * One attempt at copying a voicemail's recording to its ticket's files. The attempt is claimed
 * first (counted, the next one's time set), so a job run twice does nothing; the file is given to
 * the ticket with its timeline entry in one transaction, or given up with the reason.
 */
@Injectable()
export class VoicemailRecordingProcessor {
  private readonly logger = new Logger(VoicemailRecordingProcessor.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly media: MediaStore,
    private readonly live: LivePublisher,
    private readonly tickets: TicketQueries,
    private readonly clock: Clock,
  ) {}

  @JobHandler(QueueName.Intake, 'fetch-voicemail-recording')
  async handle({ callSid }: RecordingJob): Promise<RecordingFetchState | 'stale'> {
    if (!recordingsReachable(this.config)) return 'stale';
    const claimed = await this.claim(callSid);
    if (!claimed) return 'stale';
    const { recording, url } = claimed;
    try {
      if (!url) throw new RecordingDownloadError('kayıt adresi yok (silinmiş)', true);
      const data = await downloadRecording(this.config, url);
      const stored = await this.media.save('phone', { data, filename: `sesli-mesaj-${callSid}.wav`, field: 'recording' });
      return await this.settle(recording, {
        mediaId: stored.id,
        file: { url: stored.url, contentType: stored.contentType, size: stored.size, filename: stored.filename },
      });
    } catch (error) {
      const permanent = error instanceof MediaRejectedException || (error instanceof RecordingDownloadError && error.permanent);
      const reason = error instanceof Error ? error.message.slice(0, 200) : 'bilinmeyen hata';
      this.logger.warn({ msg: 'voicemail recording not fetched', callSid, attempt: recording.attempts, permanent, error: reason });
      if (!permanent && recording.attempts < RECORDING_FETCH_ATTEMPTS) {
        await this.dataSource.query(`UPDATE voicemail_recordings SET last_error = $2, updated_at = $3 WHERE call_sid = $1 AND state = 'pending'`, [
          callSid,
          reason,
          this.clock.now(),
        ]);
        return RecordingFetchState.Pending;
      }
      return this.settle(recording, { reason });
    }
  }

  private claim(callSid: string): Promise<{ recording: VoicemailRecording; url: string | null } | null> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const recording = await manager
        .createQueryBuilder(VoicemailRecording, 'r')
        .where('r.call_sid = :callSid AND r.state = :pending AND r.next_attempt_at <= :now', { callSid, pending: RecordingFetchState.Pending, now })
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getOne();
      if (!recording) return null;
      recording.attempts += 1;
      recording.nextAttemptAt = recordingNextAttemptAt(now, recording.attempts);
      await manager.update(VoicemailRecording, { callSid }, { attempts: recording.attempts, nextAttemptAt: recording.nextAttemptAt, updatedAt: now });
      const [call] = await manager.query(`SELECT recording_url FROM call_logs WHERE call_sid = $1`, [callSid]);
      return { recording, url: (call?.recording_url as string | null) ?? null };
    });
  }

  private async settle(
    recording: VoicemailRecording,
    outcome: { mediaId: string; file: Record<string, unknown> } | { reason: string },
  ): Promise<RecordingFetchState | 'stale'> {
    const attached = 'mediaId' in outcome;
    const state = attached ? RecordingFetchState.Attached : RecordingFetchState.Failed;
    const settled = await this.dataSource.transaction(async (manager) => {
      const moved: unknown[] = await manager.query(
        `UPDATE voicemail_recordings SET state = $2, media_id = $3, last_error = $4, updated_at = $5 WHERE call_sid = $1 AND state = 'pending' RETURNING call_sid`,
        [recording.callSid, state, attached ? outcome.mediaId : null, attached ? null : outcome.reason, this.clock.now()],
      );
      if (!moved.length) return 'stale' as const;
      if (attached) {
        await linkMediaToTickets(manager, [{ mediaId: outcome.mediaId, ticketId: recording.ticketId }]);
        await appendEvent(manager, recording.ticketId, TicketEventType.Attachment, null, 'Sesli mesajın kaydı eklendi.', { media: [outcome.file] });
      } else {
        await appendEvent(manager, recording.ticketId, TicketEventType.Attachment, null, `Sesli mesajın kaydı alınamadı: ${outcome.reason}`, {
          reason: outcome.reason,
        });
      }
      return state;
    });
    // The open ticket page shows the new file.
    if (settled !== 'stale') await this.live.publish(await this.tickets.load(recording.ticketId), 'updated');
    return settled;
  }
}
