import { useState } from 'preact/hooks';
import { APPOINTMENT_CHANNEL_LABELS, APPOINTMENT_STATUS_LABELS, REQUESTER_KIND_LABELS } from '@app/domain';
import { api, ApiError } from '../../api';
import { Field, Select, toast } from '../../components';
import { formatTime } from '../../format';
import { SentMessages } from './sent-messages';
import { type Appointment, clockTime, dayTitle, dayKey, type Slot } from './types';

interface RowProps {
  appointment: Appointment;
  freeSlots: Slot[];
  onChanged: () => void;
}

type Action = 'book' | 'decline' | 'cancel' | 'held' | 'missed' | 'forward' | 'approved' | 'declined';

const slotLabel = (s: Slot) => `${dayTitle(dayKey(s.startsAt))} ${clockTime(s.startsAt)}${s.location ? ` · ${s.location}` : ''}`;

/** One request and what Özel Kalem can do with it now: give it a slot, decline it, cancel, record the meeting. */
export function RequestRow({ appointment: a, freeSlots, onChanged }: RowProps) {
  const [slotId, setSlotId] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const id = (name: string) => `ok-${name}-${a.id}`;

  async function act(action: Action): Promise<void> {
    setBusy(true);
    setError({});
    try {
      if (action === 'book') await api(`/appointments/${a.id}/book`, { method: 'POST', body: { slotId } });
      else if (action === 'forward') await api(`/appointments/${a.id}/forward`, { method: 'POST', body: { note: text || undefined } });
      else if (action === 'approved' || action === 'declined')
        await api(`/appointments/${a.id}/mayor-decision`, { method: 'POST', body: { decision: action, note: text } });
      else if (action === 'decline' || action === 'cancel') await api(`/appointments/${a.id}/${action}`, { method: 'POST', body: { reason: text } });
      else await api(`/appointments/${a.id}/close`, { method: 'POST', body: { status: action, note: text || undefined } });
      toast(action === 'book' ? `${a.requesterName}: randevu verildi, onay mesajı gönderildi` : `${a.requesterName}: kaydedildi`);
      onChanged();
    } catch (e) {
      const err = e as ApiError;
      if (err.status === 409 && action === 'book') {
        setError({ slot: `Bu saat az önce başka bir talebe verildi: ${err.field?.('slotId') ?? err.message}` });
        onChanged();
      } else
        setError(action === 'book' ? { slot: err.field?.('slotId') ?? err.message } : { text: err.field?.('reason') ?? err.field?.('note') ?? err.message });
    } finally {
      setBusy(false);
    }
  }

  const open = a.status === 'requested' || a.status === 'scheduled';
  const awaiting = a.status === 'requested' && !!a.forwardedAt && !a.decidedAt;
  return (
    <li class={`ok-request st-${a.status}`} data-appointment={a.id}>
      <div class="ok-request-head">
        <strong>{a.requesterKind === 'institution' && a.institutionName ? `${a.institutionName} (${a.requesterName})` : a.requesterName}</strong>
        <span class="badge">{REQUESTER_KIND_LABELS[a.requesterKind] ?? a.requesterKind}</span>
        <span class={`badge status-${a.status}`} data-status={a.status}>
          {APPOINTMENT_STATUS_LABELS[a.status] ?? a.status}
        </span>
        <span class="muted">
          {APPOINTMENT_CHANNEL_LABELS[a.channel] ?? a.channel} · {formatTime(a.createdAt)}
        </span>
      </div>
      <p>{a.subject}</p>
      {a.scheduledAt ? <p>Randevu: {formatTime(a.scheduledAt)}</p> : null}
      {a.reason ? <p class="ok-reason">Gerekçe: {a.reason}</p> : null}
      {a.note ? <p>Not: {a.note}</p> : null}
      {a.forwardedAt ? (
        <p class="ok-mayor" data-decision={a.mayorDecision ?? 'awaiting'}>
          Başkan’a iletildi {formatTime(a.forwardedAt)}
          {a.forwardNote ? ` (${a.forwardNote})` : ''}:{' '}
          <strong>{a.mayorDecision === 'approved' ? 'Onaylandı' : a.mayorDecision === 'declined' ? 'Reddedildi' : 'karar bekleniyor'}</strong>
          {a.mayorNote ? ` — ${a.mayorNote}` : ''}
        </p>
      ) : null}
      {open ? (
        <div class="ok-actions">
          <Field id={id('slot')} label="Randevu saati" error={error.slot}>
            <Select options={freeSlots.map((s) => [s.id, slotLabel(s)] as const)} empty="Boş bir saat seçin" value={slotId} onChange={setSlotId} />
          </Field>
          <button type="button" disabled={busy || !slotId} onClick={() => void act('book')}>
            Randevu ver
          </button>
          <Field id={id('text')} label="Gerekçe / not" error={error.text}>
            <input type="text" value={text} onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)} />
          </Field>
          {a.status === 'requested' && !awaiting ? (
            <>
              <button type="button" class="secondary" disabled={busy} onClick={() => void act('decline')}>
                Uygun görülmedi
              </button>
              <button type="button" class="secondary" disabled={busy} onClick={() => void act('forward')}>
                Başkan’a ilet
              </button>
            </>
          ) : null}
          {awaiting ? (
            <>
              <button type="button" class="secondary" disabled={busy} onClick={() => void act('approved')}>
                Başkan onayladı
              </button>
              <button type="button" class="secondary" disabled={busy} onClick={() => void act('declined')}>
                Başkan reddetti
              </button>
            </>
          ) : null}
          <button type="button" class="secondary" disabled={busy} onClick={() => void act('cancel')}>
            İptal et
          </button>
          {a.status === 'scheduled' ? (
            <>
              <button type="button" class="secondary" disabled={busy} onClick={() => void act('held')}>
                Görüşüldü
              </button>
              <button type="button" class="secondary" disabled={busy} onClick={() => void act('missed')}>
                Gelmedi
              </button>
            </>
          ) : null}
        </div>
      ) : null}
      <SentMessages appointmentId={a.id} />
    </li>
  );
}
