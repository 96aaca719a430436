import { sideOf, staffOf, unique } from './fixtures';
import { Operation } from './operation';
import { bearer, Caller, DepartmentSide, freshTicket, World } from './world';

/** The roles that keep hazır yanıtlar (admin always may). */
const ANSWER_KEEPERS = ['supervisor', 'department_manager'] as const;

/** A saved view of this caller's own (`own`), or of the other department's staff member (`other`). */
async function viewOf(w: World, caller: Caller, scope: 'own' | 'other'): Promise<string> {
  // A caller who may keep no views (no token, a narrow role) is sent an admin's.
  const own = caller === 'cimer_officer' ? null : staffOf(w, caller);
  const owner = scope === 'own' ? (own ?? w.callers.admin) : w.other.staff;
  const res = await w.t
    .http()
    .post('/api/v1/desk/views')
    .set(bearer(owner))
    .send({ name: `Görünüm ${unique()}`, query: { status: ['new'], overdue: true } });
  if (res.status !== 201) throw new Error(`saved view: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/** A hazır yanıt of a side's department, kept by an admin. */
async function answerOf(w: World, side: DepartmentSide): Promise<string> {
  const res = await w.t
    .http()
    .post('/api/v1/canned-answers')
    .set(bearer(w.callers.admin))
    .send({
      title: `Yanıt ${unique()}`,
      body: 'Sayın {adSoyad}, {takipNo} numaralı başvurunuz ({konu}) {birim} tarafından {tarih} tarihinde ele alındı.',
      departmentId: side.departmentId,
    });
  if (res.status !== 201) throw new Error(`canned answer: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/** The agent's desk: search's saved views, the citizen's panel, hazır yanıtlar, bulk actions. */
export const DESK_OPERATIONS: Record<string, Operation> = {
  'GET /api/v1/desk/views': { allow: 'staff', request: () => ({}) },
  'POST /api/v1/desk/views': {
    allow: 'staff',
    request: () => ({ body: { name: `Gecikenler ${unique()}`, query: { overdue: true, sort: '-updatedAt', q: 'kaldırım' } } }),
  },
  'DELETE /api/v1/desk/views/{id}': {
    allow: 'staff',
    ok: [204],
    owned: { foreign: 404 },
    request: async (w, caller, scope) => ({ path: { id: await viewOf(w, caller, scope) } }),
  },

  'GET /api/v1/tickets/{id}/citizen-panel': { allow: 'staff', foreign: 404, request: (w, _c, scope) => ({ path: { id: sideOf(w, scope).ticket.id } }) },
  'GET /api/v1/citizens/{id}/panel': { allow: ['agent', 'supervisor'], request: (w, _c, scope) => ({ path: { id: sideOf(w, scope).ticket.citizenId } }) },

  'GET /api/v1/canned-answers': { allow: 'staff', request: () => ({}) },
  'POST /api/v1/canned-answers': {
    allow: ANSWER_KEEPERS,
    foreign: 403,
    request: (w, _c, scope) => ({
      body: { title: `Yanıt ${unique()}`, body: 'Sayın {adSoyad}, {takipNo} numaralı başvurunuz yanıtlandı.', departmentId: sideOf(w, scope).departmentId },
    }),
  },
  'PATCH /api/v1/canned-answers/{id}': {
    allow: ANSWER_KEEPERS,
    foreign: 404,
    request: async (w, _c, scope) => ({ path: { id: await answerOf(w, sideOf(w, scope)) }, body: { title: 'Yeni başlık' } }),
  },
  'DELETE /api/v1/canned-answers/{id}': {
    allow: ANSWER_KEEPERS,
    ok: [204],
    foreign: 404,
    request: async (w, _c, scope) => ({ path: { id: await answerOf(w, sideOf(w, scope)) } }),
  },
  'POST /api/v1/canned-answers/{id}/render': {
    allow: 'staff',
    foreign: 404,
    request: async (w, _c, scope) => {
      const side = sideOf(w, scope);
      return { path: { id: await answerOf(w, side) }, body: { ticketId: side.ticket.id } };
    },
  },

  // Another department's ticket is a 404 in its row, and unchanged (the department test asserts it).
  'POST /api/v1/tickets/bulk': {
    allow: 'staff',
    request: async (w, _c, scope) => {
      const side = sideOf(w, scope);
      return { body: { ids: [(await freshTicket(w, side)).id], action: 'assign', assigneeId: side.staff.id } };
    },
  },
};
