import { OPEN } from './dom.js';
import { renderTicketList } from './ticket-list.js';

/** The call centre's queue: new, triage, unassigned and overdue tickets. */
export function renderQueue(main) {
  return renderTicketList(main, {
    title: 'Başvuru kuyruğu',
    home: '#/kuyruk',
    tabs: [
      { id: 'new', label: 'Yeni', query: { status: 'new' } },
      { id: 'triage', label: 'Ön değerlendirme', query: { triage: true, status: OPEN.join(',') } },
      { id: 'unassigned', label: 'Atanmamış', query: { unassigned: true, status: OPEN.join(',') } },
      { id: 'overdue', label: 'Gecikmiş', query: { overdue: true, sort: 'resolutionDueAt' } },
    ],
    filters: ['channel', 'kind', 'categoryId', 'mahalleId', 'departmentId'],
  });
}
