import { useEffect, useRef, useState } from 'preact/hooks';
import { KIND_LABELS, STAFF_STATUS_LABELS, TicketKind, type TicketStatus } from '@app/domain';
import { api, cached } from '../api';
import { Field, Select, optionsOf, toast } from '../components';
import { formatTime } from '../format';
import type { Session } from '../session';
import { Slot } from '../slots';
import { CategoryPicker } from './category-picker';
import type { Category } from './types';

/** One `call` event of /live/calls: a 444 call that reached this agent. */
export interface IncomingCall {
  callSid: string;
  callerMasked: string;
  at: string;
  citizen: { id: string; fullName?: string | null } | null;
  openTickets: { id: string; trackingNo: string; subject: string; status: TicketStatus }[];
}

/** Screen-pop: a 444 call reaching this agent shows the caller's record, open tickets and a ticket form. */
export function CallPanel({ current }: { current: Session }) {
  const [call, setCall] = useState<IncomingCall | null>(null);
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const source = new EventSource(`/api/v1/live/calls?access_token=${encodeURIComponent(current.token)}`);
    source.addEventListener('open', () => {
      document.body.dataset.calls = 'on';
    });
    source.addEventListener('call', (event) => {
      setCall(JSON.parse((event as MessageEvent<string>).data) as IncomingCall);
      setShown(true);
    });
    return () => source.close();
  }, [current.token]);
  return (
    <aside id="call-panel" class="call-panel" aria-label="Gelen çağrı" aria-live="assertive" hidden={!shown || !call}>
      {call && shown ? <CallForm key={call.callSid} call={call} current={current} onClose={() => setShown(false)} /> : null}
    </aside>
  );
}

function CallForm({ call, current, onClose }: { call: IncomingCall; current: Session; onClose: () => void }) {
  const c = call.citizen;
  const [categories, setCategories] = useState<Category[]>([]);
  const [form, setForm] = useState({ name: c?.fullName ?? '', categoryId: '', kind: TicketKind.Talep as string, subject: '', description: '', note: '' });
  const [result, setResult] = useState<{ text: string; ticket?: { id: string } } | null>(null);
  const subject = useRef<HTMLInputElement>(null);
  useEffect(() => {
    cached<Category[]>('/categories')
      .then(setCategories)
      .catch(() => undefined);
    subject.current?.focus();
  }, []);
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const input = (key: keyof typeof form) => ({ value: form[key], onInput: (e: Event) => set(key)((e.currentTarget as HTMLInputElement).value) });

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const solved = (event.submitter as HTMLButtonElement | null)?.value === 'solved';
    const value = (v: string) => v.trim() || undefined;
    try {
      const ticket = await api<{ id: string; trackingNo: string }>(`/calls/${encodeURIComponent(call.callSid)}/ticket`, {
        method: 'POST',
        body: {
          subject: value(form.subject),
          description: value(form.description),
          categoryId: value(form.categoryId),
          kind: value(form.kind),
          citizenName: value(form.name),
          solvedDuringCall: solved || undefined,
          resolutionNote: solved ? value(form.note) : undefined,
        },
      });
      setResult({ text: `${solved ? 'Kapatıldı' : 'Açıldı'}: ${ticket.trackingNo} `, ticket });
      toast(`Çağrı başvurusu ${ticket.trackingNo}`);
    } catch (e) {
      setResult({ text: (e as Error).message });
    }
  };

  return (
    <>
      <div class="call-head">
        <h2>{`Gelen çağrı: ${call.callerMasked}`}</h2>
        <button type="button" class="link" onClick={onClose}>
          Paneli kapat
        </button>
      </div>
      <p>{c ? `Kayıtlı vatandaş: ${c.fullName ?? 'Adsız'} · ${formatTime(call.at)}` : 'Bu numarayla kayıtlı vatandaş yok.'}</p>
      <h3>Açık başvuruları</h3>
      {call.openTickets.length ? (
        <ul>
          {call.openTickets.map((t) => (
            <li key={t.id}>
              <a href={`#/basvuru/${t.id}`}>{t.trackingNo}</a>
              {` ${t.subject} (${STAFF_STATUS_LABELS[t.status] ?? t.status})`}
            </li>
          ))}
        </ul>
      ) : (
        <p>Açık başvurusu yok.</p>
      )}
      <Slot name="call.panel" props={{ user: current.user, call }} />
      <form class="call-form" onSubmit={(e) => void submit(e as unknown as SubmitEvent)}>
        <Field id="call-name" label="Ad soyad">
          <input {...input('name')} />
        </Field>
        <Field id="call-phone" label="Telefon" hint="Arayan numara başvuruya otomatik yazılır">
          <input value={call.callerMasked} readOnly />
        </Field>
        <CategoryPicker
          categories={categories}
          searchId="call-cat-search"
          selectId="call-category"
          value={form.categoryId}
          onChange={set('categoryId')}
          text={`${form.subject} ${form.description}`}
        />
        <Field id="call-kind" label="Tür">
          <Select value={form.kind} onChange={set('kind')} options={optionsOf(KIND_LABELS)} />
        </Field>
        <Field id="call-subject" label="Başlık">
          <input ref={subject} required {...input('subject')} />
        </Field>
        <Field id="call-description" label="Açıklama">
          <textarea rows={3} required {...input('description')} />
        </Field>
        <Field id="call-note" label="Görüşmede verilen yanıt (çözüldüyse)">
          <textarea rows={2} {...input('note')} />
        </Field>
        <div class="row">
          <button type="submit" value="open">
            Çağrıdan başvuru aç
          </button>
          <button type="submit" value="solved" class="secondary">
            Görüşmede çözüldü, kapat
          </button>
        </div>
        <p id="call-result" role="status">
          {result?.text ?? ''}
          {result?.ticket ? <a href={`#/basvuru/${result.ticket.id}`}>Başvuruyu aç</a> : null}
        </p>
      </form>
    </>
  );
}
