import request from 'supertest';
import { RedisClient } from '@app/queue';
import { ApiProcess, buildService, createTestApp, loginAs, Staff, startApiProcess, TestApp } from '@app/testing';

const PASSWORD = 'Test-Parola-12345';
const WINDOW_SECONDS = 10;

/**
 * Failed logins are counted in Redis, so two API processes (this test's app and a built one
 * started beside it) refuse together. Client addresses come from X-Forwarded-For (TRUST_PROXY=loopback).
 */
describe('login throttling across API processes', () => {
  let t: TestApp;
  let other: ApiProcess;
  let admin: Staff;
  let n = 0;

  beforeAll(async () => {
    buildService();
    t = await createTestApp({
      env: {
        APP_ROLE: 'api',
        TRUST_PROXY: 'loopback',
        LOGIN_MAX_FAILURES: '4',
        LOGIN_MAX_ACCOUNT_FAILURES: '6',
        LOGIN_MAX_ADDRESS_FAILURES: '8',
        LOGIN_WINDOW_SECONDS: String(WINDOW_SECONDS),
      },
    });
    other = await startApiProcess(t.env);
    admin = await loginAs(t, 'admin');
  }, 180_000);
  afterAll(async () => {
    await other?.stop();
    await t?.close();
  });

  /** The two processes, taken in turn. */
  const processes = () => [t.http(), request(other.url)] as const;
  const login = (via: 0 | 1, ip: string, username: string, password: string) =>
    processes()[via].post('/api/v1/auth/login').set('X-Forwarded-For', ip).send({ username, password });

  const newUser = async () => {
    n += 1;
    const username = `throttle-user-${n}`;
    await t
      .http()
      .post('/api/v1/users')
      .set('Authorization', `Bearer ${admin.token}`)
      .send({ username, fullName: 'Deneme Kullanıcı', role: 'agent', password: PASSWORD })
      .expect(201);
    return username;
  };

  const expectThrottled = (res: request.Response) => {
    expect(res.status).toBe(429);
    expect(res.body).toEqual({ statusCode: 429, code: 'TOO_MANY_REQUESTS', message: expect.stringMatching(/başarısız giriş.*dakika sonra/) });
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
    return retryAfter;
  };

  it('counts failures spread over both processes, then both answer 429 with Retry-After, even to the right password', async () => {
    const victim = await newUser();
    for (let i = 0; i < 4; i += 1) expect((await login((i % 2) as 0 | 1, '198.51.100.1', victim, `yanlis-${i}`)).status).toBe(401);
    expectThrottled(await login(0, '198.51.100.1', victim, 'yanlis-4'));
    expectThrottled(await login(1, '198.51.100.1', victim, 'yanlis-5'));
    expectThrottled(await login(0, '198.51.100.1', victim, PASSWORD));
    expectThrottled(await login(1, '198.51.100.1', victim, PASSWORD));
    // The user name is matched lower-cased, as the login itself matches it.
    expectThrottled(await login(1, '198.51.100.1', victim.toUpperCase(), PASSWORD));

    // A different account from the same address, and the owner from another address, are unaffected.
    const bystander = await newUser();
    expect((await login(0, '198.51.100.1', bystander, PASSWORD)).status).toBe(200);
    expect((await login(1, '203.0.113.9', victim, PASSWORD)).status).toBe(200);
  });

  it('lets the right password in again once the window has passed', async () => {
    const user = await newUser();
    for (let i = 0; i < 4; i += 1) await login((i % 2) as 0 | 1, '198.51.100.2', user, 'yanlis').expect(401);
    const retryAfter = expectThrottled(await login(1, '198.51.100.2', user, PASSWORD));
    await new Promise((resolve) => setTimeout(resolve, (retryAfter + 1) * 1000));
    expect((await login(1, '198.51.100.2', user, PASSWORD)).status).toBe(200);
  }, 30_000);

  it('does not count successful logins', async () => {
    const user = await newUser();
    for (let i = 0; i < 6; i += 1) await login((i % 2) as 0 | 1, '198.51.100.3', user, PASSWORD).expect(200);
    for (let i = 0; i < 4; i += 1) await login((i % 2) as 0 | 1, '198.51.100.3', user, 'yanlis').expect(401);
    expectThrottled(await login(0, '198.51.100.3', user, 'yanlis'));
  });

  it('locks an account for everyone when guesses come from many addresses', async () => {
    const user = await newUser();
    for (let i = 0; i < 6; i += 1) await login((i % 2) as 0 | 1, `198.51.100.${10 + (i % 3)}`, user, 'yanlis').expect(401);
    expectThrottled(await login(1, '203.0.113.20', user, PASSWORD));
  });

  it('stops one address trying many accounts, known or not, and only that address', async () => {
    for (let i = 0; i < 8; i += 1) await login((i % 2) as 0 | 1, '198.51.100.30', `kimse-${i}`, 'yanlis').expect(401);
    const user = await newUser();
    expectThrottled(await login(0, '198.51.100.30', user, PASSWORD));
    expect((await login(1, '198.51.100.31', user, PASSWORD)).status).toBe(200);
  });

  it('keeps neither the address nor the user name in Redis keys', async () => {
    const keys = await t.app.get(RedisClient).connection.keys(`${t.env.REDIS_PREFIX}:rate:*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join('\n')).not.toMatch(/198\.51|203\.0|throttle-user|kimse/);
  });
});
