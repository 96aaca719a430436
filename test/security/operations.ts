import { randomBytes } from 'node:crypto';
import { categoryId, mobile, Staff } from '@app/testing';
import { bearer, Caller, DepartmentSide, freshTicket, quiescent, World } from './world';

/** Which department's resources a request names: the caller's own, or another's. */
export type Scope = 'own' | 'other';

/** One request as the matrix and the fuzzer send it. */
export interface Req {
  path?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** `application/x-www-form-urlencoded` (providers' webhooks) instead of JSON. */
  form?: boolean;
  headers?: Record<string, string>;
}

type StaffRole = Exclude<Caller, 'anonymous'>;

/**
 * Who may call an operation and what a caller gets. `allow`: the roles that succeed (admin
 * always may, unless `notAdmin`); 'staff' = anyone logged in; 'public' = everyone alike, token or
 * not; 'webhook' = a provider's endpoint, which refuses every unsigned request alike (`ok`).
 */
export interface Operation {
  allow: readonly StaffRole[] | 'staff' | 'public' | 'webhook';
  /** What a department role gets for another department's resource; absent = not department-scoped. */
  foreign?: number;
  /** Resources of one user (notifications, exports): another user's is `foreign` for every role but `owner`-exempt ones. */
  owned?: { foreign: number; exempt?: readonly StaffRole[] };
  /** The statuses a permitted call may get (default: any 2xx). */
  ok?: readonly number[];
  /** Server-sent events: the status line is checked, then the stream closed. */
  stream?: true;
  /** Gives clear personal data by design, to those it allows (logged). */
  reveals?: true;
  request: (w: World, caller: Caller, scope: Scope) => Promise<Req> | Req;
}

const REPORTERS = ['supervisor', 'department_manager', 'executive'] as const;
const PROCESS_ROLES = ['supervisor', 'executive', 'department_manager', 'department_staff'] as const;
const TEMPLATE_READERS = PROCESS_ROLES;
const PERIOD = { from: '2026-01-01', to: '2026-12-31' };
const unique = () => randomBytes(3).toString('hex');

const sideOf = (w: World, scope: Scope): DepartmentSide => (scope === 'own' ? w.own : w.other);
const staffOf = (w: World, caller: Caller): Staff | null => (caller === 'anonymous' ? null : w.callers[caller]);

async function asAdmin(w: World, method: 'post' | 'put' | 'patch', path: string, body: object, expected = 201) {
  return (await w.t.http()[method](`/api/v1${path}`).set(bearer(w.callers.admin)).send(body).expect(expected)).body;
}

let categoryNumber = 100;
const newCategory = (w: World) => ({ serviceCode: `TST-${(categoryNumber += 1)}`, name: `Deneme konusu ${categoryNumber}`, kind: 'talep', defaultDepartmentId: w.own.departmentId });

/** A new müdürlük under the same başkan yardımcılığı as the world's own department. */
async function newDepartment(w: World) {
  const [{ parent_id: parentId }] = await w.t.dataSource.query('SELECT parent_id FROM departments WHERE id = $1', [w.own.departmentId]);
  return { code: `D${unique().toUpperCase()}`, name: 'Deneme Müdürlüğü', level: 'mudurluk', parentId };
}

async function freshProcess(w: World, side: DepartmentSide) {
  const res = await w.t.http().post('/api/v1/processes').set(bearer(w.callers.supervisor)).send({ templateId: side.templateId, title: `Süreç ${unique()}` }).expect(201);
  return { id: res.body.id as string, stepId: res.body.steps[0].id as string };
}

async function freshAppointment(w: World) {
  return (await w.t.http().post('/api/v1/appointments').set(bearer(w.kalem)).send({ requesterKind: 'citizen', requesterName: 'Randevu Talep', phone: mobile(), subject: 'Görüşme' }).expect(201)).body.id as string;
}

let slotMinutes = 0;
async function freshSlot(w: World) {
  slotMinutes += 30;
  const startsAt = new Date(Date.UTC(2027, 0, 4, 6, 0) + slotMinutes * 60_000).toISOString();
  return (await w.t.http().post('/api/v1/appointments/slots').set(bearer(w.kalem)).send({ startsAt, durationMinutes: 20 }).expect(201)).body.id as string;
}

async function freshActivity(w: World) {
  return (await w.t.http().post('/api/v1/muhtar-activities').set(bearer(w.callers.executive)).send({ kind: 'coordination_meeting', title: `Toplantı ${unique()}`, plannedAt: '2026-06-01T07:00:00Z' }).expect(201)).body.id as string;
}

async function freshNotification(w: World, userId: string) {
  const [row] = await w.t.dataSource.query(
    `INSERT INTO staff_notifications (user_id, cause, title, body, link) VALUES ($1, $2, 'Süre uyarısı', 'Bir başvurunun süresi doluyor', '/app') RETURNING id`,
    [userId, `matrix-${unique()}`],
  );
  return row.id as string;
}

async function freshCall(w: World) {
  const callSid = `CA${randomBytes(16).toString('hex')}`;
  await w.t.dataSource.query(`INSERT INTO call_logs (call_sid, from_number, to_number, status, status_rank) VALUES ($1, $2, '+904441234', 'in-progress', 2)`, [callSid, `+90${mobile().slice(1)}`]);
  return callSid;
}

async function freshFailedMessage(w: World, side: DepartmentSide) {
  const [row] = await w.t.dataSource.query(
    `INSERT INTO outbound_messages (dedupe_key, channel, recipient, ticket_id, citizen_id, purpose, body, state, not_before, attempts, last_error)
     VALUES ($1, 'sms', $2, $3, $4, 'answered', 'Yanıt', 'failed', now(), 6, 'test') RETURNING id`,
    [`matrix-${unique()}`, side.citizen.e164, side.ticket.id, side.ticket.citizenId],
  );
  return row.id as string;
}

/** A finished export of this caller's own (the one another user made is in the world). */
async function ownExport(w: World, caller: Caller) {
  const staff = staffOf(w, caller) ?? w.callers.admin;
  const res = await w.t.http().post('/api/v1/reports/exports').set(bearer(staff)).send({ report: 'volume', ...PERIOD });
  if (res.status !== 202) return w.otherExportId;
  await quiescent(w.t);
  return res.body.id as string;
}

async function exportOf(w: World, caller: Caller, scope: Scope) {
  return scope === 'own' ? ownExport(w, caller) : w.otherExportId;
}

async function pairWithSuspicion(w: World, side: DepartmentSide) {
  const a = await freshTicket(w, side);
  const b = await freshTicket(w, side);
  await w.t.dataSource.query(`INSERT INTO duplicate_suspicions (ticket_id, original_id, reason) VALUES ($1, $2, 'same_citizen_category')`, [a.id, b.id]);
  return { a, b };
}

const ticketAction = (body: (w: World, side: DepartmentSide) => Promise<Record<string, unknown>> | Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  async (w: World, _caller: Caller, scope: Scope): Promise<Req> => {
    const side = sideOf(w, scope);
    const ticket = await freshTicket(w, side, extra);
    return { path: { id: ticket.id }, body: { version: ticket.version, ...(await body(w, side)) } };
  };

/**
 * Every operation of the API. The matrix test fails on an operation of the OpenAPI document
 * that is not here, so a new endpoint cannot ship without saying who may call it.
 */
export const OPERATIONS: Record<string, Operation> = {
  // auth and users
  'POST /api/v1/auth/login': {
    allow: 'public',
    request: () => ({ body: { username: 'agent', password: 'Demo-agent-2026' } }),
  },
  'GET /api/v1/auth/me': { allow: 'staff', request: () => ({}) },
  'GET /api/v1/users': { allow: [], request: () => ({}) },
  'POST /api/v1/users': { allow: [], request: () => ({ body: { username: `u-${unique()}`, fullName: 'Yeni Kullanıcı', role: 'agent', password: 'Yeni-Parola-12345' } }) },
  'GET /api/v1/users/{id}': { allow: [], request: (w) => ({ path: { id: w.callers.agent.id } }) },
  'PATCH /api/v1/users/{id}': {
    allow: [],
    request: async (w) => {
      const user = await asAdmin(w, 'post', '/users', { username: `u-${unique()}`, fullName: 'Düzenlenecek', role: 'agent', password: 'Yeni-Parola-12345' });
      return { path: { id: user.id }, body: { fullName: 'Düzenlendi' } };
    },
  },

  // the municipality's structure
  'GET /api/v1/departments': { allow: 'staff', request: () => ({}) },
  'POST /api/v1/departments': { allow: [], request: async (w) => ({ body: await newDepartment(w) }) },
  'GET /api/v1/departments/{id}': { allow: 'staff', request: (w, _c, scope) => ({ path: { id: sideOf(w, scope).departmentId } }) },
  'PATCH /api/v1/departments/{id}': {
    allow: [],
    request: async (w) => ({ path: { id: (await asAdmin(w, 'post', '/departments', await newDepartment(w))).id }, body: { name: 'Denendi' } }),
  },
  'GET /api/v1/mahalleler': { allow: 'staff', request: () => ({}) },
  'POST /api/v1/mahalleler': { allow: [], request: () => ({ body: { code: `M${unique().toUpperCase()}`, name: 'Deneme Mahallesi' } }) },
  'GET /api/v1/mahalleler/{id}': { allow: 'staff', request: (w) => ({ path: { id: w.mahalleId } }) },
  'PATCH /api/v1/mahalleler/{id}': {
    allow: [],
    request: async (w) => ({ path: { id: (await asAdmin(w, 'post', '/mahalleler', { code: `M${unique().toUpperCase()}`, name: 'Deneme' })).id }, body: { name: 'Denendi' } }),
  },
  'GET /api/v1/categories': { allow: 'staff', request: () => ({}) },
  'POST /api/v1/categories': {
    allow: [],
    request: (w) => ({ body: newCategory(w) }),
  },
  'GET /api/v1/categories/{id}': { allow: 'staff', request: async (w) => ({ path: { id: await categoryId(w.t.dataSource, 'FEN-001') } }) },
  'PATCH /api/v1/categories/{id}': {
    allow: [],
    request: async (w) => {
      const category = await asAdmin(w, 'post', '/categories', newCategory(w));
      return { path: { id: category.id }, body: { name: `Denendi ${unique()}` } };
    },
  },
  'GET /api/v1/institutions': { allow: 'staff', request: () => ({}) },
  'GET /api/v1/deadline-policies': { allow: 'staff', request: () => ({}) },
  'POST /api/v1/deadline-policies': { allow: [], request: () => ({ body: { code: `P_${unique().toUpperCase()}`, name: 'Deneme süresi', legalBasis: 'internal', resolutionAmount: 5, resolutionUnit: 'working_days' } }) },
  'PATCH /api/v1/deadline-policies/{id}': {
    allow: [],
    request: async (w) => ({ path: { id: (await asAdmin(w, 'post', '/deadline-policies', { code: `P_${unique().toUpperCase()}`, name: 'Deneme', legalBasis: 'internal', resolutionAmount: 5, resolutionUnit: 'working_days' })).id }, body: { resolutionAmount: 6 } }),
  },
  'GET /api/v1/calendar': { allow: ['supervisor', 'executive'], request: () => ({ query: { year: '2026' } }) },
  'POST /api/v1/calendar/overrides': {
    allow: [],
    request: () => ({ body: { date: `2027-${String(Math.floor(Math.random() * 12) + 1).padStart(2, '0')}-${String(Math.floor(Math.random() * 27) + 1).padStart(2, '0')}`, kind: 'half_day_off', reason: 'Deneme günü' } }),
    ok: [201, 409],
  },
  'DELETE /api/v1/calendar/overrides/{id}': {
    allow: [],
    request: async (w) => {
      const res = await w.t.http().post('/api/v1/calendar/overrides').set(bearer(w.callers.admin)).send({ date: `2028-0${Math.floor(Math.random() * 9) + 1}-1${Math.floor(Math.random() * 9)}`, kind: 'day_off', reason: 'Silinecek gün' });
      const [row] = res.status === 201 ? [res.body] : await w.t.dataSource.query(`SELECT id FROM calendar_overrides ORDER BY created_at DESC LIMIT 1`);
      return { path: { id: row.id } };
    },
    ok: [204, 404],
  },
  'GET /api/v1/routing-rules': { allow: ['supervisor', 'executive'], request: () => ({}) },
  'POST /api/v1/routing-rules': { allow: [], request: async (w) => ({ body: { mahalleId: w.mahalleId, kind: 'oneri', departmentId: w.own.departmentId, active: false } }), ok: [201, 409] },
  'PATCH /api/v1/routing-rules/{id}': {
    allow: [],
    request: async (w) => {
      const [rule] = await w.t.dataSource.query('SELECT id FROM routing_rules LIMIT 1');
      const id = rule?.id ?? (await asAdmin(w, 'post', '/routing-rules', { mahalleId: w.mahalleId, kind: 'tesekkur', departmentId: w.own.departmentId, active: false })).id;
      return { path: { id }, body: { active: false } };
    },
  },
  'DELETE /api/v1/routing-rules/{id}': {
    allow: [],
    request: async (w) => ({ path: { id: (await asAdmin(w, 'post', '/routing-rules', { categoryId: await categoryId(w.t.dataSource, 'FEN-002'), kind: null, departmentId: w.own.departmentId, active: false })).id } }),
    ok: [204],
  },

  // citizens (the call centre's look-up)
  'GET /api/v1/citizens': { allow: ['agent', 'supervisor'], request: () => ({}) },
  'POST /api/v1/citizens': { allow: ['agent', 'supervisor'], request: () => ({ body: { fullName: 'Yeni Vatandaş', phone: mobile() } }) },
  'GET /api/v1/citizens/{id}': { allow: ['agent', 'supervisor'], request: (w, _c, scope) => ({ path: { id: sideOf(w, scope).ticket.citizenId } }) },
  'PATCH /api/v1/citizens/{id}/preferences': { allow: ['agent', 'supervisor'], request: (w, _c, scope) => ({ path: { id: sideOf(w, scope).ticket.citizenId }, body: { locale: 'tr' } }) },

  // tickets
  'POST /api/v1/tickets': {
    allow: ['agent', 'supervisor', 'department_staff', 'department_manager'],
    request: (w, _c, scope) => ({ body: { channel: 'walk_in', kind: 'talep', departmentId: sideOf(w, scope).departmentId, subject: 'Masaya gelen talep', description: 'Masada alınan bir talep.', citizen: { fullName: 'Masadaki Kişi', phone: mobile() } } }),
  },
  'GET /api/v1/tickets': { allow: 'staff', request: () => ({}) },
  'GET /api/v1/tickets/summary': { allow: REPORTERS, request: () => ({}) },
  'GET /api/v1/tickets/{id}': { allow: 'staff', foreign: 404, request: (w, _c, scope) => ({ path: { id: sideOf(w, scope).ticket.id } }) },
  'GET /api/v1/tickets/{id}/notifications': { allow: 'staff', foreign: 404, request: (w, _c, scope) => ({ path: { id: sideOf(w, scope).ticket.id } }) },
  'GET /api/v1/tickets/{id}/contact': {
    allow: ['supervisor', 'department_staff', 'department_manager'],
    foreign: 404,
    reveals: true,
    request: (w, _c, scope) => ({ path: { id: sideOf(w, scope).ticket.id } }),
  },
  'POST /api/v1/tickets/{id}/status': { allow: 'staff', foreign: 404, request: ticketAction(() => ({ status: 'in_progress' })) },
  'POST /api/v1/tickets/{id}/assign': { allow: 'staff', foreign: 404, request: ticketAction((_w, side) => ({ assigneeId: side.staff.id })) },
  'POST /api/v1/tickets/{id}/extend': { allow: 'staff', foreign: 404, request: ticketAction(() => ({ reason: 'Başka bir birimin görüşü gerekiyor.' }), { kind: 'bilgi_edinme' }) },
  'POST /api/v1/tickets/{id}/transfer': {
    allow: 'staff',
    foreign: 404,
    request: ticketAction(async (w, side) => ({ departmentId: side === w.own ? w.other.departmentId : w.own.departmentId, reason: 'Yanlış birime gelmiş.' })),
  },
  'POST /api/v1/tickets/{id}/claim': { allow: ['department_staff', 'department_manager', 'supervisor'], foreign: 404, request: ticketAction(() => ({})) },
  'POST /api/v1/tickets/{id}/return': { allow: 'staff', foreign: 404, request: ticketAction(() => ({ reason: 'Birimimizin işi değil.' })) },
  'POST /api/v1/tickets/{id}/categorise': {
    allow: ['agent', 'supervisor'],
    request: async (w) => {
      const ticket = await freshTicket(w, w.own, { departmentId: undefined });
      await quiescent(w.t);
      const [{ version }] = await w.t.dataSource.query('SELECT version FROM tickets WHERE id = $1', [ticket.id]);
      return { path: { id: ticket.id }, body: { version, categoryId: await categoryId(w.t.dataSource, 'FEN-001') } };
    },
  },
  'POST /api/v1/tickets/{id}/merge': { allow: 'staff', foreign: 404, request: ticketAction(async (w, side) => ({ intoId: (await freshTicket(w, side)).id })) },
  'POST /api/v1/tickets/{id}/duplicates/{otherId}/dismiss': {
    allow: 'staff',
    foreign: 404,
    request: async (w, _c, scope) => {
      const { a, b } = await pairWithSuspicion(w, sideOf(w, scope));
      return { path: { id: a.id, otherId: b.id } };
    },
  },
  'POST /api/v1/tickets/{id}/entries': { allow: 'staff', foreign: 404, request: async (w, _c, scope) => ({ path: { id: (await freshTicket(w, sideOf(w, scope))).id }, body: { type: 'note', body: 'İç not' } }) },
  'GET /api/v1/public/tickets/{trackingNo}': { allow: 'public', request: (w) => ({ path: { trackingNo: w.own.ticket.trackingNo }, query: { phoneLast4: w.own.citizen.phone.slice(-4) } }) },
  'GET /api/v1/media/{id}': { allow: 'staff', foreign: 404, request: (w, _c, scope) => ({ path: { id: sideOf(w, scope).mediaUrl.split('/').pop()! } }) },

  // live
  'GET /api/v1/live/tickets': { allow: 'staff', stream: true, request: () => ({}) },
  'GET /api/v1/live/calls': { allow: ['agent', 'supervisor'], stream: true, request: () => ({}) },

  // intake
  'POST /api/v1/intake/events': { allow: 'webhook', ok: [401], request: () => ({ body: { channel: 'sms', providerId: `SM${unique()}`, payload: { From: '+905321110000', Body: 'Çukur var' } } }) },
  'GET /api/v1/inbound-events': { allow: ['supervisor'], request: () => ({}) },
  'GET /api/v1/inbound-events/{id}': { allow: [], reveals: true, request: (w) => ({ path: { id: w.inboundEventId } }) },
  'POST /api/v1/inbound-events/{id}/retry': { allow: ['supervisor'], request: (w) => ({ path: { id: w.inboundEventId } }) },

  // outbox and staff notifications
  'GET /api/v1/outbound-messages': { allow: ['supervisor'], request: () => ({}) },
  'POST /api/v1/outbound-messages/{id}/retry': { allow: [], request: async (w, _c, scope) => ({ path: { id: await freshFailedMessage(w, sideOf(w, scope)) } }) },
  'GET /api/v1/notifications': { allow: 'staff', request: () => ({}) },
  'POST /api/v1/notifications/{id}/read': {
    allow: 'staff',
    owned: { foreign: 404 },
    request: async (w, caller, scope) => ({ path: { id: await freshNotification(w, scope === 'own' ? (staffOf(w, caller) ?? w.callers.admin).id : w.other.staff.id) } }),
  },
  'GET /api/v1/notice-templates': { allow: [], request: () => ({}) },
  'PUT /api/v1/notice-templates/{purpose}/{locale}': { allow: [], request: () => ({ path: { purpose: 'received', locale: 'tr' }, body: { subject: 'Başvurunuz alındı', body: 'Başvurunuz {{trackingNo}} numarasıyla alındı.' } }) },
  'DELETE /api/v1/notice-templates/{purpose}/{locale}': {
    allow: [],
    ok: [204],
    request: async (w) => {
      await w.t.http().put('/api/v1/notice-templates/answered/en').set(bearer(w.callers.admin)).send({ subject: 'Answered', body: 'Your application {{trackingNo}} was answered.' }).expect(200);
      return { path: { purpose: 'answered', locale: 'en' } };
    },
  },

  // the 444 line
  'GET /api/v1/calls': { allow: ['agent', 'supervisor', 'executive'], request: () => ({}) },
  'POST /api/v1/calls/{callSid}/ticket': { allow: ['agent', 'supervisor'], request: async (w) => ({ path: { callSid: await freshCall(w) }, body: { kind: 'sikayet', subject: 'Telefonla gelen', description: 'Arayan kaldırımın kırık olduğunu söyledi.' } }) },
  'GET /api/v1/channels/whatsapp/status': { allow: [], request: () => ({}) },

  // operations
  'GET /api/v1/admin/jobs/failed': { allow: [], request: () => ({}) },
  'POST /api/v1/admin/jobs/{queue}/{id}/retry': { allow: [], ok: [404], request: () => ({ path: { queue: 'intake', id: `events-${unique()}` } }) },

  // the category classifier: its versions for admins, suggestions for the call centre
  'GET /api/v1/classifier/models': { allow: [], request: () => ({}) },
  'POST /api/v1/classifier/models': {
    allow: [],
    ok: [409],
    // A training already "running", dated ahead so that no sweeper hands it to a worker: the admin
    // gets the refusal, and no training keeps the queues busy while the matrix waits for them.
    request: async (w) => {
      await w.t.dataSource.query(`INSERT INTO classifier_models (reason, created_at) VALUES ('admin', now() + interval '1 day') ON CONFLICT (state) WHERE state = 'training' DO NOTHING`);
      return {};
    },
  },
  'POST /api/v1/classifier/models/{id}/activate': { allow: [], ok: [404], request: () => ({ path: { id: '00000000-0000-4000-8000-00000000c1a5' } }) },
  'POST /api/v1/classifier/suggestions': { allow: ['agent', 'supervisor'], request: () => ({ body: { text: 'Sokağımızda çukur var' } }) },

  // reports
  ...Object.fromEntries(
    ['volume', 'resolution-times', 'summary', 'deadline-compliance', 'backlog', 'escalations', 'top-subjects', 'mahalleler', 'tickets', 'muhtar-indicators'].map((report) => [
      `GET /api/v1/reports/${report}`,
      { allow: REPORTERS, request: (w: World, _c: Caller, scope: Scope) => ({ query: { ...PERIOD, departmentId: sideOf(w, scope).departmentId } }) } satisfies Operation,
    ]),
  ),
  'GET /api/v1/reports/muhtar-indicators/{code}/tickets': { allow: REPORTERS, request: () => ({ path: { code: 'PG7.4.3' }, query: PERIOD }) },
  'POST /api/v1/reports/exports': { allow: REPORTERS, request: () => ({ body: { report: 'tickets', ...PERIOD } }) },
  'GET /api/v1/reports/exports/{id}': { allow: REPORTERS, owned: { foreign: 404, exempt: ['admin'] }, request: async (w, caller, scope) => ({ path: { id: await exportOf(w, caller, scope) } }) },
  'GET /api/v1/reports/exports/{id}/file': { allow: REPORTERS, owned: { foreign: 404, exempt: ['admin'] }, request: async (w, caller, scope) => ({ path: { id: await exportOf(w, caller, scope) } }) },
  'GET /api/v1/reports/{report}/export': { allow: REPORTERS, request: (w, _c, scope) => ({ path: { report: 'tickets' }, query: { ...PERIOD, departmentId: sideOf(w, scope).departmentId } }) },
  'POST /api/v1/reports/refresh': { allow: [], request: () => ({}) },
  'GET /api/v1/reports/satisfaction': { allow: REPORTERS, request: () => ({ query: PERIOD }) },

  // muhtar work
  'GET /api/v1/muhtar-activities': { allow: REPORTERS, request: () => ({ query: PERIOD }) },
  'POST /api/v1/muhtar-activities': { allow: REPORTERS, request: () => ({ body: { kind: 'coordination_meeting', title: 'Yeni toplantı', plannedAt: '2026-07-01T07:00:00Z' } }) },
  'GET /api/v1/muhtar-activities/{id}': { allow: REPORTERS, request: (w) => ({ path: { id: w.activityId } }) },
  'PATCH /api/v1/muhtar-activities/{id}': { allow: REPORTERS, request: async (w) => ({ path: { id: await freshActivity(w) }, body: { title: 'Yeni başlık' } }) },
  'POST /api/v1/muhtar-activities/{id}/informed': { allow: REPORTERS, request: async (w) => ({ path: { id: await freshActivity(w) } }) },
  'POST /api/v1/muhtar-activities/{id}/held': { allow: REPORTERS, request: async (w) => ({ path: { id: await freshActivity(w) }, body: { heldAt: '2026-06-01T07:30:00Z', attendance: 9 } }) },
  'POST /api/v1/muhtar-activities/{id}/cancel': { allow: REPORTERS, request: async (w) => ({ path: { id: await freshActivity(w) } }) },
  'POST /api/v1/muhtar-activities/{id}/tickets': {
    allow: REPORTERS,
    foreign: 400,
    request: async (w, _c, scope) => ({ path: { id: await freshActivity(w) }, body: { ticketId: (await freshTicket(w, sideOf(w, scope), { channel: 'muhtar', mahalleId: w.mahalleId })).id } }),
  },

  // processes
  'GET /api/v1/process-templates': { allow: TEMPLATE_READERS, request: () => ({}) },
  'POST /api/v1/process-templates': {
    allow: [],
    request: (w) => ({ body: { code: `T_${unique().toUpperCase()}`, name: 'Deneme süreci', ownerDepartmentId: w.own.departmentId, steps: [{ key: '1', name: 'Tek adım', departmentId: w.own.departmentId, duration: { max: 3, unit: 'working_days' } }] } }),
  },
  'GET /api/v1/process-templates/{id}': { allow: TEMPLATE_READERS, request: (w, _c, scope) => ({ path: { id: sideOf(w, scope).templateId } }) },
  'PUT /api/v1/process-templates/{id}': {
    allow: [],
    request: async (w) => {
      const body = { code: `T_${unique().toUpperCase()}`, name: 'Deneme süreci', ownerDepartmentId: w.own.departmentId, steps: [{ key: '1', name: 'Tek adım', departmentId: w.own.departmentId, duration: { max: 3, unit: 'working_days' } }] };
      return { path: { id: (await asAdmin(w, 'post', '/process-templates', body)).id }, body: { ...body, name: 'Düzenlenen süreç' } };
    },
  },
  'GET /api/v1/process-templates/{id}/report': { allow: REPORTERS, foreign: 404, request: (w, _c, scope) => ({ path: { id: sideOf(w, scope).templateId } }) },
  'GET /api/v1/processes': { allow: PROCESS_ROLES, request: () => ({}) },
  'POST /api/v1/processes': { allow: PROCESS_ROLES, foreign: 403, request: (w, _c, scope) => ({ body: { templateId: sideOf(w, scope).templateId, title: 'Yeni süreç' } }) },
  'GET /api/v1/processes/{id}': { allow: PROCESS_ROLES, foreign: 404, request: (w, _c, scope) => ({ path: { id: sideOf(w, scope).process.id } }) },
  'POST /api/v1/processes/{id}/steps/{stepId}/complete': {
    allow: PROCESS_ROLES,
    foreign: 404,
    request: async (w, _c, scope) => {
      const process = await freshProcess(w, sideOf(w, scope));
      return { path: { id: process.id, stepId: process.stepId }, body: { document: 'E-12345' } };
    },
  },
  'POST /api/v1/processes/{id}/steps/{stepId}/assign': {
    allow: PROCESS_ROLES,
    foreign: 404,
    request: async (w, _c, scope) => {
      const side = sideOf(w, scope);
      const process = await freshProcess(w, side);
      return { path: { id: process.id, stepId: process.stepId }, body: { assigneeId: side.staff.id } };
    },
  },

  // the mayor's appointments (Özel Kalem keeps the calendar; the matrix's department roles are Fen İşleri's)
  'POST /api/v1/appointments': { allow: 'staff', foreign: 400, request: (w, _c, scope) => ({ body: { requesterKind: 'citizen', subject: 'Başkanla görüşme', ticketId: sideOf(w, scope).ticket.id } }) },
  'GET /api/v1/appointments': { allow: ['executive'], request: () => ({}) },
  'GET /api/v1/appointments/slots': { allow: ['executive'], request: () => ({}) },
  'POST /api/v1/appointments/slots': {
    allow: ['executive'],
    request: () => ({ body: { startsAt: new Date(Date.UTC(2028, 0, 3, 6) + Math.floor(Math.random() * 1e6) * 60_000).toISOString(), durationMinutes: 15 } }),
  },
  'GET /api/v1/appointments/{id}': { allow: ['executive'], request: (w) => ({ path: { id: w.appointmentId } }) },
  'GET /api/v1/appointments/{id}/contact': { allow: ['executive'], reveals: true, request: (w) => ({ path: { id: w.appointmentId } }) },
  'POST /api/v1/appointments/{id}/book': { allow: ['executive'], request: async (w) => ({ path: { id: await freshAppointment(w) }, body: { slotId: await freshSlot(w) } }) },
  'POST /api/v1/appointments/{id}/decline': { allow: ['executive'], request: async (w) => ({ path: { id: await freshAppointment(w) }, body: { reason: 'Takvim uygun değil' } }) },
  'POST /api/v1/appointments/{id}/cancel': { allow: ['executive'], request: async (w) => ({ path: { id: await freshAppointment(w) }, body: { reason: 'Talep geri alındı' } }) },
  'POST /api/v1/appointments/{id}/close': {
    allow: ['executive'],
    request: async (w) => {
      const id = await freshAppointment(w);
      await w.t.http().post(`/api/v1/appointments/${id}/book`).set(bearer(w.kalem)).send({ slotId: await freshSlot(w) }).expect(200);
      return { path: { id }, body: { status: 'held' } };
    },
  },

  // citizens' side
  'GET /health': { allow: 'public', request: () => ({}) },
  'GET /api/v1/public/surveys/{token}': { allow: 'public', ok: [404], request: () => ({ path: { token: randomBytes(24).toString('base64url') } }) },
  'POST /api/v1/public/surveys/{token}': { allow: 'public', ok: [404], request: () => ({ path: { token: randomBytes(24).toString('base64url') }, body: { score: 5 } }) },
  'POST /api/v1/public/applications': {
    allow: 'public',
    request: () => ({ headers: { 'X-Forwarded-For': `192.0.2.${Math.floor(Math.random() * 250) + 1}` }, body: { kind: 'sikayet', description: 'Sokak lambası yanmıyor, karanlık.', fullName: 'Form Sahibi', phone: mobile(), kvkkConsent: true, idempotencyKey: randomBytes(16).toString('hex') } }),
  },
  'GET /api/v1/public/applications/{receiptId}': {
    allow: 'public',
    request: async (w) => {
      const res = await w.t.http().post('/api/v1/public/applications').set('X-Forwarded-For', `192.0.2.${Math.floor(Math.random() * 250) + 1}`)
        .send({ kind: 'sikayet', description: 'Sokak lambası yanmıyor, karanlık.', fullName: 'Form Sahibi', phone: mobile(), kvkkConsent: true, idempotencyKey: randomBytes(16).toString('hex') }).expect(202);
      return { path: { receiptId: res.body.receiptId } };
    },
  },
  'GET /api/v1/public/categories': { allow: 'public', request: () => ({}) },
  'GET /api/v1/public/mahalleler': { allow: 'public', request: () => ({}) },

  // providers' webhooks: an unsigned request is refused whoever sends it
  ...Object.fromEntries(
    ['sms', 'sms-status', 'voice/incoming', 'voice/menu', 'voice/agent', 'voice/queue-wait', 'voice/queue-exit', 'voice/status-lookup', 'voice/voicemail', 'voice/dequeue', 'voice/connected', 'voice/status'].map((path) => [
      `POST /api/v1/channels/twilio/${path}`,
      { allow: 'webhook', ok: [403], request: () => ({ form: true, body: { CallSid: `CA${unique()}`, MessageSid: `SM${unique()}`, From: '+905321110000', Body: 'Merhaba' } }) } satisfies Operation,
    ]),
  ),
  'GET /api/v1/channels/whatsapp/cloud': { allow: 'webhook', ok: [403], request: () => ({ query: { 'hub.mode': 'subscribe', 'hub.verify_token': 'yanlis', 'hub.challenge': '123' } }) },
  'POST /api/v1/channels/whatsapp/cloud': { allow: 'webhook', ok: [403], request: () => ({ body: { object: 'whatsapp_business_account', entry: [] } }) },
};
