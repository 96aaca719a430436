import { MediaLinks } from '../../src/modules/media';
import { freshTicket } from './world';
import { sideOf } from './fixtures';
import { Operation } from './operation';

const PDF = Buffer.from('%PDF-1.7\nyanıt belgesi\n%%EOF\n');

/** Documents staff attach to replies, the citizens' signed links to them, and the audit log. */
export const DOCUMENTS_OPERATIONS: Record<string, Operation> = {
  'POST /api/v1/tickets/{id}/attachments': {
    allow: 'staff',
    foreign: 404,
    request: async (w, _c, scope) => ({ path: { id: (await freshTicket(w, sideOf(w, scope))).id }, files: { file: { data: PDF, filename: 'yanit.pdf' } } }),
  },
  'GET /api/v1/public/files/{id}': {
    allow: 'public',
    request: (w) => {
      const id = w.own.mediaUrl.split('/').pop()!;
      const link = new URL(w.t.app.get(MediaLinks).linkFor(id, w.t.clock.now()).url);
      return { path: { id }, query: Object.fromEntries(link.searchParams) };
    },
  },
  'GET /api/v1/audit-log': { allow: [], request: () => ({ query: { action: 'login' } }) },
  'GET /api/v1/audit-log/export': { allow: [], request: () => ({ query: { action: 'login' } }) },
};
