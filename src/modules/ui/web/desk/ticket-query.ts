import { OPEN_STATUSES } from './deps';

/** The "Tüm başvurular" filters, as the hash keeps them and GET /tickets takes them. */
export interface TicketQuery {
  q?: string;
  status?: string;
  from?: string;
  to?: string;
  departmentId?: string;
  channel?: string;
  overdue?: boolean;
  sort?: string;
  page?: number;
  pageSize?: number;
  /** The page after a shown one, by the API's cursor (`nextCursor`); never in the hash nor a saved view. */
  after?: string;
}

export const OPEN = 'open';
export const DEFAULT_SORT = '-updatedAt';
export const PAGE_SIZE = 25;

const KEYS: (keyof TicketQuery)[] = ['q', 'status', 'from', 'to', 'departmentId', 'channel', 'overdue', 'sort', 'page', 'pageSize'];

export function parseQuery(text: string | undefined): TicketQuery {
  const p = new URLSearchParams(text ?? '');
  const query: TicketQuery = {};
  for (const key of KEYS) {
    const v = p.get(key);
    if (v === null || v === '') continue;
    if (key === 'overdue') query.overdue = v === 'true';
    else if (key === 'page' || key === 'pageSize') query[key] = Math.max(1, Number(v) || 1);
    else query[key] = v;
  }
  return query;
}

export function formatQuery(query: TicketQuery): string {
  const p = new URLSearchParams();
  for (const key of KEYS) {
    const v = query[key];
    if (v === undefined || v === '' || v === false || (key === 'page' && v === 1)) continue;
    p.set(key, String(v));
  }
  return p.toString();
}

/** A date input's day as the API's bounds: `from` at the start of the day, `to` at the start of the next (Istanbul, UTC+3). */
const dayStart = (day: string, plus = 0) => {
  const d = new Date(`${day}T00:00:00+03:00`);
  d.setUTCDate(d.getUTCDate() + plus);
  return d.toISOString();
};

/** GET /tickets parameters for a view. */
export function apiQuery(query: TicketQuery): Record<string, string | number | boolean | undefined> {
  return {
    q: query.q && query.q.trim().length >= 2 ? query.q.trim() : undefined,
    status: query.status === OPEN ? OPEN_STATUSES.join(',') : query.status,
    from: query.from ? dayStart(query.from) : undefined,
    to: query.to ? dayStart(query.to, 1) : undefined,
    departmentId: query.departmentId,
    channel: query.channel,
    overdue: query.overdue || undefined,
    sort: query.sort ?? DEFAULT_SORT,
    page: query.page ?? 1,
    pageSize: query.pageSize ?? PAGE_SIZE,
    after: query.after,
  };
}

/** What a saved view stores: the list's own parameters (ListTicketsDto fields) without the page. */
export function savedQuery(query: TicketQuery): Record<string, unknown> {
  const { page: _page, after: _after, ...rest } = apiQuery(query);
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined && v !== '' && v !== false));
}

const istanbulDay = (iso: string, minus = 0) => {
  const d = new Date(new Date(iso).getTime() + 3 * 3600_000);
  d.setUTCDate(d.getUTCDate() - minus);
  return d.toISOString().slice(0, 10);
};

/** A saved view's parameters back into the screen's filters. */
export function fromSaved(saved: Record<string, unknown>): TicketQuery {
  const status = Array.isArray(saved.status) ? saved.status.join(',') : (saved.status as string | undefined);
  const open = status && status.split(',').sort().join(',') === [...OPEN_STATUSES].sort().join(',');
  return {
    q: saved.q as string | undefined,
    status: open ? OPEN : status,
    from: typeof saved.from === 'string' ? istanbulDay(saved.from) : undefined,
    to: typeof saved.to === 'string' ? istanbulDay(saved.to, 1) : undefined,
    departmentId: saved.departmentId as string | undefined,
    channel: saved.channel as string | undefined,
    overdue: saved.overdue === true || saved.overdue === 'true' || undefined,
    sort: saved.sort as string | undefined,
    pageSize: typeof saved.pageSize === 'number' ? saved.pageSize : undefined,
  };
}
