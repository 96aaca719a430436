import { createHmac } from 'node:crypto';
import { createTestApp, loginAs, Staff, TestApp } from '@app/testing';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

function sign(payload: object, secret: string, alg = 'HS256'): string {
  const head = `${b64({ alg, typ: 'JWT' })}.${b64(payload)}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

describe('authentication, authorisation and bad input', () => {
  let t: TestApp;
  let agent: Staff;
  let secret: string;

  beforeAll(async () => {
    t = await createTestApp();
    agent = await loginAs(t, 'agent');
    secret = 'dev-only-jwt-secret-change-me-0123456789';
  });
  afterAll(() => t.close());

  const me = (token?: string) => {
    const req = t.http().get('/api/v1/auth/me');
    return token ? req.set('Authorization', `Bearer ${token}`) : req;
  };

  it('logs a demo user in and tells who they are', async () => {
    const res = await me(agent.token).expect(200);
    expect(res.body).toMatchObject({ username: 'agent', role: 'agent' });
  });

  it('refuses a wrong password with 401 and no hint which part was wrong', async () => {
    const res = await t.http().post('/api/v1/auth/login').send({ username: 'agent', password: 'yanlis' }).expect(401);
    expect(res.body).toEqual({ statusCode: 401, code: 'AUTH_INVALID_CREDENTIALS', message: 'Kullanıcı adı veya parola hatalı' });
    const unknown = await t.http().post('/api/v1/auth/login').send({ username: 'nobody', password: 'yanlis' }).expect(401);
    expect(unknown.body.code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('refuses a request without a token', async () => {
    const res = await me().expect(401);
    expect(res.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
  });

  it('refuses an expired token', async () => {
    const expired = sign({ sub: agent.id, iat: 1_700_000_000, exp: 1_700_000_060 }, secret);
    const res = await me(expired).expect(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a token signed with another key', async () => {
    const forged = sign({ sub: agent.id, exp: Math.floor(Date.now() / 1000) + 600 }, 'x'.repeat(40));
    await me(forged).expect(401);
  });

  it('refuses an unsigned alg:none token', async () => {
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: agent.id, exp: Math.floor(Date.now() / 1000) + 600 })}.`;
    const res = await me(none).expect(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });

  it('checks the secret is the one the app signs with (so the forged cases above prove something)', async () => {
    const valid = sign({ sub: agent.id, exp: Math.floor(Date.now() / 1000) + 600 }, secret);
    await me(valid).expect(200);
  });

  it('answers 403 when the role may not', async () => {
    const res = await t
      .http()
      .post('/api/v1/departments')
      .set('Authorization', `Bearer ${agent.token}`)
      .send({ code: 'YENI', name: 'Yeni Müdürlük', level: 'mudurluk' })
      .expect(403);
    expect(res.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
  });

  it('answers 400 naming unknown fields', async () => {
    const res = await t.http().post('/api/v1/auth/login').send({ username: 'agent', password: 'x', isAdmin: true }).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.message).toContain('isAdmin');
    expect(res.body.details).toEqual([{ field: 'isAdmin', message: 'Bilinmeyen alan (isAdmin) gönderilemez' }]);
  });

  it('answers 400 for malformed JSON', async () => {
    const res = await t.http().post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{"username": "agent",').expect(400);
    expect(res.body).toEqual({ statusCode: 400, code: 'MALFORMED_JSON', message: 'İstek gövdesi geçerli bir JSON değil' });
  });

  it('answers 413 for a body over 1 MB', async () => {
    const res = await t
      .http()
      .post('/api/v1/tickets')
      .set('Authorization', `Bearer ${agent.token}`)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ description: 'x'.repeat(1_100_000) }))
      .expect(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('serves the OpenAPI document', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/v1/tickets', '/api/v1/auth/login']));
  });

  it('reports health of the database and Redis', async () => {
    const res = await t.http().get('/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', checks: { database: 'up', redis: 'up' } });
  });
});
