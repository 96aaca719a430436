import { OPEN_STATUSES } from '@app/domain';
import { api } from '../api';
import { toast } from '../components';
import { TicketList } from './ticket-list';
import type { TicketRow } from './types';

const OPEN = OPEN_STATUSES.join(',');

async function claim(event: Event, t: TicketRow, reload: () => void): Promise<void> {
  event.stopPropagation();
  try {
    await api(`/tickets/${t.id}/claim`, { method: 'POST', body: { version: t.version } });
    toast(`${t.trackingNo} üzerinize alındı`);
    reload();
  } catch (e) {
    toast((e as Error).message, 'error');
  }
}

/** A department's inbox: only its tickets (the API scopes them); claim straight from the list. */
export function Inbox() {
  return (
    <TicketList
      title="Birim gelen kutusu"
      home="#/gelen-kutusu"
      tabs={[
        { id: 'open', label: 'Açık', query: { status: OPEN } },
        { id: 'unassigned', label: 'Atanmamış', query: { unassigned: true, status: OPEN } },
        { id: 'mine', label: 'Bana atanan', query: { mine: true, status: OPEN } },
        { id: 'overdue', label: 'Gecikmiş', query: { overdue: true, sort: 'resolutionDueAt' } },
      ]}
      filters={['channel', 'kind', 'categoryId', 'mahalleId']}
      rowActions={(t, reload) =>
        t.assignee || !OPEN_STATUSES.includes(t.status) ? null : (
          <button type="button" class="small" onClick={(e) => void claim(e, t, reload)}>
            Üstlen
          </button>
        )
      }
    />
  );
}
