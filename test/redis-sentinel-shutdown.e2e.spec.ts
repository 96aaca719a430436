import { createServer, Server } from 'node:net';
import { Redis } from 'ioredis';
import { dropDatabase } from '@app/database';
import { createTestApp, OwnRedisSentinel, TestApp, waitFor } from '@app/testing';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Every Sentinel and Redis gone, then the app closes (a SIGTERM during the outage): no connection
 * may go on asking the Sentinels for the master. BullMQ reopens a worker's blocking connection
 * after its own close; that one used to look for the master for ever, keeping the process busy.
 */
describe('an app closed while no Sentinel answers', () => {
  const sentinel = new OwnRedisSentinel();
  let t: TestApp;
  let door: Server | undefined;
  // Every ioredis client of this process, so one that outlives the app is dropped even when the test fails.
  const connects = jest.spyOn(Redis.prototype, 'connect');

  beforeAll(async () => {
    await sentinel.start();
    t = await createTestApp({ env: { REDIS_URL: '', REDIS_SENTINELS: sentinel.addresses, REDIS_SENTINEL_NAME: sentinel.name } });
  }, 120_000);
  afterAll(async () => {
    for (const client of new Set(connects.mock.contexts)) client.disconnect();
    connects.mockRestore();
    await new Promise((resolve) => (door ? door.close(resolve) : resolve(undefined)));
    await sentinel.stop();
    // No Sentinel to ask for the test's keys: they went with the servers.
    if (t) await dropDatabase(t.env.DATABASE_URL);
  });

  it('stops looking for the master once closed', async () => {
    const port = Number(sentinel.addresses.split(':').pop());
    await sentinel.stop();
    // The Sentinel's port now takes each connection and hangs up: whoever still looks for the master knocks here.
    const knocks: number[] = [];
    door = createServer((socket) => {
      knocks.push(Date.now());
      socket.destroy();
    });
    await new Promise<void>((resolve) => door!.listen(port, '127.0.0.1', resolve));
    await waitFor('the app to see Redis gone', async () => (await t.http().get('/health/ready')).body.checks.redis !== 'up', 10_000, 100);
    // A worker gives up its blocking read when it outlasts the block (at most 10 s) by a second, then reopens that connection.
    await sleep(12_000);
    expect(knocks.length).toBeGreaterThan(0);

    await t.closeApp();
    const closed = Date.now();
    await sleep(6_000);
    // A round already under way at the close may still end with a knock: one retry delay (a second) and that round.
    expect(knocks.filter((at) => at > closed + 2_000)).toEqual([]);
  }, 90_000);
});
