import { useEffect, useState } from 'preact/hooks';
import { OPEN_STATUSES, type TicketStatus } from '@app/domain';
import { api } from '../api';
import { toast } from '../components';
import type { SlotProps } from '../slots';
import { INCIDENT_WORKERS } from './types';

/** On an open ticket: the open incidents it looks like part of, to join in one click. */
export function TicketIncidents({ ticket, user, reload }: SlotProps['ticket.side']) {
  const [matching, setMatching] = useState<{ id: string; title: string }[]>([]);
  const open = OPEN_STATUSES.includes(ticket.status as TicketStatus);
  const worker = INCIDENT_WORKERS.includes(user.role);
  useEffect(() => {
    if (open && worker) api<typeof matching>(`/incidents/matching/${ticket.id}`).then(setMatching, () => setMatching([]));
  }, [ticket.id, ticket.version]);
  if (!open || !worker || !matching.length) return null;
  const join = async (incident: { id: string; title: string }) => {
    try {
      await api(`/incidents/${incident.id}/tickets`, { method: 'POST', body: { ticketIds: [ticket.id] } });
      toast(`Olaya bağlandı: ${incident.title}`);
      setMatching([]);
      reload();
    } catch (e) {
      toast((e as Error).message, 'error');
    }
  };
  return (
    <section class="card" aria-labelledby="ticket-incidents-title">
      <h2 id="ticket-incidents-title">Benzer olay</h2>
      <ul>
        {matching.map((i) => (
          <li key={i.id}>
            <a href={`#/olay/${i.id}`}>{i.title}</a>{' '}
            <button type="button" class="small" onClick={() => join(i)}>
              Olaya bağla<span class="sr-only">: {i.title}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
