import { useEffect, useMemo, useState } from 'preact/hooks';
import { APPOINTMENT_STATUS_LABELS } from '@app/domain';
import { api, ApiError } from '../../api';
import { Field, optionsOf, Select, toast } from '../../components';
import { navigate, type RouteProps } from '../../router';
import { Calendar } from './calendar';
import { RequestForm } from './request-form';
import { RequestRow } from './request-row';
import { addDays, type Appointment, dayKey, dayStart, mondayOf, type Slot } from './types';
import './ozel-kalem.css';

/** `#/ozel-kalem/2026-11-02` (a week from that Monday) or `#/ozel-kalem/2026-11-04/gun` (one day). */
export function OzelKalem({ params }: RouteProps) {
  const dayView = params.view === 'gun';
  const start = params.day ? (dayView ? params.day : mondayOf(params.day)) : mondayOf(dayKey(new Date()));
  const days = dayView ? 1 : 7;
  const [slots, setSlots] = useState<Slot[]>([]);
  const [appointments, setAppointments] = useState<Appointment[]>([]);
  const [status, setStatus] = useState('requested');
  const [version, setVersion] = useState(0);
  const [opening, setOpening] = useState({ startsAt: '', durationMinutes: '30', location: 'Başkanlık Makamı' });
  const [openError, setOpenError] = useState<string | null>(null);
  const reload = () => setVersion((v) => v + 1);

  useEffect(() => {
    const from = dayStart(start).toISOString();
    const to = dayStart(addDays(start, days)).toISOString();
    Promise.all([
      api<{ items: Slot[] }>('/appointments/slots', { query: { from, to } }),
      api<{ items: Appointment[] }>('/appointments', { query: { status: status || undefined } }),
      api<{ items: Appointment[] }>('/appointments', { query: { status: 'scheduled' } }),
    ])
      .then(([s, listed, scheduled]) => {
        setSlots(s.items);
        const byId = new Map([...scheduled.items, ...listed.items].map((a) => [a.id, a]));
        setAppointments([...byId.values()]);
      })
      .catch((e: Error) => toast(e.message, 'error'));
  }, [start, days, status, version]);

  const byId = useMemo(() => new Map(appointments.map((a) => [a.id, a])), [appointments]);
  const listed = appointments.filter((a) => !status || a.status === status);
  const free = slots.filter((s) => s.free);
  const go = (day: string, view = dayView) => navigate(`#/ozel-kalem/${day}${view ? '/gun' : ''}`);

  async function openSlot(event: Event): Promise<void> {
    event.preventDefault();
    setOpenError(null);
    try {
      await api('/appointments/slots', {
        method: 'POST',
        body: {
          startsAt: new Date(`${opening.startsAt}:00+03:00`).toISOString(),
          durationMinutes: Number(opening.durationMinutes),
          location: opening.location || undefined,
        },
      });
      toast('Randevu saati açıldı');
      reload();
    } catch (e) {
      const err = e as ApiError;
      setOpenError(err.field?.('startsAt') ?? err.message);
    }
  }

  return (
    <div class="ozel-kalem">
      <h2>Özel Kalem — Başkanlık randevuları</h2>
      <nav class="ok-toolbar" aria-label="Takvimde gezinme">
        <button type="button" class="secondary" onClick={() => go(addDays(start, -days))}>
          ← Önceki {dayView ? 'gün' : 'hafta'}
        </button>
        <button type="button" class="secondary" onClick={() => go(dayKey(new Date()))}>
          Bugün
        </button>
        <button type="button" class="secondary" onClick={() => go(addDays(start, days))}>
          Sonraki {dayView ? 'gün' : 'hafta'} →
        </button>
        <button type="button" class="secondary" aria-pressed={!dayView} onClick={() => go(start, false)}>
          Hafta
        </button>
        <button type="button" class="secondary" aria-pressed={dayView} onClick={() => go(start, true)}>
          Gün
        </button>
      </nav>
      <Calendar start={start} days={days} slots={slots} appointments={byId} onPick={(s) => !dayView && go(dayKey(s.startsAt), true)} />
      <div class="ok-columns">
        <section aria-labelledby="ok-requests-title">
          <h3 id="ok-requests-title">Talepler</h3>
          <Field id="ok-status" label="Durum">
            <Select options={optionsOf(APPOINTMENT_STATUS_LABELS)} empty="Tümü" value={status} onChange={setStatus} />
          </Field>
          {listed.length ? null : <p class="muted">Bu durumda talep yok</p>}
          <ul class="ok-requests">
            {listed.map((a) => (
              <RequestRow key={`${a.id}-${a.status}`} appointment={a} freeSlots={free} onChanged={reload} />
            ))}
          </ul>
        </section>
        <aside>
          <section aria-labelledby="ok-open-title">
            <h3 id="ok-open-title">Randevu saati aç</h3>
            <form onSubmit={(e) => void openSlot(e)}>
              <Field id="ok-open-at" label="Başlangıç" error={openError}>
                <input
                  type="datetime-local"
                  required
                  value={opening.startsAt}
                  onInput={(e) => setOpening({ ...opening, startsAt: (e.currentTarget as HTMLInputElement).value })}
                />
              </Field>
              <Field id="ok-open-minutes" label="Süre (dakika)">
                <input
                  type="number"
                  min={5}
                  max={480}
                  value={opening.durationMinutes}
                  onInput={(e) => setOpening({ ...opening, durationMinutes: (e.currentTarget as HTMLInputElement).value })}
                />
              </Field>
              <Field id="ok-open-location" label="Yer">
                <input
                  type="text"
                  value={opening.location}
                  onInput={(e) => setOpening({ ...opening, location: (e.currentTarget as HTMLInputElement).value })}
                />
              </Field>
              <button type="submit">Saati aç</button>
            </form>
          </section>
          <section aria-labelledby="ok-new-title">
            <h3 id="ok-new-title">Yeni talep</h3>
            <RequestForm onSaved={reload} />
          </section>
        </aside>
      </div>
    </div>
  );
}
