import { lookup } from 'node:dns/promises';
import { stat } from 'node:fs/promises';
import { createTestApp, TestApp } from '@app/testing';

const IN_FLIGHT = 16;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/**
 * Bad logins hash a password each. /health, and anything that needs libuv's threadpool (a file
 * read, the name lookup of a new database or Redis connection to `postgres` or `redis`), must not
 * wait behind them. The app runs in this process, so this process's threadpool is the app's.
 */
describe('responsiveness while many bad logins are in flight', () => {
  let t: TestApp;

  beforeAll(async () => {
    // The throttle is opened wide: every one of these logins is hashed.
    t = await createTestApp({ env: { LOGIN_MAX_FAILURES: '100000', LOGIN_MAX_ACCOUNT_FAILURES: '100000', LOGIN_MAX_ADDRESS_FAILURES: '100000' } });
  });
  afterAll(() => t.close());

  it(`answers /health at once and leaves the threadpool usable with ${IN_FLIGHT} bad logins in flight`, async () => {
    let stop = false;
    let inFlight = 0;
    const statuses: number[] = [];
    const attackers = Array.from({ length: IN_FLIGHT }, async () => {
      while (!stop) {
        inFlight += 1;
        const res = await t.http().post('/api/v1/auth/login').send({ username: 'admin', password: 'yanlis-parola' });
        inFlight -= 1;
        statuses.push(res.status);
      }
    });
    await sleep(300);
    const health: number[] = [];
    const threadpool: number[] = [];
    const loginsInFlight: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      loginsInFlight.push(inFlight);
      health.push(await timed(() => t.http().get('/health').expect(200)));
      threadpool.push(await timed(() => Promise.all([lookup('localhost'), stat(__filename)])));
      await sleep(50);
    }
    stop = true;
    await Promise.all(attackers);

    // The logins were really being hashed meanwhile, and all refused as wrong (none as busy at this load).
    expect(Math.min(...loginsInFlight)).toBeGreaterThanOrEqual(IN_FLIGHT - 1);
    expect(statuses.length).toBeGreaterThanOrEqual(IN_FLIGHT);
    expect(new Set(statuses)).toEqual(new Set([401]));
    // Medians, not maxima: one slow sample is the shared machine, a slow median is the logins
    // (with hashing uncapped, 16 in flight put a thread-pool call at ~200 ms and /health at seconds).
    expect(median(health)).toBeLessThan(100);
    expect(median(threadpool)).toBeLessThan(100);
    expect(Math.max(...health)).toBeLessThan(1000);
  });
});
