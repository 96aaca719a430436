import { Queue, Worker } from 'bullmq';
import { Pool } from 'pg';
import type { RedisConnection } from './bench-redis';

/**
 * The bare-`pg` floor: the same pool size and in-flight count, each "ticket" one transaction
 * writing an event row, a ticket row and a timeline row. Returns tickets per second.
 */
export async function pgFloor(url: string, poolSize: number, inFlight: number, count: number): Promise<number> {
  const pool = new Pool({ connectionString: url, max: poolSize });
  await pool.query(
    `CREATE TABLE IF NOT EXISTS floor_events (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), channel varchar(20), provider_id varchar(200) UNIQUE, payload jsonb, received_at timestamptz DEFAULT now())`,
  );
  await pool.query(
    `CREATE TABLE IF NOT EXISTS floor_tickets (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), tracking_no varchar(20), description text, department varchar(40), created_at timestamptz DEFAULT now())`,
  );
  await pool.query(
    `CREATE TABLE IF NOT EXISTS floor_timeline (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), ticket_id uuid, body text, created_at timestamptz DEFAULT now())`,
  );
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(`INSERT INTO floor_events (channel, provider_id, payload) VALUES ('sms', $1, $2)`, [`floor-${i}`, { Body: 'Sokakta çukur var' }]);
        const { rows } = await client.query(
          `INSERT INTO floor_tickets (tracking_no, description, department) VALUES ($1, 'Sokakta çukur var', 'FEN') RETURNING id`,
          [`2026-${i}`],
        );
        await client.query(`INSERT INTO floor_timeline (ticket_id, body) VALUES ($1, 'Sokakta çukur var')`, [rows[0].id]);
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  const perSecond = count / ((performance.now() - started) / 1000);
  await pool.end();
  return Math.round(perSecond);
}

/**
 * The bare-BullMQ floor: add and process `count` no-op jobs at the app's concurrency, on connections
 * made as the service makes its queues' (`connect`, under `prefix`). Jobs per second.
 */
export async function bullFloor(connect: () => RedisConnection, prefix: string, concurrency: number, count: number): Promise<number> {
  const [queueConnection, workerConnection] = [connect(), connect()];
  const queue = new Queue('floor', { connection: queueConnection, prefix });
  let done = 0;
  const started = performance.now();
  const finished = new Promise<void>((resolve) => {
    const worker = new Worker('floor', async () => undefined, { connection: workerConnection, prefix, concurrency });
    worker.on('completed', () => {
      done += 1;
      if (done === count) void worker.close().then(() => resolve());
    });
  });
  for (let i = 0; i < count; i += 500) {
    await queue.addBulk(Array.from({ length: Math.min(500, count - i) }, (_, k) => ({ name: 'noop', data: { id: `${i + k}` } })));
  }
  await finished;
  const perSecond = count / ((performance.now() - started) / 1000);
  await queue.obliterate({ force: true });
  await queue.close();
  queueConnection.disconnect();
  workerConnection.disconnect();
  return Math.round(perSecond);
}
