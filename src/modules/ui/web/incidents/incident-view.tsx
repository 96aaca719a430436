import { useEffect, useState } from 'preact/hooks';
import { STAFF_STATUS_LABELS, type TicketStatus } from '@app/domain';
import { api } from '../api';
import { toast } from '../components';
import { formatTime } from '../format';
import type { RouteProps } from '../router';
import { IncidentEdit } from './incident-edit';
import { INCIDENT_ANSWERERS, INCIDENT_WORKERS, type IncidentDetail, type IncidentTicket } from './types';

/** One incident: its linked reports, the matching new ones to link, and the one answer for all. */
export function IncidentView({ params, user }: RouteProps) {
  const [incident, setIncident] = useState<IncidentDetail | null>(null);
  const [suggested, setSuggested] = useState<IncidentTicket[]>([]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [answer, setAnswer] = useState('');
  const load = async () => {
    try {
      const detail = await api<IncidentDetail>(`/incidents/${params.id}`);
      setIncident(detail);
      setSuggested(detail.answeredAt ? [] : await api<IncidentTicket[]>(`/incidents/${params.id}/suggestions`));
      setChosen([]);
    } catch (e) {
      toast((e as Error).message, 'error');
    }
  };
  useEffect(() => void load(), [params.id]);
  if (!incident) return <p>Yükleniyor…</p>;
  const worker = INCIDENT_WORKERS.includes(user.role) && !incident.answeredAt;
  const act = (what: () => Promise<unknown>, done: string) => async () => {
    try {
      await what();
      toast(done);
      await load();
    } catch (e) {
      toast((e as Error).message, 'error');
    }
  };
  const link = act(() => api(`/incidents/${incident.id}/tickets`, { method: 'POST', body: { ticketIds: chosen } }), `${chosen.length} başvuru olaya bağlandı`);
  const unlink = (t: IncidentTicket) => act(() => api(`/incidents/${incident.id}/tickets/${t.id}`, { method: 'DELETE' }), `${t.trackingNo} olaydan çıkarıldı`);
  const submitAnswer = (event: Event) => {
    event.preventDefault();
    if (!confirm(`Yanıt bağlı ${incident.linked} başvurunun her birine, vatandaşın kendi kanalından gönderilecek. Onaylıyor musunuz?`)) return;
    void act(() => api(`/incidents/${incident.id}/answer`, { method: 'POST', body: { text: answer } }), 'Olay yanıtlandı; bildirimler sırayla gönderiliyor')();
  };

  return (
    <section aria-labelledby="incident-title" class="incident">
      <h1 id="incident-title">{incident.title}</h1>
      <p>
        {incident.category.name} · {incident.department.name} · {formatTime(incident.startsAt)} başladı
        {incident.answeredAt ? ` · ${formatTime(incident.answeredAt)} yanıtlandı (${incident.answeredByName ?? ''})` : ''}
      </p>
      <p>{incident.description}</p>
      {worker ? <IncidentEdit key={incident.title + incident.description} incident={incident} onSaved={() => void load()} /> : null}
      {incident.answerText ? (
        <section class="card" aria-labelledby="incident-answer-title">
          <h2 id="incident-answer-title">Yanıt</h2>
          <p>{incident.answerText}</p>
        </section>
      ) : null}
      <section class="card" aria-labelledby="incident-linked-title">
        <h2 id="incident-linked-title">Bağlı başvurular ({incident.linked})</h2>
        <Tickets rows={incident.tickets} action={worker ? (t) => ({ label: 'Çıkar', run: unlink(t) }) : undefined} />
      </section>
      {worker ? (
        <section class="card" aria-labelledby="incident-suggested-title">
          <h2 id="incident-suggested-title">Önerilen yeni ihbarlar ({suggested.length})</h2>
          <Tickets rows={suggested} chosen={chosen} onChoose={setChosen} />
          <button type="button" disabled={!chosen.length} onClick={link}>
            Seçilenleri olaya bağla
          </button>{' '}
          <button type="button" class="secondary" disabled={!suggested.length} onClick={() => setChosen(suggested.map((s) => s.id))}>
            Tümünü seç
          </button>
        </section>
      ) : null}
      {worker && INCIDENT_ANSWERERS.includes(user.role) ? (
        <section class="card" aria-labelledby="incident-reply-title">
          <h2 id="incident-reply-title">Olayı yanıtla</h2>
          <form onSubmit={submitAnswer}>
            <label for="incident-answer">Her bağlı başvuruya gidecek yanıt</label>
            <textarea
              id="incident-answer"
              required
              minLength={3}
              maxLength={2000}
              rows={4}
              value={answer}
              onInput={(e) => setAnswer((e.currentTarget as HTMLTextAreaElement).value)}
            />
            <button type="submit" disabled={!incident.linked}>
              Tüm başvuruları yanıtla ({incident.linked})
            </button>
          </form>
        </section>
      ) : null}
    </section>
  );
}

function Tickets(props: {
  rows: IncidentTicket[];
  chosen?: string[];
  onChoose?: (ids: string[]) => void;
  action?: (t: IncidentTicket) => { label: string; run: () => void };
}) {
  const { rows, chosen, onChoose, action } = props;
  if (!rows.length) return <p>Başvuru yok.</p>;
  return (
    <table class="admin">
      <thead>
        <tr>
          {onChoose ? <th scope="col">Seç</th> : null}
          <th scope="col">Takip no</th>
          <th scope="col">Konu</th>
          <th scope="col">Mahalle</th>
          <th scope="col">Durum</th>
          <th scope="col">Geldiği an</th>
          {action ? <th scope="col">İşlem</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((t) => (
          <tr key={t.id}>
            {onChoose ? (
              <td>
                <input
                  type="checkbox"
                  aria-label={`${t.trackingNo} seç`}
                  checked={chosen!.includes(t.id)}
                  onChange={(e) => onChoose((e.currentTarget as HTMLInputElement).checked ? [...chosen!, t.id] : chosen!.filter((id) => id !== t.id))}
                />
              </td>
            ) : null}
            <td>
              <a href={`#/basvuru/${t.id}`}>{t.trackingNo}</a>
            </td>
            <td>{t.subject}</td>
            <td>{t.mahalle ?? '—'}</td>
            <td>{STAFF_STATUS_LABELS[t.status as TicketStatus] ?? t.status}</td>
            <td>{formatTime(t.createdAt)}</td>
            {action ? (
              <td>
                <button type="button" class="small secondary" onClick={action(t).run}>
                  {action(t).label}
                  <span class="sr-only">: {t.trackingNo}</span>
                </button>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
