import {
  asAdmin,
  exportOf,
  freshActivity,
  freshAppointment,
  freshProcess,
  freshSlot,
  PERIOD,
  PROCESS_ROLES,
  REPORTERS,
  sideOf,
  TEMPLATE_READERS,
  unique,
} from './fixtures';
import { Operation, Scope } from './operation';
import { bearer, Caller, freshTicket, World } from './world';

/** Reports, muhtar work, processes and the mayor's appointments. */
export const BACK_OFFICE_OPERATIONS: Record<string, Operation> = {
  // reports
  ...Object.fromEntries(
    [
      'volume',
      'resolution-times',
      'summary',
      'deadline-compliance',
      'backlog',
      'escalations',
      'top-subjects',
      'mahalleler',
      'tickets',
      'muhtar-indicators',
    ].map((report) => [
      `GET /api/v1/reports/${report}`,
      {
        allow: REPORTERS,
        request: (w: World, _c: Caller, scope: Scope) => ({ query: { ...PERIOD, departmentId: sideOf(w, scope).departmentId } }),
      } satisfies Operation,
    ]),
  ),
  'GET /api/v1/reports/muhtar-indicators/{code}/tickets': { allow: REPORTERS, request: () => ({ path: { code: 'PG7.4.3' }, query: PERIOD }) },
  'POST /api/v1/reports/exports': { allow: REPORTERS, request: () => ({ body: { report: 'tickets', ...PERIOD } }) },
  'GET /api/v1/reports/exports/{id}': {
    allow: REPORTERS,
    owned: { foreign: 404, exempt: ['admin'] },
    request: async (w, caller, scope) => ({ path: { id: await exportOf(w, caller, scope) } }),
  },
  'GET /api/v1/reports/exports/{id}/file': {
    allow: REPORTERS,
    owned: { foreign: 404, exempt: ['admin'] },
    request: async (w, caller, scope) => ({ path: { id: await exportOf(w, caller, scope) } }),
  },
  'GET /api/v1/reports/{report}/export': {
    allow: REPORTERS,
    request: (w, _c, scope) => ({ path: { report: 'tickets' }, query: { ...PERIOD, departmentId: sideOf(w, scope).departmentId } }),
  },
  'POST /api/v1/reports/refresh': { allow: [], request: () => ({}) },
  'GET /api/v1/reports/satisfaction': { allow: REPORTERS, request: () => ({ query: PERIOD }) },

  // muhtar work
  'GET /api/v1/muhtar-activities': { allow: REPORTERS, request: () => ({ query: PERIOD }) },
  'POST /api/v1/muhtar-activities': {
    allow: REPORTERS,
    request: () => ({ body: { kind: 'coordination_meeting', title: 'Yeni toplantı', plannedAt: '2026-07-01T07:00:00Z' } }),
  },
  'GET /api/v1/muhtar-activities/{id}': { allow: REPORTERS, request: (w) => ({ path: { id: w.activityId } }) },
  'PATCH /api/v1/muhtar-activities/{id}': {
    allow: REPORTERS,
    request: async (w) => ({ path: { id: await freshActivity(w) }, body: { title: 'Yeni başlık' } }),
  },
  'POST /api/v1/muhtar-activities/{id}/informed': { allow: REPORTERS, request: async (w) => ({ path: { id: await freshActivity(w) } }) },
  'POST /api/v1/muhtar-activities/{id}/held': {
    allow: REPORTERS,
    request: async (w) => ({ path: { id: await freshActivity(w) }, body: { heldAt: '2026-06-01T07:30:00Z', attendance: 9 } }),
  },
  'POST /api/v1/muhtar-activities/{id}/cancel': { allow: REPORTERS, request: async (w) => ({ path: { id: await freshActivity(w) } }) },
  'POST /api/v1/muhtar-activities/{id}/tickets': {
    allow: REPORTERS,
    foreign: 400,
    request: async (w, _c, scope) => ({
      path: { id: await freshActivity(w) },
      body: { ticketId: (await freshTicket(w, sideOf(w, scope), { channel: 'muhtar', mahalleId: w.mahalleId })).id },
    }),
  },

  // processes
  'GET /api/v1/process-templates': { allow: TEMPLATE_READERS, request: () => ({}) },
  'POST /api/v1/process-templates': {
    allow: [],
    request: (w) => ({
      body: {
        code: `T_${unique().toUpperCase()}`,
        name: 'Deneme süreci',
        ownerDepartmentId: w.own.departmentId,
        steps: [{ key: '1', name: 'Tek adım', departmentId: w.own.departmentId, duration: { max: 3, unit: 'working_days' } }],
      },
    }),
  },
  'GET /api/v1/process-templates/{id}': { allow: TEMPLATE_READERS, request: (w, _c, scope) => ({ path: { id: sideOf(w, scope).templateId } }) },
  'PUT /api/v1/process-templates/{id}': {
    allow: [],
    request: async (w) => {
      const body = {
        code: `T_${unique().toUpperCase()}`,
        name: 'Deneme süreci',
        ownerDepartmentId: w.own.departmentId,
        steps: [{ key: '1', name: 'Tek adım', departmentId: w.own.departmentId, duration: { max: 3, unit: 'working_days' } }],
      };
      return { path: { id: (await asAdmin(w, 'post', '/process-templates', body)).id }, body: { ...body, name: 'Düzenlenen süreç' } };
    },
  },
  'GET /api/v1/process-templates/{id}/report': { allow: REPORTERS, foreign: 404, request: (w, _c, scope) => ({ path: { id: sideOf(w, scope).templateId } }) },
  'GET /api/v1/processes': { allow: PROCESS_ROLES, request: () => ({}) },
  'POST /api/v1/processes': {
    allow: PROCESS_ROLES,
    foreign: 403,
    request: (w, _c, scope) => ({ body: { templateId: sideOf(w, scope).templateId, title: 'Yeni süreç' } }),
  },
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
  'POST /api/v1/appointments': {
    allow: 'staff',
    foreign: 400,
    request: (w, _c, scope) => ({ body: { requesterKind: 'citizen', subject: 'Başkanla görüşme', ticketId: sideOf(w, scope).ticket.id } }),
  },
  'GET /api/v1/appointments': { allow: ['executive'], request: () => ({}) },
  'GET /api/v1/appointments/slots': { allow: ['executive'], request: () => ({}) },
  'POST /api/v1/appointments/slots': {
    allow: ['executive'],
    request: () => ({ body: { startsAt: new Date(Date.UTC(2028, 0, 3, 6) + Math.floor(Math.random() * 1e6) * 60_000).toISOString(), durationMinutes: 15 } }),
  },
  'GET /api/v1/appointments/{id}': { allow: ['executive'], request: (w) => ({ path: { id: w.appointmentId } }) },
  'GET /api/v1/appointments/{id}/contact': { allow: ['executive'], reveals: true, request: (w) => ({ path: { id: w.appointmentId } }) },
  'POST /api/v1/appointments/{id}/book': {
    allow: ['executive'],
    request: async (w) => ({ path: { id: await freshAppointment(w) }, body: { slotId: await freshSlot(w) } }),
  },
  'POST /api/v1/appointments/{id}/decline': {
    allow: ['executive'],
    request: async (w) => ({ path: { id: await freshAppointment(w) }, body: { reason: 'Takvim uygun değil' } }),
  },
  'POST /api/v1/appointments/{id}/cancel': {
    allow: ['executive'],
    request: async (w) => ({ path: { id: await freshAppointment(w) }, body: { reason: 'Talep geri alındı' } }),
  },
  'POST /api/v1/appointments/{id}/close': {
    allow: ['executive'],
    request: async (w) => {
      const id = await freshAppointment(w);
      await w.t
        .http()
        .post(`/api/v1/appointments/${id}/book`)
        .set(bearer(w.kalem))
        .send({ slotId: await freshSlot(w) })
        .expect(200);
      return { path: { id }, body: { status: 'held' } };
    },
  },
};
