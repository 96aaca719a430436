import { REPORTERS, sideOf, ticketAction } from './fixtures';
import { Operation, Req, Scope } from './operation';
import { bearer, Caller, DepartmentSide, freshTicket, World } from './world';

const LAW_4982 = { kind: 'bilgi_edinme' };

/** A fresh Law 4982 application of a side, taken by an admin as far as `step` needs. */
async function application(w: World, side: DepartmentSide, step: 'fee' | 'refused' | null = null) {
  const ticket = await freshTicket(w, side, LAW_4982);
  const as = (path: string, body: object) => w.t.http().post(`/api/v1/tickets/${ticket.id}${path}`).set(bearer(w.callers.admin)).send(body);
  if (step === 'fee') return (await as('/information/fee', { version: ticket.version, amount: 12.5 }).expect(200)).body as { id: string; version: number };
  if (step === 'refused') {
    await as('/information/decision', {
      version: ticket.version,
      decision: 'refused',
      text: 'Verilemez.',
      exemptions: [{ article: 21, reason: 'Özel hayat' }],
    }).expect(200);
  }
  return ticket;
}

/** The day an application was decided (Istanbul), the earliest day an objection to it can be filed. */
async function decidedOn(w: World, ticketId: string): Promise<string> {
  const [row] = await w.t.dataSource.query(
    `SELECT (decided_at AT TIME ZONE 'Europe/Istanbul')::date::text AS day FROM information_requests WHERE ticket_id = $1`,
    [ticketId],
  );
  return row.day;
}

async function objection(w: World, scope: Scope): Promise<Req> {
  const ticket = await application(w, sideOf(w, scope), 'refused');
  return { path: { id: ticket.id }, body: { filedOn: await decidedOn(w, ticket.id), kurulRef: 'BEDK-1' } };
}

/** Law 4982's steps on a bilgi edinme ticket: whoever may act on the ticket, within its department. */
export const INFORMATION_OPERATIONS: Record<string, Operation> = {
  'GET /api/v1/tickets/{id}/information': {
    allow: 'staff',
    foreign: 404,
    request: async (w, _c, scope) => ({ path: { id: (await application(w, sideOf(w, scope), 'refused')).id } }),
  },
  'POST /api/v1/tickets/{id}/information/fee': { allow: 'staff', foreign: 404, request: ticketAction(() => ({ amount: 25 }), LAW_4982) },
  'POST /api/v1/tickets/{id}/information/fee-paid': {
    allow: 'staff',
    foreign: 404,
    request: async (w, _c, scope) => {
      const ticket = await application(w, sideOf(w, scope), 'fee');
      return { path: { id: ticket.id }, body: { version: ticket.version } };
    },
  },
  'POST /api/v1/tickets/{id}/information/decision': {
    allow: 'staff',
    foreign: 404,
    request: ticketAction(() => ({ decision: 'partly_granted', text: 'Bir kısmı ekte.', exemptions: [{ article: 26, reason: 'Kurum içi görüş' }] }), LAW_4982),
  },
  'POST /api/v1/tickets/{id}/information/objections': { allow: 'staff', foreign: 404, request: (w, _c, scope) => objection(w, scope) },
  'POST /api/v1/tickets/{id}/information/objections/{objectionId}/outcome': {
    allow: 'staff',
    foreign: 404,
    request: async (w, _c: Caller, scope) => {
      const req = await objection(w, scope);
      const id = req.path!.id;
      const made = await w.t
        .http()
        .post(`/api/v1/tickets/${id}/information/objections`)
        .set(bearer(w.callers.admin))
        .send(req.body as object)
        .expect(201);
      return { path: { id, objectionId: made.body.id }, body: { outcome: 'upheld', decidedOn: (req.body as { filedOn: string }).filedOn } };
    },
  },
  'GET /api/v1/reports/bilgi-edinme': {
    allow: REPORTERS,
    request: (w, _c, scope) => ({ query: { year: '2026', departmentId: sideOf(w, scope).departmentId } }),
  },
};
