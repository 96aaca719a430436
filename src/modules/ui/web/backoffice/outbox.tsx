import { useEffect, useState } from 'preact/hooks';
import { CHANNEL_LABELS, DELIVERY_STATE_LABELS, Role } from '@app/domain';
import { api, type Page } from '../api';
import { Field, Pagination, Select, toast } from '../components';
import { formatTime } from '../format';
import type { RouteProps } from '../router';
import './backoffice.css';

/** One message of GET /outbound-messages (the recipient masked). */
export interface OutboundRow {
  id: string;
  channel: string;
  recipient: string;
  ticketId: string | null;
  purpose: string;
  subject: string | null;
  body: string;
  state: string;
  attempts: number;
  lastError: string | null;
  notBefore: string;
  sentAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The outbox's states (the notifications module's OutboundState) in their lifecycle order. */
const STATES = ['pending', 'sending', 'sent', 'delivered', 'undelivered', 'failed'] as const;
const CHANNELS = ['sms', 'whatsapp', 'email'] as const;
const PAGE_SIZE = 25;

const snippet = (text: string) => (text.length > 90 ? `${text.slice(0, 89)}…` : text);

/**
 * Giden mesajlar: every message to citizens and staff by state and channel, how many of each state,
 * the failed ones with their error and (for admins) a retry, each row's delivery times.
 */
export function OutboxView({ user }: RouteProps) {
  const [state, setState] = useState('');
  const [channel, setChannel] = useState('');
  const [page, setPage] = useState(1);
  const [list, setList] = useState<Page<OutboundRow> | null>(null);
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const mayRetry = user.role === Role.Admin;

  useEffect(() => {
    const controller = new AbortController();
    api<Page<OutboundRow>>('/outbound-messages', { query: { state, channel, page, pageSize: PAGE_SIZE }, signal: controller.signal }).then(
      (l) => {
        setList(l);
        setError(null);
      },
      (e: Error) => e.name !== 'AbortError' && setError(e.message),
    );
    return () => controller.abort();
  }, [state, channel, page, tick]);

  useEffect(() => {
    // How many messages each state holds (in the chosen channel): one count per state.
    void Promise.all(
      STATES.map((s) =>
        api<Page<OutboundRow>>('/outbound-messages', { query: { state: s, channel, pageSize: 1 } }).then(
          (l) => [s, l.total] as const,
          () => [s, 0] as const,
        ),
      ),
    ).then((pairs) => setCounts(Object.fromEntries(pairs)));
  }, [channel, tick]);

  const retry = async (row: OutboundRow) => {
    setBusy(row.id);
    try {
      await api(`/outbound-messages/${row.id}/retry`, { method: 'POST' });
      toast('Mesaj yeniden gönderilmek üzere sıraya alındı');
      setTick((n) => n + 1);
    } catch (e) {
      toast((e as Error).message, 'error');
    } finally {
      setBusy(null);
    }
  };

  return (
    <section class="outbox" aria-labelledby="outbox-title">
      <h1 id="outbox-title">Giden mesajlar</h1>
      <ul class="state-counts tabs" aria-label="Durumlara göre mesaj sayısı">
        {STATES.map((s) => (
          <li key={s}>
            <button
              type="button"
              class={state === s ? 'small' : 'small secondary'}
              aria-pressed={state === s}
              data-state={s}
              onClick={() => {
                setState(state === s ? '' : s);
                setPage(1);
              }}
            >
              {`${DELIVERY_STATE_LABELS[s]}: ${counts[s] ?? '…'}`}
            </button>
          </li>
        ))}
      </ul>
      <div class="report-filters">
        <Field id="ob-state" label="Durum">
          <Select
            options={STATES.map((s) => [s, DELIVERY_STATE_LABELS[s]] as const)}
            empty="Tümü"
            value={state}
            onChange={(v) => {
              setState(v);
              setPage(1);
            }}
          />
        </Field>
        <Field id="ob-channel" label="Kanal">
          <Select
            options={CHANNELS.map((c) => [c, CHANNEL_LABELS[c]] as const)}
            empty="Tümü"
            value={channel}
            onChange={(v) => {
              setChannel(v);
              setPage(1);
            }}
          />
        </Field>
        <button type="button" class="secondary" onClick={() => setTick((n) => n + 1)}>
          Yenile
        </button>
      </div>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      {list && !list.items.length ? <p class="empty">Bu seçimde mesaj yok.</p> : null}
      {list?.items.length ? (
        <table class="backoffice-table" id="outbox-table">
          <caption class="sr-only">Giden mesajlar, en yenisi üstte</caption>
          <thead>
            <tr>
              <th scope="col">Oluşturuldu</th>
              <th scope="col">Kanal</th>
              <th scope="col">Alıcı</th>
              <th scope="col">Mesaj</th>
              <th scope="col">Durum</th>
              <th scope="col">Teslim</th>
              <th scope="col">İşlem</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((m) => (
              <tr key={m.id} data-id={m.id} data-state={m.state}>
                <td>{formatTime(m.createdAt)}</td>
                <td>{CHANNEL_LABELS[m.channel as keyof typeof CHANNEL_LABELS] ?? m.channel}</td>
                <td>{m.recipient}</td>
                <td>
                  {m.subject ? <strong>{m.subject}</strong> : null}
                  <div>{snippet(m.body)}</div>
                  {m.ticketId ? <a href={`#/basvuru/${m.ticketId}`}>Başvuruya git</a> : null}
                </td>
                <td>
                  <span class={`state-${m.state}`}>{DELIVERY_STATE_LABELS[m.state] ?? m.state}</span>
                  <div class="hint">{`${m.attempts} deneme`}</div>
                  {m.lastError ? <div class="outbox-error">{m.lastError}</div> : null}
                </td>
                <td>
                  <div>{`Gönderim: ${formatTime(m.sentAt)}`}</div>
                  <div>{`İletim: ${formatTime(m.deliveredAt)}`}</div>
                  {m.state === 'pending' ? <div class="hint">{`En erken: ${formatTime(m.notBefore)}`}</div> : null}
                </td>
                <td>
                  {m.state === 'failed' && mayRetry ? (
                    <button
                      type="button"
                      class="small"
                      disabled={busy === m.id}
                      onClick={() => void retry(m)}
                      aria-label={`Yeniden dene: ${formatTime(m.createdAt)} ${m.recipient}`}
                    >
                      Yeniden dene
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {list ? <Pagination page={page} pageSize={PAGE_SIZE} total={list.total} onPage={setPage} label="Mesaj sayfaları" /> : null}
    </section>
  );
}
