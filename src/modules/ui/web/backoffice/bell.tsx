import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type Page } from '../api';
import { formatTime } from '../format';
import { useStaffNotifications } from '../live';
import './backoffice.css';

/** One line of GET /notifications. */
export interface StaffNotificationRow {
  id: string;
  cause: string;
  ticketId: string | null;
  title: string;
  body: string;
  link: string;
  readAt: string | null;
  createdAt: string;
}

type List = Page<StaffNotificationRow> & { unread: number };

/** The app's hash route for a notification's link (`/app/tickets/<id>` → `#/basvuru/<id>`). */
export function hrefOf(n: StaffNotificationRow): string {
  if (n.ticketId) return `#/basvuru/${n.ticketId}`;
  const rest = n.link.replace(/^\/app\/?/, '');
  return `#/${rest}`;
}

/** What a notification's cause says about it: warning, breach or escalation (for its colour). */
const tone = (title: string) => (/aşıldı/i.test(title) ? 'breach' : /uyarı/i.test(title) ? 'warning' : 'escalation');

/**
 * The bell in the header: the user's unread staff notifications (deadline warnings, breaches,
 * escalations), re-read when the live stream says a new one has arrived; opening one marks it read.
 */
export function NotificationBell() {
  const [list, setList] = useState<List | null>(null);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);

  const load = () =>
    api<List>('/notifications', { query: { unread: true, pageSize: 20 } }).then(
      (l) => {
        setList(l);
        setError(null);
      },
      (e: Error) => setError(e.message),
    );
  useEffect(() => {
    void load();
  }, []);
  useStaffNotifications(() => void load());

  useEffect(() => {
    if (!open) return undefined;
    const away = (event: Event) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    const esc = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        root.current?.querySelector<HTMLButtonElement>('button.bell-button')?.focus();
      }
    };
    document.addEventListener('click', away);
    document.addEventListener('keydown', esc);
    return () => {
      document.removeEventListener('click', away);
      document.removeEventListener('keydown', esc);
    };
  }, [open]);

  const openOne = async (n: StaffNotificationRow) => {
    setOpen(false);
    try {
      await api(`/notifications/${n.id}/read`, { method: 'POST' });
    } catch {
      // The screen opens anyway; the line stays unread and is shown again.
    }
    location.hash = hrefOf(n);
    void load();
  };

  const unread = list?.unread ?? 0;
  return (
    <div class="bell" ref={root}>
      <button
        type="button"
        class="bell-button link"
        id="bell"
        aria-expanded={open}
        aria-controls="bell-panel"
        aria-label={unread ? `Bildirimler: ${unread} okunmamış` : 'Bildirimler: okunmamış yok'}
        onClick={() => {
          if (!open) void load();
          setOpen(!open);
        }}
      >
        <svg class="bell-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2z"
          />
        </svg>
        {unread ? (
          <span class="bell-count" id="bell-count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </button>
      {open ? (
        <div class="bell-panel" id="bell-panel" role="region" aria-label="Okunmamış bildirimler">
          <h2>Bildirimler</h2>
          {error ? <p role="alert">{error}</p> : null}
          {list && !list.items.length ? <p class="hint">Okunmamış bildiriminiz yok.</p> : null}
          <ul>
            {list?.items.map((n) => (
              <li key={n.id} class={`bell-item ${tone(n.title)}`} data-id={n.id}>
                <a
                  href={hrefOf(n)}
                  onClick={(event) => {
                    event.preventDefault();
                    void openOne(n);
                  }}
                >
                  <strong>{n.title}</strong>
                  <span class="hint">{formatTime(n.createdAt)}</span>
                </a>
              </li>
            ))}
          </ul>
          {list && list.unread > list.items.length ? <p class="hint">{`ve ${list.unread - list.items.length} bildirim daha`}</p> : null}
        </div>
      ) : null}
    </div>
  );
}
