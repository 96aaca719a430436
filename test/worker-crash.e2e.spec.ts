import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { istanbulYear } from '@app/common';
import { QueueName } from '@app/queue';
import { buildService, createTestApp, startWorkerProcess, TestApp, waitFor, WorkerProcess } from '@app/testing';

const KEY = 'dev-only-intake-key-change-me';

/**
 * The API runs here; the intake worker runs as a real child process of the built service.
 * The test holds the year's tracking-number row locked, so the worker's job stops inside its
 * transaction, exactly where a crash would hurt most.
 */
describe('a worker process that dies or is stopped mid-job', () => {
  let t: TestApp;
  let intake: Queue;
  let blocker: Client;
  const workers: WorkerProcess[] = [];
  let seq = 0;

  beforeAll(async () => {
    buildService();
    t = await createTestApp({ env: { APP_ROLE: 'api', QUEUE_LOCK_MS: '1500' } });
    intake = t.app.get<Queue>(getQueueToken(QueueName.Intake));
    blocker = new Client({ connectionString: t.env.DATABASE_URL });
    await blocker.connect();
  }, 120_000);
  afterAll(async () => {
    for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
    await blocker.end();
    await t.close();
  });

  const worker = async () => {
    const w = startWorkerProcess({ ...t.env, APP_ROLE: 'worker', QUEUE_LOCK_MS: '1500' });
    workers.push(w);
    await waitFor('the worker process to take jobs', async () => (await intake.getWorkersCount()) > 0, 30_000).catch((error) => {
      throw new Error(`${(error as Error).message}\n${w.output()}`);
    });
    return w;
  };

  const holdTrackingNumbers = async () => {
    const year = istanbulYear(new Date());
    await blocker.query('INSERT INTO ticket_sequences (year, last_value) VALUES ($1, 0) ON CONFLICT DO NOTHING', [year]);
    await blocker.query('BEGIN');
    await blocker.query('SELECT last_value FROM ticket_sequences WHERE year = $1 FOR UPDATE', [year]);
  };

  const send = async () => {
    seq += 1;
    const id = `SM-crash-${seq}`;
    const res = await t
      .http()
      .post('/api/v1/intake/events')
      .set('X-Intake-Key', KEY)
      .send({
        channel: 'sms',
        providerId: id,
        payload: { MessageSid: id, From: `+90532${String(4_000_000 + seq)}`, Body: 'Sokağımızdaki çöpler üç gündür toplanmadı' },
      });
    expect(res.status).toBe(202);
    return res.body.eventId as string;
  };

  /** The job is active and its transaction waits on the lock this test holds. */
  const stuckInTransaction = () =>
    waitFor('the job to wait inside its transaction', async () => {
      const [{ waiting }] = await t.dataSource.query(
        `SELECT count(*)::int AS waiting FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%INSERT INTO ticket_sequences%'`,
      );
      return waiting === 1 && (await intake.getActiveCount()) === 1;
    });

  const outcomeOf = async (eventId: string) => {
    const [event] = await t.dataSource.query('SELECT state, ticket_id FROM inbound_events WHERE id = $1', [eventId]);
    const tickets = await t.dataSource.query(
      `SELECT t.id, t.routed_at, d.code AS department FROM tickets t LEFT JOIN departments d ON d.id = t.department_id
        WHERE t.id IN (SELECT ticket_id FROM inbound_events WHERE id = $1)`,
      [eventId],
    );
    const events = await t.dataSource.query(
      `SELECT type FROM ticket_events WHERE ticket_id IN (SELECT ticket_id FROM inbound_events WHERE id = $1) ORDER BY seq`,
      [eventId],
    );
    return { state: event.state as string, tickets, timeline: events.map((e: { type: string }) => e.type) };
  };

  it('SIGKILL mid-transaction: nothing half-written, and the job completes once on the next worker', async () => {
    const first = await worker();
    await holdTrackingNumbers();
    const eventId = await send();
    await stuckInTransaction();

    first.child.kill('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    await blocker.query('ROLLBACK');
    // The killed transaction was rolled back by PostgreSQL: no ticket, the event still to do.
    expect(await outcomeOf(eventId)).toEqual({ state: 'received', tickets: [], timeline: [] });

    await worker();
    // BullMQ notices the dead worker's expired lock and hands the job to the new one.
    await waitFor('the event to be processed after the restart', async () => (await outcomeOf(eventId)).state === 'processed', 30_000);
    const outcome = await outcomeOf(eventId);
    expect(outcome.tickets).toHaveLength(1);
    expect(outcome.tickets[0]).toMatchObject({ department: 'TEMIZLIK' });
    expect(outcome.tickets[0].routed_at).not.toBeNull();
    expect(outcome.timeline).toEqual(['created', 'routed']);
    const [{ count }] = await t.dataSource.query('SELECT count(*)::int FROM tickets');
    expect(count).toBe(1);
  }, 90_000);

  it('SIGTERM mid-job: the worker finishes the job in flight, then exits cleanly', async () => {
    const live = workers.find((w) => w.child.exitCode === null && w.child.signalCode === null)!;
    await holdTrackingNumbers();
    const eventId = await send();
    await stuckInTransaction();

    live.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    expect(live.child.signalCode).toBeNull(); // still finishing its job
    await blocker.query('COMMIT');
    // Nest closes everything, then re-raises the signal so the supervisor sees why it stopped.
    expect(await live.exited).toEqual({ code: null, signal: 'SIGTERM' });
    const outcome = await outcomeOf(eventId);
    expect(outcome.state).toBe('processed');
    expect(outcome.tickets).toHaveLength(1);
    expect(outcome.timeline).toEqual(['created', 'routed']);
  }, 60_000);
});
