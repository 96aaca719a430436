import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TestApp } from './test-app';

export interface Staff {
  id: string;
  token: string;
  departmentId: string | null;
}

/** Logs in as one of the demo users the default municipality file loads. */
export async function loginAs(t: TestApp, username: string, password = `Demo-${username}-2026`): Promise<Staff> {
  const res = await t.http().post('/api/v1/auth/login').send({ username, password });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.user.id, token: res.body.accessToken, departmentId: res.body.user.departmentId };
}

/** Creates a staff user through the admin API and logs in as them. */
export async function createStaff(t: TestApp, admin: Staff, role: string, departmentId: string | null = null): Promise<Staff> {
  const username = `${role.replace(/_/g, '-')}-${randomBytes(3).toString('hex')}`;
  const password = 'Test-Parola-12345';
  const res = await t
    .http()
    .post('/api/v1/users')
    .set('Authorization', `Bearer ${admin.token}`)
    .send({ username, fullName: `Test ${role}`, role, departmentId, password });
  if (res.status !== 201) throw new Error(`create ${role} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return loginAs(t, username, password);
}

export async function idByCode(dataSource: DataSource, table: 'departments' | 'mahalleler' | 'institutions', code: string): Promise<string> {
  const rows: { id: string }[] = await dataSource.query(`SELECT id FROM ${table} WHERE code = $1`, [code]);
  if (!rows[0]) throw new Error(`${table} ${code} not found`);
  return rows[0].id;
}

export async function categoryId(dataSource: DataSource, serviceCode: string): Promise<string> {
  const rows: { id: string }[] = await dataSource.query('SELECT id FROM categories WHERE service_code = $1', [serviceCode]);
  if (!rows[0]) throw new Error(`category ${serviceCode} not found`);
  return rows[0].id;
}

let phoneCounter = 0;

/** A valid, distinct Turkish mobile number per call. */
export function mobile(): string {
  phoneCounter += 1;
  const n = (process.pid * 1000 + phoneCounter) % 10_000_000;
  return `0532${String(n).padStart(7, '0')}`;
}

/** A ticket body the API accepts, to override as each test needs. */
export function ticketInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    channel: 'phone',
    kind: 'sikayet',
    subject: 'Sokakta çöp birikti',
    description: 'Üç gündür çöpler toplanmadı, koku var.',
    citizen: { fullName: 'Ayşe Yılmaz', phone: mobile() },
    ...overrides,
  };
}
