import { createTestApp, loginAs, Staff, TestApp } from '@app/testing';

/** Bull Board at /api/v1/admin/queues: admins only, by bearer token or by the board's cookie. */
describe('the queue board', () => {
  let t: TestApp;
  let admin: Staff;
  let agent: Staff;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAs(t, 'admin');
    agent = await loginAs(t, 'agent');
  }, 60_000);
  afterAll(() => t?.close());

  it('is refused without a token, with a forged one and to a non-admin', async () => {
    for (const path of ['/api/v1/admin/queues', '/api/v1/admin/queues/', '/api/v1/admin/queues/api/queues', '/api/v1/admin/queues/static/js/main.js']) {
      await t.http().get(path).expect(401);
      await t.http().get(path).set('Authorization', 'Bearer eyJhbGciOiJub25lIn0.e30.').expect(401);
      await t.http().get(path).set('Authorization', `Bearer ${agent.token}`).expect(403);
      await t.http().get(path).set('Cookie', `cm_queue_board=${agent.token}`).expect(403);
    }
  });

  it('shows an admin every job queue, under its own CSP', async () => {
    const page = await t.http().get('/api/v1/admin/queues/').set('Authorization', `Bearer ${admin.token}`).expect(200);
    expect(page.text).toContain('__UI_CONFIG__');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const queues = await t.http().get('/api/v1/admin/queues/api/queues').set('Authorization', `Bearer ${admin.token}`).expect(200);
    expect((queues.body.queues as { name: string }[]).length).toBeGreaterThan(0);
  });

  it('opens for the admin’s browser through an HttpOnly cookie on the board’s path, which ends with the admin’s session', async () => {
    await t.http().post('/api/v1/admin/queue-board/session').set('Authorization', `Bearer ${agent.token}`).expect(403);
    const res = await t.http().post('/api/v1/admin/queue-board/session').set('Authorization', `Bearer ${admin.token}`).expect(200);
    expect(res.body.url).toBe('/api/v1/admin/queues/');
    const cookie = String(res.headers['set-cookie']?.[0] ?? '');
    expect(cookie).toMatch(/^cm_queue_board=[^;]+; Max-Age=900; Path=\/api\/v1\/admin\/queues; Expires=[^;]+; HttpOnly; SameSite=Strict$/);
    const pair = cookie.split(';')[0];
    await t.http().get('/api/v1/admin/queues/api/queues').set('Cookie', pair).expect(200);
    // A new password for the admin ends the token, and the cookie with it.
    const other = await loginAs(t, 'admin');
    await t.http().patch(`/api/v1/users/${admin.id}`).set('Authorization', `Bearer ${other.token}`).send({ password: 'Demo-admin-2026' }).expect(200);
    await t.http().get('/api/v1/admin/queues/api/queues').set('Cookie', pair).expect(401);
  });
});
