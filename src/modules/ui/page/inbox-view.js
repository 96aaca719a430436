import { api } from './api.js';
import { h, OPEN, toast } from './dom.js';
import { renderTicketList } from './ticket-list.js';

/** A department's inbox: only its tickets (the API scopes them); claim straight from the list. */
export function renderInbox(main) {
  return renderTicketList(main, {
    title: 'Birim gelen kutusu',
    home: '#/gelen-kutusu',
    tabs: [
      { id: 'open', label: 'Açık', query: { status: OPEN.join(',') } },
      { id: 'unassigned', label: 'Atanmamış', query: { unassigned: true, status: OPEN.join(',') } },
      { id: 'mine', label: 'Bana atanan', query: { mine: true, status: OPEN.join(',') } },
      { id: 'overdue', label: 'Gecikmiş', query: { overdue: true, sort: 'resolutionDueAt' } },
    ],
    filters: ['channel', 'kind', 'categoryId', 'mahalleId'],
    rowActions: (t, reload) =>
      t.assignee || !OPEN.includes(t.status)
        ? null
        : h(
            'button',
            {
              type: 'button',
              class: 'small',
              onclick: async (event) => {
                event.stopPropagation();
                try {
                  await api(`/tickets/${t.id}/claim`, { method: 'POST', body: { version: t.version } });
                  toast(`${t.trackingNo} üzerinize alındı`);
                  reload();
                } catch (e) {
                  toast(e.message, 'error');
                }
              },
            },
            'Üstlen',
          ),
  });
}
