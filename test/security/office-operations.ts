import { freshAppointment } from './fixtures';
import { Operation } from './operation';
import { bearer } from './world';

/** Özel Kalem's screens: a request put before the mayor and the answer, and the messages sent about it. */
export const OFFICE_OPERATIONS: Record<string, Operation> = {
  'POST /api/v1/appointments/{id}/forward': {
    allow: ['executive'],
    request: async (w) => ({ path: { id: await freshAppointment(w) }, body: { note: 'Başkan’ın görüşü alınacak' } }),
  },
  'POST /api/v1/appointments/{id}/mayor-decision': {
    allow: ['executive'],
    request: async (w) => {
      const id = await freshAppointment(w);
      await w.t.http().post(`/api/v1/appointments/${id}/forward`).set(bearer(w.kalem)).send({}).expect(200);
      return { path: { id }, body: { decision: 'approved', note: 'Uygun, randevu verilsin' } };
    },
  },
  'GET /api/v1/appointments/{id}/messages': { allow: ['executive'], request: (w) => ({ path: { id: w.appointmentId } }) },
};
