import { categoryId, mobile } from '@app/testing';
import { sideOf } from './fixtures';
import { Operation } from './operation';
import { bearer, World } from './world';

/** A citizen's KVKK application (the ticket every data subject's right is exercised on). */
async function kvkkRequest(w: World, citizenId: string): Promise<string> {
  const res = await w.t
    .http()
    .post('/api/v1/tickets')
    .set(bearer(w.callers.agent))
    .send({
      channel: 'walk_in',
      categoryId: await categoryId(w.t.dataSource, 'HLK-004'),
      subject: 'KVKK başvurusu',
      description: 'Verilerim hakkında.',
      citizenId,
    })
    .expect(201);
  return res.body.id;
}

/** A citizen of their own, with one ticket and a KVKK application: what a rectification or an erasure may change. */
async function freshSubject(w: World) {
  const res = await w.t
    .http()
    .post('/api/v1/tickets')
    .set(bearer(w.callers.agent))
    .send({ channel: 'phone', kind: 'talep', subject: 'Bir talep', description: 'Bir talep.', citizen: { fullName: 'Silinecek Kişi', phone: mobile() } })
    .expect(201);
  const citizenId = res.body.citizen.id as string;
  return { citizenId, ticketId: res.body.id as string, requestTicketId: await kvkkRequest(w, citizenId) };
}

const asAdmin = (w: World, method: 'post' | 'put', path: string, body: object) => w.t.http()[method](`/api/v1${path}`).set(bearer(w.callers.admin)).send(body);

/** KVKK: the inventory for those who answer for it; the data subjects' rights, legal holds and destruction for admins only. */
export const KVKK_OPERATIONS: Record<string, Operation> = {
  'GET /api/v1/kvkk/inventory': { allow: ['supervisor', 'executive'], request: () => ({}) },
  'GET /api/v1/kvkk/citizens/{id}/export': {
    allow: [],
    reveals: true,
    request: async (w, _c, scope) => {
      const citizenId = sideOf(w, scope).ticket.citizenId;
      return { path: { id: citizenId }, query: { requestTicketId: await kvkkRequest(w, citizenId) } };
    },
  },
  'PATCH /api/v1/kvkk/citizens/{id}': {
    allow: [],
    request: async (w) => {
      const subject = await freshSubject(w);
      return { path: { id: subject.citizenId }, body: { requestTicketId: subject.requestTicketId, fullName: 'Düzeltilmiş Kişi' } };
    },
  },
  'POST /api/v1/kvkk/citizens/{id}/erase': {
    allow: [],
    request: async (w) => {
      const subject = await freshSubject(w);
      return { path: { id: subject.citizenId }, body: { requestTicketId: subject.requestTicketId, reason: 'İlgili kişinin talebi' } };
    },
  },
  'GET /api/v1/kvkk/legal-holds': { allow: [], request: () => ({}) },
  'POST /api/v1/kvkk/legal-holds': {
    allow: [],
    request: async (w) => ({ body: { ticketId: (await freshSubject(w)).ticketId, reason: 'Dava 2026/1' } }),
  },
  'DELETE /api/v1/kvkk/legal-holds/{id}': {
    allow: [],
    request: async (w) => {
      const hold = await asAdmin(w, 'post', '/kvkk/legal-holds', { ticketId: (await freshSubject(w)).ticketId, reason: 'Dava 2026/2' }).expect(201);
      return { path: { id: hold.body.id } };
    },
  },
  'GET /api/v1/kvkk/destruction': { allow: [], request: () => ({}) },
  'PUT /api/v1/kvkk/destruction/schedule': { allow: [], request: () => ({ body: { intervalDays: 180 } }) },
  'POST /api/v1/kvkk/destruction/runs': { allow: [], request: () => ({}) },
  'GET /api/v1/kvkk/destruction/runs/{id}': {
    allow: [],
    request: async (w) => ({ path: { id: (await asAdmin(w, 'post', '/kvkk/destruction/runs', {}).expect(202)).body.id } }),
  },
};
