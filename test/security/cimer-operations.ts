import { randomBytes } from 'node:crypto';
import { mobile } from '@app/testing';
import { PERIOD, REPORTERS, sideOf } from './fixtures';
import { Operation, Scope } from './operation';
import { bearer, World } from './world';

const OFFICE = ['cimer_officer', 'supervisor'] as const;
const READERS = ['cimer_officer', 'supervisor', 'executive'] as const;

/** A CİMER application for a side's department, as CİMER forwards it. */
export const cimerApplication = (w: World, scope: Scope) => ({
  cimerNo: `CIMER-${randomBytes(4).toString('hex')}`,
  cimerDueOn: '2030-12-31',
  kind: 'sikayet',
  departmentId: sideOf(w, scope).departmentId,
  subject: 'CİMER üzerinden gelen şikâyet',
  description: 'Parkta kırık oyun aleti.',
  citizen: { fullName: 'CİMER Başvuru Sahibi', phone: mobile() },
});

async function registered(w: World, scope: Scope): Promise<string> {
  const res = await w.t.http().post('/api/v1/cimer/applications').set(bearer(w.callers.admin)).send(cimerApplication(w, scope)).expect(201);
  return res.body.ticketId;
}

/** CİMER's desk: the officer and the supervisors; department roles reach CİMER applications only as their tickets. */
export const CIMER_OPERATIONS: Record<string, Operation> = {
  'POST /api/v1/cimer/applications': { allow: OFFICE, request: (w, _c, scope) => ({ body: cimerApplication(w, scope) }) },
  'GET /api/v1/cimer/applications': { allow: READERS, request: () => ({ query: { state: 'open' } }) },
  'GET /api/v1/cimer/applications/{id}': { allow: READERS, request: async (w, _c, scope) => ({ path: { id: await registered(w, scope) } }) },
  'POST /api/v1/cimer/applications/{id}/answers': {
    allow: OFFICE,
    request: async (w, _c, scope) => ({ path: { id: await registered(w, scope) }, body: { status: 'interim', text: 'Birimde inceleniyor.' } }),
  },
  'GET /api/v1/reports/cimer': {
    allow: [...REPORTERS, 'cimer_officer'],
    request: (w, _c, scope) => ({ query: { ...PERIOD, departmentId: sideOf(w, scope).departmentId } }),
  },
};
