import { categoryId } from '@app/testing';
import { REPORTERS, sideOf, unique } from './fixtures';
import { Operation } from './operation';
import { bearer, DepartmentSide, freshTicket, World } from './world';

/** The roles that work tickets: they open incidents, link reports, answer with an article. */
const WORKERS = ['agent', 'supervisor', 'department_staff', 'department_manager'] as const;

/** The side's own subject: FEN-001 for Fen İşleri, PRK-001 for Park ve Bahçeler. */
const subjectOf = (w: World, side: DepartmentSide) => categoryId(w.t.dataSource, side.code === 'FEN' ? 'FEN-001' : 'PRK-001');

/** A bilgi bankası article of a side's department, written by an admin. */
async function articleOf(w: World, side: DepartmentSide): Promise<string> {
  const res = await w.t
    .http()
    .post('/api/v1/knowledge-articles')
    .set(bearer(w.callers.admin))
    .send({
      title: `Madde ${unique()}`,
      body: 'Sayın {adSoyad}, {takipNo} numaralı başvurunuz için bilgi: çalışma Mart ayında.',
      categoryId: await subjectOf(w, side),
      departmentId: side.departmentId,
    });
  if (res.status !== 201) throw new Error(`knowledge article: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/** An open incident of a side's department, opened by an admin; with `linked`, a fresh ticket of the side linked to it. */
async function incidentOf(w: World, side: DepartmentSide, linked = false): Promise<{ id: string; ticketId?: string }> {
  const res = await w.t
    .http()
    .post('/api/v1/incidents')
    .set(bearer(w.callers.admin))
    .send({ title: `Olay ${unique()}`, description: 'Fırtınada çok sayıda ihbar', categoryId: await subjectOf(w, side) });
  if (res.status !== 201) throw new Error(`incident: ${res.status} ${JSON.stringify(res.body)}`);
  if (!linked) return { id: res.body.id };
  const ticket = await freshTicket(w, side);
  await w.t
    .http()
    .post(`/api/v1/incidents/${res.body.id}/tickets`)
    .set(bearer(w.callers.admin))
    .send({ ticketIds: [ticket.id] })
    .expect(200);
  return { id: res.body.id, ticketId: ticket.id };
}

/** The bilgi bankası and incidents. */
export const INCIDENT_OPERATIONS: Record<string, Operation> = {
  'GET /api/v1/knowledge-articles': { allow: 'staff', request: () => ({ query: { q: 'çalışma' } }) },
  'GET /api/v1/knowledge-articles/figures': { allow: REPORTERS, request: () => ({ query: { from: '2026-01-01', to: '2026-12-31' } }) },
  'GET /api/v1/knowledge-articles/{id}': { allow: 'staff', request: async (w, _c, scope) => ({ path: { id: await articleOf(w, sideOf(w, scope)) } }) },
  'POST /api/v1/knowledge-articles': {
    allow: ['department_manager'],
    foreign: 403,
    request: async (w, _c, scope) => {
      const side = sideOf(w, scope);
      return { body: { title: `Madde ${unique()}`, body: 'Bilgi metni.', categoryId: await subjectOf(w, side), departmentId: side.departmentId } };
    },
  },
  'PATCH /api/v1/knowledge-articles/{id}': {
    allow: ['department_manager'],
    foreign: 403,
    request: async (w, _c, scope) => ({ path: { id: await articleOf(w, sideOf(w, scope)) }, body: { validUntil: '2027-06-30' } }),
  },
  'DELETE /api/v1/knowledge-articles/{id}': {
    allow: ['department_manager'],
    ok: [204],
    foreign: 403,
    request: async (w, _c, scope) => ({ path: { id: await articleOf(w, sideOf(w, scope)) } }),
  },
  'POST /api/v1/knowledge-articles/{id}/answer': {
    allow: WORKERS,
    foreign: 404,
    request: async (w, _c, scope) => {
      const side = sideOf(w, scope);
      const ticket = await freshTicket(w, side);
      return { path: { id: await articleOf(w, side) }, body: { ticketId: ticket.id, version: ticket.version } };
    },
  },

  'GET /api/v1/incidents': { allow: [...WORKERS, 'executive'], request: () => ({ query: { state: 'open' } }) },
  'POST /api/v1/incidents': {
    allow: WORKERS,
    foreign: 400,
    request: async (w, _c, scope) => ({
      body: { title: `Olay ${unique()}`, description: 'Su baskını', categoryId: await subjectOf(w, sideOf(w, scope)) },
    }),
  },
  'GET /api/v1/incidents/matching/{ticketId}': {
    allow: [...WORKERS, 'executive'],
    request: (w, _c, scope) => ({ path: { ticketId: sideOf(w, scope).ticket.id } }),
  },
  'GET /api/v1/incidents/{id}': {
    allow: [...WORKERS, 'executive'],
    foreign: 404,
    request: async (w, _c, scope) => ({ path: { id: (await incidentOf(w, sideOf(w, scope))).id } }),
  },
  'PATCH /api/v1/incidents/{id}': {
    allow: WORKERS,
    foreign: 404,
    request: async (w, _c, scope) => ({ path: { id: (await incidentOf(w, sideOf(w, scope))).id }, body: { title: `Olay ${unique()} (güncel)` } }),
  },
  'GET /api/v1/incidents/{id}/suggestions': {
    allow: [...WORKERS, 'executive'],
    foreign: 404,
    request: async (w, _c, scope) => ({ path: { id: (await incidentOf(w, sideOf(w, scope))).id } }),
  },
  'POST /api/v1/incidents/{id}/tickets': {
    allow: WORKERS,
    foreign: 404,
    request: async (w, _c, scope) => {
      const side = sideOf(w, scope);
      return { path: { id: (await incidentOf(w, side)).id }, body: { ticketIds: [(await freshTicket(w, side)).id] } };
    },
  },
  'DELETE /api/v1/incidents/{id}/tickets/{ticketId}': {
    allow: WORKERS,
    ok: [204],
    foreign: 404,
    request: async (w, _c, scope) => {
      const incident = await incidentOf(w, sideOf(w, scope), true);
      return { path: { id: incident.id, ticketId: incident.ticketId! } };
    },
  },
  'POST /api/v1/incidents/{id}/answer': {
    allow: ['supervisor', 'department_manager'],
    foreign: 404,
    request: async (w, _c, scope) => ({ path: { id: (await incidentOf(w, sideOf(w, scope), true)).id }, body: { text: 'Arıza giderildi, teşekkür ederiz.' } }),
  },
};
