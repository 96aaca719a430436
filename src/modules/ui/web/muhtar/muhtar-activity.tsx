import { useEffect, useState } from 'preact/hooks';
import { DELIVERY_STATE_LABELS, KIND_LABELS, Role, STAFF_STATUS_LABELS, TicketKind } from '@app/domain';
import { api, ApiError } from '../api';
import { Field, Select, toast } from '../components';
import { formatTime } from '../format';
import type { RouteProps } from '../router';
import { hasRole } from '../session';
import { ACTIVITY_KIND_LABELS, ActivityDetail, activityState, fromLocalInput, toLocalInput } from './types';
import './muhtar.css';

/** One meeting or visit: the muhtar informed by SMS, held with its attendance, the requests raised there. */
export function MuhtarActivityView({ params }: RouteProps) {
  const id = params.id ?? '';
  const [a, setA] = useState<ActivityDetail | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    api<ActivityDetail>(`/muhtar-activities/${id}`).then(setA, (e: Error) => toast(e.message, 'error'));
  }, [id, version]);
  const reload = () => setVersion(version + 1);
  if (!a) return <p aria-busy="true">Yükleniyor…</p>;
  const open = !a.cancelledAt;

  async function act(path: string, body?: unknown, done?: string) {
    try {
      await api(`/muhtar-activities/${id}${path}`, { method: 'POST', body });
      if (done) toast(done);
      reload();
    } catch (e) {
      toast((e as Error).message, 'error');
    }
  }
  return (
    <>
      <p>
        <a href="#/muhtar">Muhtar takvimi</a>
      </p>
      <h1>{a.title}</h1>
      <dl class="facts">
        <dt>Tür</dt>
        <dd>{ACTIVITY_KIND_LABELS[a.kind]}</dd>
        <dt>Mahalle</dt>
        <dd>{a.mahalle ? `${a.mahalle.name}${a.mahalle.muhtarName ? ` (Muhtar: ${a.mahalle.muhtarName})` : ''}` : 'Tüm muhtarlar'}</dd>
        <dt>Planlanan zaman</dt>
        <dd>{formatTime(a.plannedAt)}</dd>
        <dt>Yer</dt>
        <dd>{a.location ?? '—'}</dd>
        <dt>Durum</dt>
        <dd data-testid="activity-state">{activityState(a)}</dd>
        <dt>Katılım</dt>
        <dd>{a.attendance ?? '—'}</dd>
      </dl>
      <div class="muhtar-panels">
        <section aria-labelledby="ma-inform">
          <h2 id="ma-inform">Muhtarın bilgilendirilmesi</h2>
          <p>{a.muhtarInformedAt ? `Bilgilendirildi: ${formatTime(a.muhtarInformedAt)}` : 'Muhtar henüz bilgilendirilmedi.'}</p>
          {a.messages.length ? (
            <ul class="plain" aria-label="Gönderilen SMS'ler">
              {a.messages.map((m) => (
                <li key={m.id}>
                  SMS {m.recipient} — {DELIVERY_STATE_LABELS[m.state] ?? m.state}
                </li>
              ))}
            </ul>
          ) : null}
          {open && !a.heldAt ? (
            <button type="button" onClick={() => act('/informed', undefined, 'Muhtara SMS gönderilmek üzere sıraya alındı')}>
              {a.muhtarInformedAt ? 'Yeniden gönder (eksik olanlara)' : 'Muhtara SMS ile bildir'}
            </button>
          ) : null}
        </section>
        <section aria-labelledby="ma-held">
          <h2 id="ma-held">Yapıldı ve katılım</h2>
          {open ? (
            <HoldForm activity={a} onHeld={(body) => act('/held', body, 'Yapıldı olarak kaydedildi')} />
          ) : (
            <p>İptal edildi: {formatTime(a.cancelledAt)}</p>
          )}
          {open && !a.heldAt ? (
            <button
              type="button"
              class="secondary"
              onClick={() => confirm('Bu toplantı/ziyaret iptal edilsin mi?') && act('/cancel', undefined, 'İptal edildi')}
            >
              İptal et
            </button>
          ) : null}
        </section>
      </div>
      <h2>Burada alınan başvurular ({a.tickets.length})</h2>
      {a.tickets.length ? (
        <ul class="plain" aria-label="Ziyarette alınan başvurular">
          {a.tickets.map((t) => (
            <li key={t.id}>
              <a href={`#/basvuru/${t.id}`}>{t.trackingNo}</a> {t.subject} — {KIND_LABELS[t.kind as TicketKind] ?? t.kind},{' '}
              {STAFF_STATUS_LABELS[t.status as never] ?? t.status}
            </li>
          ))}
        </ul>
      ) : (
        <p>Henüz başvuru bağlanmadı.</p>
      )}
      {open && hasRole(Role.Supervisor, Role.DepartmentManager) ? <RaiseTicket activity={a} onRaised={reload} /> : null}
    </>
  );
}

function HoldForm({ activity, onHeld }: { activity: ActivityDetail; onHeld: (body: unknown) => void }) {
  const [heldAt, setHeldAt] = useState(toLocalInput(activity.heldAt ?? activity.plannedAt));
  const [attendance, setAttendance] = useState(String(activity.attendance ?? (activity.kind === 'visit' ? 1 : '')));
  return (
    <form
      class="muhtar-form"
      onSubmit={(e) => {
        e.preventDefault();
        onHeld({ heldAt: fromLocalInput(heldAt), attendance: Number(attendance) });
      }}
    >
      <Field id="ma-held-at" label="Yapıldığı zaman">
        <input type="datetime-local" required value={heldAt} onChange={(e) => setHeldAt(e.currentTarget.value)} />
      </Field>
      <Field id="ma-attendance" label="Katılan sayısı">
        <input type="number" min={0} required value={attendance} onChange={(e) => setAttendance(e.currentTarget.value)} />
      </Field>
      <button type="submit">{activity.heldAt ? 'Güncelle' : 'Yapıldı olarak kaydet'}</button>
    </form>
  );
}

/** A request collected there: a muhtar-channel ticket of the mahalle, then linked to the activity. */
function RaiseTicket({ activity, onRaised }: { activity: ActivityDetail; onRaised: () => void }) {
  const [kind, setKind] = useState<string>(TicketKind.Talep);
  const [errors, setErrors] = useState<Record<string, string>>({});
  async function submit(event: Event) {
    event.preventDefault();
    const formEl = event.currentTarget as HTMLFormElement;
    const form = new FormData(formEl);
    try {
      const ticket = await api<{ id: string; trackingNo: string }>('/tickets', {
        method: 'POST',
        body: {
          channel: 'muhtar',
          kind,
          mahalleId: activity.mahalleId ?? undefined,
          subject: form.get('subject'),
          description: form.get('description'),
          citizen: { fullName: form.get('applicant') || undefined, phone: form.get('phone') || undefined },
        },
      });
      await api(`/muhtar-activities/${activity.id}/tickets`, { method: 'POST', body: { ticketId: ticket.id } });
      setErrors({});
      formEl.reset();
      toast(`Başvuru açıldı: ${ticket.trackingNo}`);
      onRaised();
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) {
        setErrors({
          subject: e.field('subject') ?? '',
          description: e.field('description') ?? '',
          applicant: e.field('citizen.fullName') ?? e.field('citizen') ?? '',
          phone: e.field('citizen.phone') ?? '',
        });
      }
      toast((e as Error).message, 'error');
    }
  }
  return (
    <form class="muhtar-form" onSubmit={submit} aria-labelledby="ma-raise">
      <h3 id="ma-raise">Başvuru aç ve bağla</h3>
      <Field id="ma-kind" label="Başvuru türü">
        <Select options={[TicketKind.Sikayet, TicketKind.Talep].map((k) => [k, KIND_LABELS[k]] as const)} value={kind} onChange={setKind} />
      </Field>
      <Field id="ma-applicant" label="Başvuru sahibi" hint="Muhtar ya da ziyarette derdini anlatan kişi" error={errors.applicant || null}>
        <input name="applicant" required minLength={2} maxLength={200} defaultValue={activity.mahalle?.muhtarName ?? ''} />
      </Field>
      <Field id="ma-phone" label="Telefonu" error={errors.phone || null}>
        <input name="phone" type="tel" defaultValue={activity.mahalle?.muhtarPhone ?? ''} />
      </Field>
      <Field id="ma-subject" label="Konu" error={errors.subject || null}>
        <input name="subject" required minLength={3} maxLength={200} />
      </Field>
      <Field id="ma-description" label="Açıklama" error={errors.description || null}>
        <textarea name="description" required minLength={3} rows={3} />
      </Field>
      <button type="submit">Başvuru aç</button>
    </form>
  );
}
