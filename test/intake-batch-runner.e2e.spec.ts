import { EntityManager } from 'typeorm';
import { createTestApp, TestApp } from '@app/testing';
import { InboundEvent } from '../src/modules/intake/inbound-event.entity';
import { BatchFiling, FiledOutcome, IntakeBatchRunner } from '../src/modules/intake/pipeline/batch-runner';

/** Rules that file nothing but record what the runner handed them, and fail on a poison event. */
class RecordingFiling implements BatchFiling<string, FiledOutcome> {
  readonly batches: string[][] = [];
  readonly afterCommits: string[][] = [];
  prepared = 0;

  constructor(private readonly poison = new Set<string>()) {}

  async prepare(): Promise<string> {
    this.prepared += 1;
    return 'context';
  }

  async file(manager: EntityManager, events: InboundEvent[], context: string): Promise<FiledOutcome[]> {
    expect(context).toBe('context');
    this.batches.push(events.map((e) => e.id));
    if (events.some((e) => this.poison.has(e.id))) throw new Error('poison');
    await manager.query(`UPDATE inbound_events SET state = 'processed' WHERE id = ANY($1::uuid[])`, [events.map((e) => e.id)]);
    return events.map((e) => ({ eventId: e.id, kind: 'created' }));
  }

  async afterCommit(results: FiledOutcome[]): Promise<void> {
    this.afterCommits.push(results.map((r) => r.eventId));
  }
}

/** The intake's batching mechanics, on their own: what they claim, how they fall back, what they skip. */
describe('the intake batch runner', () => {
  let t: TestApp;
  let runner: IntakeBatchRunner;
  let seq = 0;

  beforeAll(async () => {
    t = await createTestApp({ env: { INTAKE_BATCH_SIZE: '5' } });
    runner = t.app.get(IntakeBatchRunner);
  });
  afterAll(() => t.close());

  const store = async (count: number): Promise<string[]> => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      seq += 1;
      const [row] = await t.dataSource.query(
        `INSERT INTO inbound_events (channel, provider_id, payload, received_at) VALUES ('sms', $1, '{}', $2) RETURNING id`,
        [`runner-${seq}`, new Date(t.clock.now().getTime() + seq)],
      );
      ids.push(row.id);
    }
    return ids;
  };

  it("takes the job's own events first, then the oldest waiting, up to the batch size, in one batch", async () => {
    const waiting = await store(6);
    const own = await store(2);
    const filing = new RecordingFiling();
    const filed = await runner.run(own, filing);
    expect(filing.batches).toEqual([[...own, ...waiting.slice(0, 3)]]);
    expect(filed!.map((f) => f.eventId)).toEqual([...own, ...waiting.slice(0, 3)]);
    expect(filing.afterCommits).toEqual([[...own, ...waiting.slice(0, 3)]]);
    // The events another job took end its own job without a query or a batch.
    const again = new RecordingFiling();
    expect(await runner.run([waiting[0]], again)).toBeNull();
    expect(again.prepared).toBe(0);
    await runner.run(waiting.slice(3), new RecordingFiling());
  });

  it('files a failed batch again one event per transaction, and fails the job only for its own bad event', async () => {
    const [mine, poison, other] = await store(3);
    const filing = new RecordingFiling(new Set([poison]));
    const filed = await runner.run([mine], filing);
    expect(filing.batches[0].sort()).toEqual([mine, poison, other].sort());
    expect(filing.batches.slice(1)).toEqual(expect.arrayContaining([[mine], [poison], [other]]));
    expect(filed!.map((f) => f.eventId).sort()).toEqual([mine, other].sort());
    const [{ state }] = await t.dataSource.query('SELECT state FROM inbound_events WHERE id = $1', [poison]);
    expect(state).toBe('received');

    const own = new RecordingFiling(new Set([poison]));
    await expect(runner.run([poison], own)).rejects.toThrow('poison');
    // Not taken for done: the next job for it tries again.
    await expect(runner.run([poison], new RecordingFiling())).resolves.toEqual([{ eventId: poison, kind: 'created' }]);
  });
});
