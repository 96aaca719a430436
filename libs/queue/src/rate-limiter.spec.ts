import { randomBytes } from 'node:crypto';
import { loadConfig } from '@app/config';
import { RateLimitedException, RateLimiter, RateLimitUnavailableException, RateRule } from './rate-limiter';
import { RedisClient } from './redis.provider';
import { RedisConnections } from './redis-connections.service';
import { deleteKeysUnder } from './redis-keys';

/** Against the real Redis, as two API processes would share it. */
describe('RateLimiter', () => {
  const config = loadConfig({
    NODE_ENV: 'test',
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: `cm-test-rl-${randomBytes(4).toString('hex')}`,
  });
  const connections = new RedisConnections(config);
  const clients = [new RedisClient(connections), new RedisClient(connections)];
  const [one, two] = clients.map((redis) => new RateLimiter(redis, config));
  const message = (wait: number) => `${wait} saniye bekleyin`;
  const rule = (limit: number, windowSeconds = 60): RateRule => ({ scope: `s${randomBytes(3).toString('hex')}`, limit, windowSeconds });

  afterAll(async () => {
    await deleteKeysUnder(clients[0].connection, config.REDIS_PREFIX);
    await connections.onApplicationShutdown();
  });

  const outcome = (work: Promise<void>) =>
    work.then(
      () => 'counted',
      (error) => (error instanceof RateLimitedException ? error.retryAfterSeconds : error),
    );

  it('counts up to the limit, then refuses with the time left in the window', async () => {
    const r = rule(3, 60);
    for (let i = 0; i < 3; i += 1) await one.take([{ rule: r, subject: '10.0.0.1' }], message);
    const refused = await outcome(one.take([{ rule: r, subject: '10.0.0.1' }], message));
    expect(refused).toBeGreaterThan(55);
    expect(refused).toBeLessThanOrEqual(60);
    await expect(one.take([{ rule: r, subject: '10.0.0.1' }], message)).rejects.toThrow('saniye bekleyin');
    expect(await outcome(one.take([{ rule: r, subject: '10.0.0.2' }], message))).toBe('counted');
  });

  it('lets no more than the limit through when processes race on one counter', async () => {
    const r = rule(10);
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => outcome((i % 2 ? one : two).take([{ rule: r, subject: 'x' }], message))));
    expect(results.filter((x) => x === 'counted')).toHaveLength(10);
  });

  it('counts a refused hit nowhere, and gives a refunded hit back', async () => {
    const tight = rule(1);
    const loose = rule(2);
    await one.take(
      [
        { rule: tight, subject: 'a' },
        { rule: loose, subject: 'b' },
      ],
      message,
    );
    // Refused by `tight`: `loose` must not lose its second hit to it.
    expect(
      await outcome(
        one.take(
          [
            { rule: tight, subject: 'a' },
            { rule: loose, subject: 'b' },
          ],
          message,
        ),
      ),
    ).toEqual(expect.any(Number));
    expect(await outcome(one.take([{ rule: loose, subject: 'b' }], message))).toBe('counted');
    expect(await outcome(one.take([{ rule: loose, subject: 'b' }], message))).toEqual(expect.any(Number));
    await one.refund([{ rule: loose, subject: 'b' }]);
    expect(await outcome(one.take([{ rule: loose, subject: 'b' }], message))).toBe('counted');
  });

  it('starts afresh when the window has passed', async () => {
    const r = rule(1, 1);
    await one.take([{ rule: r, subject: 'y' }], message);
    expect(await outcome(one.take([{ rule: r, subject: 'y' }], message))).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await outcome(one.take([{ rule: r, subject: 'y' }], message))).toBe('counted');
  });

  it('says so when Redis does not answer, and a refund then fails nothing', async () => {
    const down = jest.spyOn(clients[0].connection, 'eval').mockRejectedValue(new Error('Connection is closed.'));
    try {
      await expect(one.take([{ rule: rule(5), subject: 'z' }], message)).rejects.toBeInstanceOf(RateLimitUnavailableException);
      await expect(one.refund([{ rule: rule(5), subject: 'z' }])).resolves.toBeUndefined();
    } finally {
      down.mockRestore();
    }
  });

  it('keeps subjects only as keyed hashes', async () => {
    const r = rule(5);
    await one.take([{ rule: r, subject: ['yonetici', '192.0.2.77'] }], message);
    const keys = await clients[0].connection.keys(`${config.REDIS_PREFIX}:rate:${r.scope}:*`);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(new RegExp(`^${config.REDIS_PREFIX}:rate:${r.scope}:[0-9a-f]{32}$`));
  });
});
