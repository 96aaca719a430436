import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, cached } from '../api';
import { Field, fieldErrors, Select, toast } from '../components';
import { formatTime } from '../format';
import { hasRole } from '../session';
import type { Mahalle } from '../views/types';
import { Role } from '@app/domain';
import { Activity, ACTIVITY_KIND_LABELS, ActivityKind, activityState, fromLocalInput, isoDay } from './types';
import './muhtar.css';

const monthStart = (d: Date) => `${isoDay(d).slice(0, 8)}01`;
function monthEnd(from: string): string {
  const [y, m] = from.split('-').map(Number);
  return isoDay(new Date(Date.UTC(y, m, 0, 12)));
}

/** The muhtar calendar: meetings and visits of a month, one mahalle's or all, and a new one planned. */
export function MuhtarCalendar() {
  const [from, setFrom] = useState(monthStart(new Date()));
  const [to, setTo] = useState(monthEnd(monthStart(new Date())));
  const [mahalleId, setMahalleId] = useState('');
  const [mahalleler, setMahalleler] = useState<Mahalle[]>([]);
  const [rows, setRows] = useState<Activity[] | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    cached<Mahalle[]>('/mahalleler').then(setMahalleler, (e: Error) => toast(e.message, 'error'));
  }, []);
  useEffect(() => {
    setRows(null);
    api<Activity[]>('/muhtar-activities', { query: { from, to, mahalleId: mahalleId || undefined } }).then(setRows, (e: Error) => toast(e.message, 'error'));
  }, [from, to, mahalleId, version]);

  const days = new Map<string, Activity[]>();
  for (const a of rows ?? []) {
    const day = isoDay(new Date(a.plannedAt));
    days.set(day, [...(days.get(day) ?? []), a]);
  }
  const mahalleOptions = mahalleler.map((m) => [m.id, m.name] as const);
  return (
    <>
      <h1>Muhtar takvimi</h1>
      <p>
        <a href="#/muhtar/gostergeler">PG7.4 göstergeleri</a>
      </p>
      <div class="muhtar-filters">
        <Field id="mc-from" label="Başlangıç">
          <input type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        </Field>
        <Field id="mc-to" label="Bitiş">
          <input type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        </Field>
        <Field id="mc-mahalle" label="Mahalle">
          <Select options={mahalleOptions} empty="Tüm mahalleler" value={mahalleId} onChange={setMahalleId} />
        </Field>
      </div>
      {rows === null ? <p aria-busy="true">Takvim yükleniyor…</p> : null}
      {rows && !rows.length ? <p>Bu dönemde planlanmış toplantı ya da ziyaret yok.</p> : null}
      {[...days.entries()].map(([day, list]) => (
        <section key={day} aria-label={day}>
          <h2 class="muhtar-day">{new Date(`${day}T12:00:00Z`).toLocaleDateString('tr-TR', { dateStyle: 'full' })}</h2>
          <ul class="muhtar-list">
            {list.map((a) => (
              <li key={a.id}>
                <span>{formatTime(a.plannedAt).slice(-5)}</span>
                <a href={`#/muhtar/etkinlik/${a.id}`}>{a.title}</a>
                <span>{ACTIVITY_KIND_LABELS[a.kind]}</span>
                <span>{a.mahalle?.name ?? 'Tüm muhtarlar'}</span>
                <span class="state">
                  {activityState(a)}
                  {a.ticketCount ? ` · ${a.ticketCount} başvuru` : ''}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {hasRole(Role.Supervisor, Role.DepartmentManager, Role.Executive) ? (
        <PlanForm mahalleler={mahalleOptions} onPlanned={() => setVersion(version + 1)} />
      ) : null}
    </>
  );
}

const FIELDS: Record<string, string> = { kind: 'mp-kind', title: 'mp-title', mahalleId: 'mp-mahalle', plannedAt: 'mp-at', location: 'mp-location' };

function PlanForm({ mahalleler, onPlanned }: { mahalleler: (readonly [string, string])[]; onPlanned: () => void }) {
  const [kind, setKind] = useState<ActivityKind>('visit');
  const [errors, setErrors] = useState<Record<string, string>>({});
  async function submit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const at = String(form.get('plannedAt') ?? '');
    try {
      const created = await api<Activity>('/muhtar-activities', {
        method: 'POST',
        body: {
          kind,
          title: form.get('title'),
          mahalleId: kind === 'visit' ? form.get('mahalleId') || undefined : undefined,
          plannedAt: at ? fromLocalInput(at) : undefined,
          location: form.get('location') || undefined,
        },
      });
      setErrors({});
      toast(`Planlandı: ${created.title}`);
      (event.currentTarget as HTMLFormElement | null)?.reset();
      onPlanned();
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) {
        const placed = fieldErrors(e.details, (f) => FIELDS[f]);
        setErrors(placed.byId);
        if (placed.unplaced.length) toast(placed.unplaced.join(' '), 'error');
      } else toast((e as Error).message, 'error');
    }
  }
  return (
    <form class="muhtar-form" onSubmit={submit} aria-labelledby="mp-heading">
      <h2 id="mp-heading">Toplantı ya da ziyaret planla</h2>
      <Field id="mp-kind" label="Tür" error={errors['mp-kind']}>
        <Select options={Object.entries(ACTIVITY_KIND_LABELS)} value={kind} onChange={(v) => setKind(v as ActivityKind)} />
      </Field>
      <Field id="mp-title" label="Başlık" error={errors['mp-title']}>
        <input name="title" required minLength={3} maxLength={200} />
      </Field>
      <Field id="mp-mahalle" label="Mahalle" hidden={kind !== 'visit'} error={errors['mp-mahalle']}>
        <Select name="mahalleId" options={mahalleler} empty="Seçin" />
      </Field>
      <Field id="mp-at" label="Tarih ve saat" error={errors['mp-at']}>
        <input name="plannedAt" type="datetime-local" required />
      </Field>
      <Field id="mp-location" label="Yer" error={errors['mp-location']}>
        <input name="location" maxLength={300} />
      </Field>
      <button type="submit">Planla</button>
    </form>
  );
}
