import { createTestApp, idByCode, loginAs, Staff, TestApp } from '@app/testing';

describe('admin: departments, categories, mahalleler, users', () => {
  let t: TestApp;
  let admin: Staff;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAs(t, 'admin');
  });
  afterAll(() => t.close());

  const post = (path: string, body: object) => t.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${admin.token}`).send(body);
  const patch = (path: string, body: object) => t.http().patch(`/api/v1${path}`).set('Authorization', `Bearer ${admin.token}`).send(body);
  const get = (path: string) => t.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${admin.token}`);

  it('creates a müdürlük under a başkan yardımcılığı and refuses a wrong parent', async () => {
    const by = (await t.dataSource.query(`SELECT id FROM departments WHERE level = 'baskan_yardimciligi' LIMIT 1`))[0].id;
    const res = await post('/departments', { code: 'AFET', name: 'Afet İşleri Müdürlüğü', level: 'mudurluk', parentId: by, email: 'afet@ornek.bel.tr' }).expect(
      201,
    );
    expect(res.body).toMatchObject({ code: 'AFET', level: 'mudurluk', parentId: by, active: true });
    const wrong = await post('/departments', { code: 'AFET2', name: 'Afet 2', level: 'mudurluk', parentId: res.body.id }).expect(400);
    expect(wrong.body.details[0].field).toBe('parentId');
    const taken = await post('/departments', { code: 'AFET', name: 'Tekrar', level: 'mudurluk', parentId: by }).expect(409);
    expect(taken.body.code).toBe('DEPARTMENT_CODE_TAKEN');
    await patch(`/departments/${res.body.id}`, { active: false }).expect(200);
    const list = await get('/departments').expect(200);
    expect(list.body.find((d: { code: string }) => d.code === 'AFET').active).toBe(false);
  });

  it('creates a category mapped to exactly one department or institution', async () => {
    const fen = await idByCode(t.dataSource, 'departments', 'FEN');
    const su = await idByCode(t.dataSource, 'institutions', 'SU_IDARESI');
    const res = await post('/categories', {
      serviceCode: 'FEN-900',
      name: 'Köprü bakımı',
      kind: 'talep',
      defaultDepartmentId: fen,
      keywords: ['Köprü', 'köprü', 'üst geçit'],
    }).expect(201);
    expect(res.body.keywords).toEqual(['köprü', 'üst geçit']);
    const both = await post('/categories', { serviceCode: 'FEN-901', name: 'Xx', kind: 'talep', defaultDepartmentId: fen, referToInstitutionId: su }).expect(
      400,
    );
    expect(both.body.details[0].field).toBe('defaultDepartmentId');
    const unknown = await post('/categories', {
      serviceCode: 'FEN-902',
      name: 'Xx',
      kind: 'talep',
      defaultDepartmentId: '6f1c2f0e-0000-4000-8000-000000000000',
    }).expect(400);
    expect(unknown.body.details[0].field).toBe('defaultDepartmentId');
  });

  it('searches categories ignoring Turkish letters and case', async () => {
    const res = await get(`/categories?q=${encodeURIComponent('COP')}`).expect(200);
    expect(res.body.length).toBeGreaterThan(0);
    expect(res.body.every((c: { name: string; keywords: string[] }) => /[çc][öo]p/i.test([c.name, ...c.keywords].join(' ')))).toBe(true);
  });

  it('creates and edits a mahalle', async () => {
    const res = await post('/mahalleler', { code: 'YENIKENT', name: 'Yenikent Mahallesi', muhtarName: 'Fatma Arslan', muhtarPhone: '+905321234500' }).expect(
      201,
    );
    const edited = await patch(`/mahalleler/${res.body.id}`, { muhtarName: 'Hasan Arslan' }).expect(200);
    expect(edited.body.muhtarName).toBe('Hasan Arslan');
    const bad = await post('/mahalleler', { code: 'X1', name: 'Xx', muhtarPhone: '0532' }).expect(400);
    expect(bad.body.details[0].field).toBe('muhtarPhone');
  });

  it('creates users with hashed passwords; department roles need a department', async () => {
    const noDept = await post('/users', { username: 'fen-2', fullName: 'Fen 2', role: 'department_staff', password: 'Cok-Gizli-Parola' }).expect(400);
    expect(noDept.body.details[0].field).toBe('departmentId');
    const fen = await idByCode(t.dataSource, 'departments', 'FEN');
    const res = await post('/users', {
      username: 'fen-2',
      fullName: 'Fen 2',
      role: 'department_staff',
      departmentId: fen,
      password: 'Cok-Gizli-Parola',
    }).expect(201);
    expect(res.body).not.toHaveProperty('passwordHash');
    await post('/users', { username: 'fen-2', fullName: 'Fen 2', role: 'agent', password: 'Cok-Gizli-Parola' }).expect(409);
    await loginAs(t, 'fen-2', 'Cok-Gizli-Parola');
    await patch(`/users/${res.body.id}`, { active: false }).expect(200);
    await t.http().post('/api/v1/auth/login').send({ username: 'fen-2', password: 'Cok-Gizli-Parola' }).expect(401);
  });
});
