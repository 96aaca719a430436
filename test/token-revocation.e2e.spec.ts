import { createStaff, createTestApp, idByCode, loginAs, Staff, TestApp } from '@app/testing';

/** An access token ends when its user's password, active flag, role or department changes. */
describe('access-token revocation', () => {
  let t: TestApp;
  let admin: Staff;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAs(t, 'admin');
  });
  afterAll(() => t.close());

  const me = (token: string) => t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`);
  const patch = (id: string, body: object) => t.http().patch(`/api/v1/users/${id}`).set('Authorization', `Bearer ${admin.token}`).send(body);
  const usernameOf = async (staff: Staff) => (await me(staff.token).expect(200)).body.username as string;

  it('ends the tokens issued before a password change; a login with the new password works', async () => {
    const agent = await createStaff(t, admin, 'agent');
    const username = await usernameOf(agent);
    const otherSession = await loginAs(t, username, 'Test-Parola-12345');
    await patch(agent.id, { password: 'Yeni-Parola-67890' }).expect(200);
    const res = await me(agent.token).expect(401);
    expect(res.body).toEqual({ statusCode: 401, code: 'UNAUTHENTICATED', message: 'Oturum geçersiz veya süresi dolmuş' });
    await me(otherSession.token).expect(401);

    await t.http().post('/api/v1/auth/login').send({ username, password: 'Test-Parola-12345' }).expect(401);
    const fresh = await loginAs(t, username, 'Yeni-Parola-67890');
    await me(fresh.token).expect(200);
  });

  it('ends the tokens of a deactivated user, and does not bring them back on reactivation', async () => {
    const agent = await createStaff(t, admin, 'agent');
    await patch(agent.id, { active: false }).expect(200);
    await me(agent.token).expect(401);
    await patch(agent.id, { active: true }).expect(200);
    await me(agent.token).expect(401);
  });

  it('ends the tokens issued before a role or department change', async () => {
    const staff = await createStaff(t, admin, 'department_staff', await idByCode(t.dataSource, 'departments', 'FEN'));
    await patch(staff.id, { departmentId: await idByCode(t.dataSource, 'departments', 'PARK') }).expect(200);
    await me(staff.token).expect(401);

    const agent = await createStaff(t, admin, 'agent');
    await patch(agent.id, { role: 'supervisor' }).expect(200);
    await me(agent.token).expect(401);
  });

  it('keeps tokens working across changes that grant nothing, and does not show the version', async () => {
    const agent = await createStaff(t, admin, 'agent');
    const res = await patch(agent.id, { fullName: 'Adı Değişen Temsilci', available: false }).expect(200);
    expect(res.body).not.toHaveProperty('tokenVersion');
    await me(agent.token).expect(200);
  });
});
