import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { CHANNEL_LABELS, KIND_LABELS, STAFF_STATUS_LABELS } from '@app/domain';
import { api, ApiError, type Page } from '../../api';
import { toast } from '../../components';
import { countdown, formatTime } from '../../format';
import { useTicketChanges } from '../../live';
import type { RouteProps } from '../../router';
import { homeFor } from '../../session';
import { useShortcuts } from '../../shortcuts';
import { Slot } from '../../slots';
import { nextTicketAfter } from '../ticket-list';
import type { Notice, TicketDetail } from '../types';
import { TicketActions } from './actions';
import { Timeline } from './timeline';

function Facts({ pairs }: { pairs: [string, ComponentChildren][] }) {
  return <dl class="facts">{pairs.map(([k, v]) => [<dt key={`t${k}`}>{k}</dt>, <dd key={`d${k}`}>{v ?? '—'}</dd>])}</dl>;
}

/** A ticket with its whole timeline (notices and their delivery state included) and the actions the user may take. */
export function TicketView({ params, user }: RouteProps) {
  const id = params.id ?? '';
  const [ticket, setTicket] = useState<TicketDetail | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [failure, setFailure] = useState<ApiError | null>(null);
  // The action forms start afresh (closed, empty) after each of the user's own actions.
  const [formsKey, setFormsKey] = useState(0);
  const home = homeFor(user);

  const load = async (): Promise<TicketDetail> => {
    const [t, n] = await Promise.all([
      api<TicketDetail>(`/tickets/${id}`),
      api<Page<Notice>>(`/tickets/${id}/notifications`).catch(() => ({ items: [] as Notice[] })),
    ]);
    setTicket(t);
    setNotices(n.items);
    return t;
  };

  useEffect(() => {
    load().catch((e: unknown) => setFailure(e instanceof ApiError ? e : new ApiError(0, { message: (e as Error).message })));
  }, [id]);

  useTicketChanges((change) => {
    if (change.ticketId === id) load().catch(() => undefined);
  });

  const act = async (path: string, body: object, done: string): Promise<boolean> => {
    try {
      await api(path, { method: 'POST', body });
      toast(done);
      const fresh = await load().catch(() => null);
      if (!fresh) location.hash = home;
      setFormsKey((k) => k + 1);
      return true;
    } catch (e) {
      const error = e as ApiError;
      if (error.status === 409) {
        toast(`${error.message} — başvuru yeniden yüklendi`, 'error');
        await load().catch(() => undefined);
        setFormsKey((k) => k + 1);
      } else toast(error.message, 'error');
      return false;
    }
  };

  const openForm = (name: string) => () => {
    const details = document.getElementById(`act-${name}`) as HTMLDetailsElement | null;
    if (details) {
      details.open = true;
      details.querySelector<HTMLElement>('textarea, select, input')?.focus();
    }
  };
  useShortcuts({
    home,
    r: openForm('reply'),
    t: openForm('transfer'),
    c: openForm('resolve'),
    n: () => {
      const next = nextTicketAfter(id);
      if (next && next !== id) location.hash = `#/basvuru/${next}`;
    },
  });

  if (failure) {
    return (
      <section class="card">
        <h1>{failure.status === 404 || failure.status === 403 ? 'Başvuru bulunamadı veya erişim yetkiniz yok' : 'Başvuru açılamadı'}</h1>
        <p id="not-found">{failure.message}</p>
        <p>
          <a href={home}>Listeye dön</a>
        </p>
      </section>
    );
  }
  if (!ticket) return <p aria-busy="true">Başvuru yükleniyor…</p>;
  const t = ticket;
  const due = countdown(t.resolutionDueAt);
  const reload = () => void load().catch(() => undefined);
  const merge = (intoId: string, trackingNo: string) => act(`/tickets/${t.id}/merge`, { version: t.version, intoId }, `${trackingNo} ile birleştirildi`);
  const dismiss = (otherId: string) => act(`/tickets/${t.id}/duplicates/${otherId}/dismiss`, {}, 'Mükerrer şüphesi kaldırıldı');

  return (
    <div class="ticket-layout">
      <div>
        <section class="card info" aria-labelledby="ticket-title">
          <h1 id="ticket-title">{`${t.trackingNo} — ${t.subject}`}</h1>
          <p class="status">
            <span class={`badge st-${t.status}`} id="ticket-status">
              {STAFF_STATUS_LABELS[t.status] ?? t.status}
            </span>
            {t.triage ? <span class="badge triage">Ön değerlendirme</span> : null}
            {t.overdue ? <span class="badge late">Gecikmiş</span> : null}
          </p>
          <Facts
            pairs={[
              ['Kanal', CHANNEL_LABELS[t.channel]],
              ['Tür', KIND_LABELS[t.kind]],
              ['Konu', t.category?.name],
              ['Birim', t.department?.name],
              ['Atanan', t.assignee?.name],
              ['Mahalle', t.mahalle?.name],
              ['Adres', t.address],
              ...(t.fields ?? []).map((f): [string, ComponentChildren] => [f.label, Array.isArray(f.value) ? f.value.join(', ') : String(f.value)]),
              ['Vatandaş', t.citizen ? `${t.citizen.fullName ?? 'Adsız'} ${t.citizen.phone ?? ''}` : null],
              ['Oluşturma', formatTime(t.createdAt)],
              ['İlk yanıt süresi', t.firstResponseDueAt ? `${formatTime(t.firstResponseDueAt)}${t.firstRespondedAt ? ' (yanıtlandı)' : ''}` : null],
              [
                'Sonuçlandırma süresi',
                t.resolutionDueAt ? <span class={due.late ? 'late' : ''}>{`${formatTime(t.resolutionDueAt)} — ${due.text}`}</span> : 'Süre durdu / yok',
              ],
            ]}
          />
          <h2>Açıklama</h2>
          <p class="description">{t.description}</p>
          {t.duplicates.length ? (
            <div class="dups">
              <h2>Mükerrer olabilecek başvurular</h2>
              <ul>
                {t.duplicates.map((d) => (
                  <li key={d.id}>
                    <a href={`#/basvuru/${d.id}`}>{d.trackingNo}</a>
                    {` (${STAFF_STATUS_LABELS[d.status] ?? d.status}) `}
                    <button type="button" class="small" onClick={() => void merge(d.id, d.trackingNo)}>
                      {`Bunu ${d.trackingNo} ile birleştir`}
                    </button>
                    <button type="button" class="small secondary" onClick={() => void dismiss(d.id)}>
                      Mükerrer değil
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </section>
        <Slot name="ticket.main" props={{ ticket: t, user, reload }} />
        <section class="card" aria-labelledby="tl-title">
          <h2 id="tl-title">Zaman çizelgesi</h2>
          <Timeline events={t.timeline} notices={notices} />
        </section>
      </div>
      <div class="side">
        <Slot name="ticket.side" props={{ ticket: t, user, reload }} />
        <TicketActions key={formsKey} ticket={t} user={user} act={act} />
      </div>
    </div>
  );
}
