import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryPrepared } from '@app/database';
import { InboundState } from '../inbound-event.entity';

/** One inbound event as an adapter hands it over; `problem` keeps it as a failed event with that reason. */
export interface Receipt {
  channel: string;
  providerId: string;
  payload: Record<string, unknown>;
  problem: string | null;
  receivedAt: Date;
}

export interface ReceiveResult {
  eventId: string;
  /** Stored before, under the same channel and provider id: nothing was written. */
  duplicate: boolean;
}

interface Waiting {
  receipt: Receipt;
  resolve: (stored: ReceiveResult) => void;
  reject: (error: unknown) => void;
}

/** Called with the events a write stored for processing (new, not failed), once they are committed. */
export type OnStored = (eventIds: string[]) => void;

const keyOf = (r: Receipt) => `${r.channel}\u0000${r.providerId}`;

/**
 * Group commit for receipts: while `writers` inserts are in flight, the receipts that arrive
 * wait and go together in the next one — one statement, one commit, one `onStored` call for
 * all of them. A lone receipt is written at once, so at a trickle nothing waits;
 * under a flood the batches grow by themselves, up to `maxRows`. A batch that fails is written
 * again receipt by receipt, so that one bad receipt fails alone.
 */
export class ReceiptWriter {
  private readonly logger = new Logger(ReceiptWriter.name);
  private readonly waiting: Waiting[] = [];
  private inFlight = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly writers: number,
    private readonly maxRows: number,
    private readonly onStored: OnStored,
  ) {}

  write(receipt: Receipt): Promise<ReceiveResult> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ receipt, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.writers && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.maxRows);
      this.inFlight += 1;
      void this.flush(batch).finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
    }
  }

  private async flush(batch: Waiting[]): Promise<void> {
    let stored: Map<string, ReceiveResult>;
    try {
      stored = await this.insert(batch.map((w) => w.receipt));
    } catch (error) {
      if (batch.length === 1) return batch[0].reject(error);
      this.logger.warn({ msg: 'receipt batch not stored; storing its receipts one by one', receipts: batch.length, error: (error as Error).message });
      await Promise.all(batch.map((w) => this.flush([w])));
      return;
    }
    const fresh = new Set<string>();
    const toProcess: string[] = [];
    for (const { receipt, resolve, reject } of batch) {
      const found = stored.get(keyOf(receipt));
      // Neither inserted nor found: the row went away between the two statements; the provider's retry stores it.
      if (!found) {
        reject(new Error(`inbound event ${receipt.channel}/${receipt.providerId} neither stored nor found`));
        continue;
      }
      const { eventId, duplicate } = found;
      // The same provider id twice in one batch: the first stored it, the second is its retry.
      const first = !duplicate && !fresh.has(eventId);
      fresh.add(eventId);
      if (first && !receipt.problem) toProcess.push(eventId);
      resolve({ eventId, duplicate: !first });
    }
    if (toProcess.length > 0) this.onStored(toProcess);
  }

  /** Stores the receipts (one row per channel and provider id) and finds the rows earlier ones stored. */
  private async insert(receipts: Receipt[]): Promise<Map<string, ReceiveResult>> {
    const unique = [...new Map(receipts.map((r) => [keyOf(r), r])).values()];
    const rows = unique.map((r) => ({
      channel: r.channel,
      provider_id: r.providerId,
      payload: r.problem ? { rejected: true, bytes: Buffer.byteLength(JSON.stringify(r.payload)) } : r.payload,
      received_at: r.receivedAt.toISOString(),
      state: r.problem ? InboundState.Failed : InboundState.Received,
      last_error: r.problem,
    }));
    const inserted = await queryPrepared<{ id: string; channel: string; provider_id: string }[]>(
      this.dataSource,
      `INSERT INTO inbound_events (channel, provider_id, payload, received_at, state, last_error)
       SELECT channel, provider_id, payload, received_at, state, last_error
       FROM jsonb_populate_recordset(NULL::inbound_events, $1::jsonb)
       ON CONFLICT (channel, provider_id) DO NOTHING
       RETURNING id, channel, provider_id`,
      [JSON.stringify(rows)],
    );
    const stored = new Map<string, ReceiveResult>();
    for (const row of inserted) stored.set(`${row.channel}\u0000${row.provider_id}`, { eventId: row.id, duplicate: false });
    const earlier = unique.filter((r) => !stored.has(keyOf(r)));
    if (earlier.length > 0) {
      const found: { id: string; channel: string; provider_id: string }[] = await this.dataSource.query(
        `SELECT e.id, e.channel, e.provider_id FROM inbound_events e
         JOIN unnest($1::text[], $2::text[]) AS k(channel, provider_id) USING (channel, provider_id)`,
        [earlier.map((r) => r.channel), earlier.map((r) => r.providerId)],
      );
      for (const row of found) stored.set(`${row.channel}\u0000${row.provider_id}`, { eventId: row.id, duplicate: true });
    }
    return stored;
  }
}
