import { Operation } from './operation';

/** What the admin screens added (issue 20d): the notice template preview, the queue board's session. */
export const ADMIN_UI_OPERATIONS: Record<string, Operation> = {
  'POST /api/v1/notice-templates/{purpose}/{locale}/preview': {
    allow: [],
    ok: [200],
    request: () => ({
      path: { purpose: 'received', locale: 'tr' },
      body: { subject: '{trackingNo} alındı', body: 'Başvurunuz {trackingNo} numarasıyla alındı — {municipality}' },
    }),
  },
  'POST /api/v1/admin/queue-board/session': { allow: [], ok: [200], request: () => ({}) },
};
