import { randomBytes } from 'node:crypto';
import { mobile, Staff } from '@app/testing';
import { Req, Scope } from './operation';
import { bearer, Caller, DepartmentSide, freshTicket, quiescent, World } from './world';

export const REPORTERS = ['supervisor', 'department_manager', 'executive'] as const;
export const PROCESS_ROLES = ['supervisor', 'executive', 'department_manager', 'department_staff'] as const;
export const TEMPLATE_READERS = PROCESS_ROLES;
export const PERIOD = { from: '2026-01-01', to: '2026-12-31' };
export const unique = () => randomBytes(3).toString('hex');

export const sideOf = (w: World, scope: Scope): DepartmentSide => (scope === 'own' ? w.own : w.other);
export const staffOf = (w: World, caller: Caller): Staff | null => (caller === 'anonymous' ? null : w.callers[caller]);

export async function asAdmin(w: World, method: 'post' | 'put' | 'patch', path: string, body: object, expected = 201) {
  return (await w.t.http()[method](`/api/v1${path}`).set(bearer(w.callers.admin)).send(body).expect(expected)).body;
}

let categoryNumber = 100;
export const newCategory = (w: World) => ({
  serviceCode: `TST-${(categoryNumber += 1)}`,
  name: `Deneme konusu ${categoryNumber}`,
  kind: 'talep',
  defaultDepartmentId: w.own.departmentId,
});

/** A new müdürlük under the same başkan yardımcılığı as the world's own department. */
export async function newDepartment(w: World) {
  const [{ parent_id: parentId }] = await w.t.dataSource.query('SELECT parent_id FROM departments WHERE id = $1', [w.own.departmentId]);
  return { code: `D${unique().toUpperCase()}`, name: 'Deneme Müdürlüğü', level: 'mudurluk', parentId };
}

export async function freshProcess(w: World, side: DepartmentSide) {
  const res = await w.t
    .http()
    .post('/api/v1/processes')
    .set(bearer(w.callers.supervisor))
    .send({ templateId: side.templateId, title: `Süreç ${unique()}` })
    .expect(201);
  return { id: res.body.id as string, stepId: res.body.steps[0].id as string };
}

export async function freshAppointment(w: World) {
  return (
    await w.t
      .http()
      .post('/api/v1/appointments')
      .set(bearer(w.kalem))
      .send({ requesterKind: 'citizen', requesterName: 'Randevu Talep', phone: mobile(), subject: 'Görüşme' })
      .expect(201)
  ).body.id as string;
}

let slotMinutes = 0;
export async function freshSlot(w: World) {
  slotMinutes += 30;
  const startsAt = new Date(Date.UTC(2027, 0, 4, 6, 0) + slotMinutes * 60_000).toISOString();
  return (await w.t.http().post('/api/v1/appointments/slots').set(bearer(w.kalem)).send({ startsAt, durationMinutes: 20 }).expect(201)).body.id as string;
}

export async function freshActivity(w: World) {
  return (
    await w.t
      .http()
      .post('/api/v1/muhtar-activities')
      .set(bearer(w.callers.executive))
      .send({ kind: 'coordination_meeting', title: `Toplantı ${unique()}`, plannedAt: '2026-06-01T07:00:00Z' })
      .expect(201)
  ).body.id as string;
}

export async function freshNotification(w: World, userId: string) {
  const [row] = await w.t.dataSource.query(
    `INSERT INTO staff_notifications (user_id, cause, title, body, link) VALUES ($1, $2, 'Süre uyarısı', 'Bir başvurunun süresi doluyor', '/app') RETURNING id`,
    [userId, `matrix-${unique()}`],
  );
  return row.id as string;
}

export async function freshCall(w: World) {
  const callSid = `CA${randomBytes(16).toString('hex')}`;
  await w.t.dataSource.query(`INSERT INTO call_logs (call_sid, from_number, to_number, status, status_rank) VALUES ($1, $2, '+904441234', 'in-progress', 2)`, [
    callSid,
    `+90${mobile().slice(1)}`,
  ]);
  return callSid;
}

export async function freshFailedMessage(w: World, side: DepartmentSide) {
  const [row] = await w.t.dataSource.query(
    `INSERT INTO outbound_messages (dedupe_key, channel, recipient, ticket_id, citizen_id, purpose, body, state, not_before, attempts, last_error)
     VALUES ($1, 'sms', $2, $3, $4, 'answered', 'Yanıt', 'failed', now(), 6, 'test') RETURNING id`,
    [`matrix-${unique()}`, side.citizen.e164, side.ticket.id, side.ticket.citizenId],
  );
  return row.id as string;
}

/** A finished export of this caller's own (the one another user made is in the world). */
export async function ownExport(w: World, caller: Caller) {
  const staff = staffOf(w, caller) ?? w.callers.admin;
  const res = await w.t
    .http()
    .post('/api/v1/reports/exports')
    .set(bearer(staff))
    .send({ report: 'volume', ...PERIOD });
  if (res.status !== 202) return w.otherExportId;
  await quiescent(w.t);
  return res.body.id as string;
}

export async function exportOf(w: World, caller: Caller, scope: Scope) {
  return scope === 'own' ? ownExport(w, caller) : w.otherExportId;
}

export async function pairWithSuspicion(w: World, side: DepartmentSide) {
  const a = await freshTicket(w, side);
  const b = await freshTicket(w, side);
  await w.t.dataSource.query(`INSERT INTO duplicate_suspicions (ticket_id, original_id, reason) VALUES ($1, $2, 'same_citizen_category')`, [a.id, b.id]);
  return { a, b };
}

export const ticketAction =
  (body: (w: World, side: DepartmentSide) => Promise<Record<string, unknown>> | Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  async (w: World, _caller: Caller, scope: Scope): Promise<Req> => {
    const side = sideOf(w, scope);
    const ticket = await freshTicket(w, side, extra);
    return { path: { id: ticket.id }, body: { version: ticket.version, ...(await body(w, side)) } };
  };

/**
 * Every operation of the API. The matrix test fails on an operation of the OpenAPI document
 * that is not here, so a new endpoint cannot ship without saying who may call it.
 */
