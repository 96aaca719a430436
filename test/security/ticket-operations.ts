import { categoryId, mobile } from '@app/testing';
import { freshCall, freshFailedMessage, freshNotification, pairWithSuspicion, REPORTERS, sideOf, staffOf, ticketAction, unique } from './fixtures';
import { Operation } from './operation';
import { bearer, freshTicket, quiescent } from './world';

/** Citizens, tickets, live streams, intake, the outbox and the 444 line. */
export const TICKET_OPERATIONS: Record<string, Operation> = {
  // citizens (the call centre's look-up)
  'GET /api/v1/citizens': { allow: ['agent', 'supervisor'], request: () => ({}) },
  'POST /api/v1/citizens': { allow: ['agent', 'supervisor'], request: () => ({ body: { fullName: 'Yeni Vatandaş', phone: mobile() } }) },
  'GET /api/v1/citizens/{id}': { allow: ['agent', 'supervisor'], request: (w, _c, scope) => ({ path: { id: sideOf(w, scope).ticket.citizenId } }) },
  'PATCH /api/v1/citizens/{id}/preferences': {
    allow: ['agent', 'supervisor'],
    request: (w, _c, scope) => ({ path: { id: sideOf(w, scope).ticket.citizenId }, body: { locale: 'tr' } }),
  },

  // tickets
  'POST /api/v1/tickets': {
    allow: ['agent', 'supervisor', 'department_staff', 'department_manager'],
    request: (w, _c, scope) => ({
      body: {
        channel: 'walk_in',
        kind: 'talep',
        departmentId: sideOf(w, scope).departmentId,
        subject: 'Masaya gelen talep',
        description: 'Masada alınan bir talep.',
        citizen: { fullName: 'Masadaki Kişi', phone: mobile() },
      },
    }),
  },
  'GET /api/v1/tickets': { allow: 'staff', request: () => ({}) },
  'GET /api/v1/tickets/summary': { allow: REPORTERS, request: () => ({}) },
  'GET /api/v1/tickets/{id}': { allow: 'staff', foreign: 404, request: (w, _c, scope) => ({ path: { id: sideOf(w, scope).ticket.id } }) },
  'GET /api/v1/tickets/{id}/notifications': { allow: 'staff', foreign: 404, request: (w, _c, scope) => ({ path: { id: sideOf(w, scope).ticket.id } }) },
  'GET /api/v1/tickets/{id}/contact': {
    allow: ['agent', 'supervisor', 'department_staff', 'department_manager'],
    foreign: 404,
    reveals: true,
    request: (w, _c, scope) => ({ path: { id: sideOf(w, scope).ticket.id }, query: { purpose: 'Vatandaşı geri aramak' } }),
  },
  'POST /api/v1/tickets/{id}/status': { allow: 'staff', foreign: 404, request: ticketAction(() => ({ status: 'in_progress' })) },
  'POST /api/v1/tickets/{id}/assign': { allow: 'staff', foreign: 404, request: ticketAction((_w, side) => ({ assigneeId: side.staff.id })) },
  'POST /api/v1/tickets/{id}/extend': {
    allow: 'staff',
    foreign: 404,
    request: ticketAction(() => ({ reason: 'Başka bir birimin görüşü gerekiyor.' }), { kind: 'bilgi_edinme' }),
  },
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
  'POST /api/v1/tickets/{id}/entries': {
    allow: 'staff',
    foreign: 404,
    request: async (w, _c, scope) => ({ path: { id: (await freshTicket(w, sideOf(w, scope))).id }, body: { type: 'note', body: 'İç not' } }),
  },
  'GET /api/v1/public/tickets/{trackingNo}': {
    allow: 'public',
    request: (w) => ({ path: { trackingNo: w.own.ticket.trackingNo }, query: { phoneLast4: w.own.citizen.phone.slice(-4) } }),
  },
  'GET /api/v1/media/{id}': { allow: 'staff', foreign: 404, request: (w, _c, scope) => ({ path: { id: sideOf(w, scope).mediaUrl.split('/').pop()! } }) },

  // live
  'GET /api/v1/live/tickets': { allow: 'staff', stream: true, request: () => ({}) },
  'GET /api/v1/live/calls': { allow: ['agent', 'supervisor'], stream: true, request: () => ({}) },

  // intake
  'POST /api/v1/intake/events': {
    allow: 'webhook',
    ok: [401],
    request: () => ({ body: { channel: 'sms', providerId: `SM${unique()}`, payload: { From: '+905321110000', Body: 'Çukur var' } } }),
  },
  'GET /api/v1/inbound-events': { allow: ['supervisor'], request: () => ({}) },
  'GET /api/v1/inbound-events/{id}': { allow: [], reveals: true, request: (w) => ({ path: { id: w.inboundEventId } }) },
  'POST /api/v1/inbound-events/{id}/retry': { allow: ['supervisor'], request: (w) => ({ path: { id: w.inboundEventId } }) },

  // outbox and staff notifications
  'GET /api/v1/outbound-messages': { allow: ['supervisor'], request: () => ({}) },
  'POST /api/v1/outbound-messages/{id}/retry': {
    allow: [],
    request: async (w, _c, scope) => ({ path: { id: await freshFailedMessage(w, sideOf(w, scope)) } }),
  },
  'GET /api/v1/notifications': { allow: 'staff', narrow: true, request: () => ({}) },
  'POST /api/v1/notifications/{id}/read': {
    allow: 'staff',
    narrow: true,
    owned: { foreign: 404 },
    request: async (w, caller, scope) => ({
      path: { id: await freshNotification(w, scope === 'own' ? (staffOf(w, caller) ?? w.callers.admin).id : w.other.staff.id) },
    }),
  },
  'GET /api/v1/notice-templates': { allow: [], request: () => ({}) },
  'PUT /api/v1/notice-templates/{purpose}/{locale}': {
    allow: [],
    request: () => ({
      path: { purpose: 'received', locale: 'tr' },
      body: { subject: 'Başvurunuz alındı', body: 'Başvurunuz {{trackingNo}} numarasıyla alındı.' },
    }),
  },
  'DELETE /api/v1/notice-templates/{purpose}/{locale}': {
    allow: [],
    ok: [204],
    request: async (w) => {
      await w.t
        .http()
        .put('/api/v1/notice-templates/answered/en')
        .set(bearer(w.callers.admin))
        .send({ subject: 'Answered', body: 'Your application {{trackingNo}} was answered.' })
        .expect(200);
      return { path: { purpose: 'answered', locale: 'en' } };
    },
  },

  // the 444 line
  'GET /api/v1/calls': { allow: ['agent', 'supervisor', 'executive'], request: () => ({}) },
  'POST /api/v1/calls/{callSid}/ticket': {
    allow: ['agent', 'supervisor'],
    request: async (w) => ({
      path: { callSid: await freshCall(w) },
      body: { kind: 'sikayet', subject: 'Telefonla gelen', description: 'Arayan kaldırımın kırık olduğunu söyledi.' },
    }),
  },
  'GET /api/v1/channels/whatsapp/status': { allow: [], request: () => ({}) },
};
