import { useState } from 'preact/hooks';
import { APPOINTMENT_CHANNEL_LABELS, DELIVERY_STATE_LABELS } from '@app/domain';
import { api } from '../../api';
import { formatTime } from '../../format';

interface SentNotice {
  id: string;
  channel: string;
  purpose: string;
  state: string;
  notBefore: string;
  sentAt: string | null;
  lastError: string | null;
}

const PURPOSES: Record<string, string> = { appointment: 'Bildirim', appointment_reminder: 'Hatırlatma' };

/** The confirmations, reminders and answers written for a request, loaded when opened. */
export function SentMessages({ appointmentId }: { appointmentId: string }) {
  const [items, setItems] = useState<SentNotice[] | null>(null);
  const load = (event: Event) => {
    if ((event.currentTarget as HTMLDetailsElement).open && !items)
      void api<{ items: SentNotice[] }>(`/appointments/${appointmentId}/messages`).then(
        (r) => setItems(r.items),
        () => setItems([]),
      );
  };
  return (
    <details class="ok-messages" onToggle={load}>
      <summary>Gönderilen mesajlar</summary>
      {items === null ? <p>Yükleniyor…</p> : null}
      {items?.length === 0 ? <p class="muted">Mesaj yok</p> : null}
      <ul>
        {(items ?? []).map((m) => (
          <li key={m.id} data-purpose={m.purpose} data-state={m.state}>
            {PURPOSES[m.purpose] ?? m.purpose} · {APPOINTMENT_CHANNEL_LABELS[m.channel] ?? m.channel} · {DELIVERY_STATE_LABELS[m.state] ?? m.state} ·{' '}
            {formatTime(m.sentAt ?? m.notBefore)}
            {m.lastError ? ` · ${m.lastError}` : ''}
          </li>
        ))}
      </ul>
    </details>
  );
}
