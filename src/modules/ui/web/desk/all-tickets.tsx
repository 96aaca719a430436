import { useEffect, useRef, useState } from 'preact/hooks';
import type { RouteProps } from '../router';
import { BulkBar } from './bulk-bar';
import { api, cached, CHANNEL_LABELS, countdown, formatTime, formatTotal, Pagination, STAFF_STATUS_LABELS, useShortcuts, type Page } from './deps';
import { SavedViews } from './saved-views';
import { apiQuery, DEFAULT_SORT, formatQuery, OPEN, PAGE_SIZE, parseQuery, type TicketQuery } from './ticket-query';
import type { Ref, TicketRow } from './types';

/** The list's answer: a page, and where the next one starts (null on the last). */
type TicketPage = Page<TicketRow> & { nextCursor: string | null };

const SORTABLE: { key: string; label: string }[] = [
  { key: 'status', label: 'Durum' },
  { key: 'createdAt', label: 'Oluşturma' },
  { key: 'updatedAt', label: 'Son işlem' },
  { key: 'resolutionDueAt', label: 'Son tarih' },
];

function SortHeader({ field, label, sort, onSort }: { field: string; label: string; sort: string; onSort: (s: string) => void }) {
  const current = sort.replace(/^-/, '') === field;
  const descending = sort.startsWith('-');
  return (
    <th scope="col" aria-sort={current ? (descending ? 'descending' : 'ascending') : 'none'}>
      <button type="button" class="sort" onClick={() => onSort(current && !descending ? `-${field}` : field)}>
        {label}
        <span aria-hidden="true">{current ? (descending ? ' ▼' : ' ▲') : ''}</span>
      </button>
    </th>
  );
}

/**
 * "Tüm başvurular": every application within the user's reach, whatever its state, with filters,
 * server-side sorting and pages, saved views and bulk actions on a selection. The filters live in
 * the hash (`#/basvurular/<query>`), so a view can be bookmarked and the back button works.
 */
export function AllTickets({ params, user }: RouteProps) {
  const [query, setQuery] = useState<TicketQuery>(() => parseQuery(params.query));
  const [data, setData] = useState<TicketPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [departments, setDepartments] = useState<Ref[]>([]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [cursor, setCursor] = useState(0);
  const [q, setQ] = useState(query.q ?? '');
  const [reload, setReload] = useState(0);
  const table = useRef<HTMLTableElement>(null);
  const departmentScoped = !!user.departmentId;

  // The filters go into the hash without a hashchange (the shell would remount the screen and
  // the search field would lose the focus while one types): a reload or a bookmark keeps them.
  const go = (next: TicketQuery, typing = false) => {
    setQuery(next);
    if (!typing) setQ(next.q ?? '');
    const text = formatQuery(next);
    history.replaceState(history.state, '', `#/basvurular${text ? `/${encodeURIComponent(text)}` : ''}`);
  };
  // A filter or sort changed: back to the first page, whatever cursor the last "Sonraki" used.
  const change = (patch: Partial<TicketQuery>) => go({ ...query, after: undefined, ...patch, page: patch.page ?? 1 });

  useEffect(() => {
    if (!departmentScoped) cached<Ref[]>('/departments').then(setDepartments, () => undefined);
  }, []);
  // The search box applies as one types, once the typing pauses.
  useEffect(() => {
    if ((query.q ?? '') === q.trim() || (q.trim().length === 1 && !query.q)) return undefined;
    const timer = setTimeout(() => go({ ...query, after: undefined, q: q.trim() || undefined, page: 1 }, true), 350);
    return () => clearTimeout(timer);
  }, [q]);

  useEffect(() => {
    const controller = new AbortController();
    const started = performance.now();
    api<TicketPage>('/tickets', { query: apiQuery(query), signal: controller.signal }).then(
      (page) => {
        setData(page);
        setError(null);
        setCursor(0);
        requestAnimationFrame(() => {
          document.body.dataset.listRenderedMs = String(Math.round(performance.now() - started));
        });
      },
      (e: Error) => e.name !== 'AbortError' && setError(e.message),
    );
    return () => controller.abort();
  }, [query, reload]);

  const rows = data?.items ?? [];
  const focusRow = (i: number) => {
    const index = Math.max(0, Math.min(rows.length - 1, i));
    setCursor(index);
    table.current?.querySelectorAll<HTMLElement>('tbody tr a')[index]?.focus();
  };
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  useShortcuts({
    home: departmentScoped ? '#/gelen-kutusu' : '#/kuyruk',
    j: () => focusRow(cursor + 1),
    k: () => focusRow(cursor - 1),
    x: () => rows[cursor] && toggle(rows[cursor].id),
    Enter: () => rows[cursor] && (location.hash = `#/basvuru/${rows[cursor].id}`),
  });

  const allOnPage = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const sort = query.sort ?? DEFAULT_SORT;
  const labelOf = (id: string) => rows.find((r) => r.id === id)?.trackingNo ?? id;

  return (
    <section class="all-tickets" aria-labelledby="all-title">
      <h1 id="all-title">Tüm başvurular</h1>
      <form class="filters card" aria-label="Süzgeçler" onSubmit={(e) => e.preventDefault()}>
        <div class="field grow">
          <label for="f-q">Ara (takip no, telefon, ad, T.C., e-posta, metin)</label>
          <input id="f-q" type="search" value={q} onInput={(e) => setQ((e.target as HTMLInputElement).value)} autocomplete="off" />
        </div>
        <div class="field">
          <label for="f-status">Durum</label>
          <select id="f-status" value={query.status ?? ''} onChange={(e) => change({ status: (e.target as HTMLSelectElement).value || undefined })}>
            <option value="">Tümü</option>
            <option value={OPEN}>Açık olanlar</option>
            {Object.entries(STAFF_STATUS_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-from">Başlangıç tarihi</label>
          <input id="f-from" type="date" value={query.from ?? ''} onChange={(e) => change({ from: (e.target as HTMLInputElement).value || undefined })} />
        </div>
        <div class="field">
          <label for="f-to">Bitiş tarihi</label>
          <input id="f-to" type="date" value={query.to ?? ''} onChange={(e) => change({ to: (e.target as HTMLInputElement).value || undefined })} />
        </div>
        {departmentScoped ? null : (
          <div class="field">
            <label for="f-department">Birim</label>
            <select
              id="f-department"
              value={query.departmentId ?? ''}
              onChange={(e) => change({ departmentId: (e.target as HTMLSelectElement).value || undefined })}
            >
              <option value="">Tümü</option>
              {departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div class="field">
          <label for="f-channel">Kanal</label>
          <select id="f-channel" value={query.channel ?? ''} onChange={(e) => change({ channel: (e.target as HTMLSelectElement).value || undefined })}>
            <option value="">Tümü</option>
            {Object.entries(CHANNEL_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div class="field check">
          <input
            id="f-overdue"
            type="checkbox"
            checked={!!query.overdue}
            onChange={(e) => change({ overdue: (e.target as HTMLInputElement).checked || undefined })}
          />
          <label for="f-overdue">Yalnız gecikenler</label>
        </div>
        <button type="button" class="link" onClick={() => go({})}>
          Süzgeçleri temizle
        </button>
      </form>
      <SavedViews query={query} onApply={go} />
      {selected.size ? (
        <BulkBar
          ids={[...selected]}
          userId={user.id}
          labelOf={labelOf}
          onDone={() => {
            setSelected(new Set());
            setReload((n) => n + 1);
          }}
        />
      ) : null}
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      <p class="all-count" role="status" aria-live="polite">
        {data ? `${formatTotal(data)} başvuru` : 'Yükleniyor…'}
      </p>
      <div class="table-wrap">
        <table class="tickets all" ref={table} aria-labelledby="all-title" aria-busy={!data}>
          <thead>
            <tr>
              <th scope="col" class="sel">
                <input
                  type="checkbox"
                  aria-label="Bu sayfadakilerin hepsini seç"
                  checked={allOnPage}
                  onChange={() =>
                    setSelected((s) => {
                      const next = new Set(s);
                      for (const r of rows)
                        if (allOnPage) next.delete(r.id);
                        else next.add(r.id);
                      return next;
                    })
                  }
                />
              </th>
              <th scope="col">Takip no</th>
              <th scope="col">Konu</th>
              <SortHeader field="status" label={SORTABLE[0].label} sort={sort} onSort={(s) => change({ sort: s })} />
              <th scope="col">Kanal</th>
              <th scope="col">Birim</th>
              <SortHeader field="createdAt" label={SORTABLE[1].label} sort={sort} onSort={(s) => change({ sort: s })} />
              <SortHeader field="updatedAt" label={SORTABLE[2].label} sort={sort} onSort={(s) => change({ sort: s })} />
              <SortHeader field="resolutionDueAt" label={SORTABLE[3].label} sort={sort} onSort={(s) => change({ sort: s })} />
            </tr>
          </thead>
          <tbody>
            {rows.map((t, i) => {
              const due = countdown(t.resolutionDueAt);
              return (
                <tr key={t.id} data-id={t.id} class={i === cursor ? 'cursor' : ''} aria-selected={selected.has(t.id)}>
                  <td class="sel">
                    <input type="checkbox" aria-label={`${t.trackingNo} seç`} checked={selected.has(t.id)} onChange={() => toggle(t.id)} />
                  </td>
                  <td>
                    <a href={`#/basvuru/${t.id}`} onFocus={() => setCursor(i)}>
                      {t.trackingNo}
                    </a>
                  </td>
                  <td class="subject">{t.subject}</td>
                  <td>
                    <span class={`badge st-${t.status}`}>{STAFF_STATUS_LABELS[t.status as keyof typeof STAFF_STATUS_LABELS] ?? t.status}</span>
                    {t.overdue ? <span class="badge late">Gecikmiş</span> : null}
                  </td>
                  <td>{CHANNEL_LABELS[t.channel as keyof typeof CHANNEL_LABELS] ?? t.channel}</td>
                  <td>{t.department?.name ?? '—'}</td>
                  <td>{formatTime(t.createdAt)}</td>
                  <td>{formatTime(t.updatedAt)}</td>
                  <td class={`due ${due.late ? 'late' : ''}`}>{t.resolutionDueAt ? due.text : 'Süre yok'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {data && !rows.length ? <p>Bu süzgeçlere uyan başvuru yok.</p> : null}
      {data ? (
        <Pagination
          page={data.page}
          pageSize={data.pageSize || PAGE_SIZE}
          total={data.total}
          totalCapped={data.totalCapped}
          onPage={(page) => change({ page })}
          // "Sonraki" reads on from the last row (a ticket filed meanwhile neither repeats a row nor
          // hides one); "Önceki" and a reload ask for the page by its number.
          next={{ exists: data.nextCursor !== null, go: () => change({ page: data.page + 1, after: data.nextCursor ?? undefined }) }}
        />
      ) : null}
    </section>
  );
}
