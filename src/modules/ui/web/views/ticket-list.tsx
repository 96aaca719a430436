import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { CHANNEL_LABELS, KIND_LABELS, STAFF_STATUS_LABELS } from '@app/domain';
import { api, cached, type Page, type Query } from '../api';
import { Select, optionsOf, toast } from '../components';
import { age, countdown, formatTotal } from '../format';
import { useTicketChanges } from '../live';
import { useShortcuts } from '../shortcuts';
import type { Category, Department, Mahalle, TicketRow } from './types';

const NEXT_KEY = 'cm.queue';

/** The ids of the list last shown, so "next ticket" (n) works from a ticket page too. */
export function nextTicketAfter(id: string): string | null {
  const ids = JSON.parse(sessionStorage.getItem(NEXT_KEY) ?? '[]') as string[];
  const at = ids.indexOf(id);
  return ids[at + 1] ?? ids[0] ?? null;
}

export type FilterName = 'channel' | 'kind' | 'categoryId' | 'mahalleId' | 'departmentId';

export interface ListTab {
  id: string;
  label: string;
  query: Query;
}

export interface TicketListProps {
  title: string;
  tabs: ListTab[];
  filters: FilterName[];
  home: string;
  /** Buttons at the end of a row; `reload` refreshes the list. */
  rowActions?: (ticket: TicketRow, reload: () => void) => ComponentChildren;
}

interface Refs {
  categories: Category[];
  mahalleler: Mahalle[];
  departments: Department[];
}

/** A live, filterable list of tickets with tabs (each tab is a query of the tickets API). */
export function TicketList({ title, tabs, filters, home, rowActions }: TicketListProps) {
  const [refs, setRefs] = useState<Refs | null>(null);
  const [tab, setTab] = useState(tabs[0]);
  const [values, setValues] = useState<Partial<Record<FilterName, string>>>({});
  const [rows, setRows] = useState<TicketRow[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [duplicates, setDuplicates] = useState<Set<string>>(new Set());
  const [counts, setCounts] = useState<Record<string, string>>({});
  const [selected, setSelected] = useState(0);
  const [, setTick] = useState(0);
  const body = useRef<HTMLTableSectionElement>(null);
  const generation = useRef(0);

  useEffect(() => {
    Promise.all([cached<Category[]>('/categories'), cached<Mahalle[]>('/mahalleler'), cached<Department[]>('/departments')])
      .then(([categories, mahalleler, departments]) => setRefs({ categories, mahalleler, departments }))
      .catch((e: Error) => toast(e.message, 'error'));
  }, []);

  const query = (t: ListTab): Query => ({ ...t.query, pageSize: 50, ...values });

  const load = async () => {
    const mine = ++generation.current;
    try {
      const [page, flagged, ...tabCounts] = await Promise.all([
        api<Page<TicketRow>>('/tickets', { query: query(tab) }),
        api<Page<TicketRow>>('/tickets', { query: { ...query(tab), duplicate: true } }),
        ...tabs.map((t) => api<Page<TicketRow>>('/tickets', { query: { ...query(t), pageSize: 1 } })),
      ]);
      if (mine !== generation.current) return;
      sessionStorage.setItem(NEXT_KEY, JSON.stringify(page.items.map((r) => r.id)));
      setDuplicates(new Set(flagged.items.map((t) => t.id)));
      setCounts(Object.fromEntries(tabs.map((t, i) => [t.id, formatTotal(tabCounts[i])])));
      setRows(page.items);
      setSelected((s) => Math.min(s, Math.max(page.items.length - 1, 0)));
      setLoaded(true);
    } catch (e) {
      toast((e as Error).message, 'error');
    }
  };

  useEffect(() => {
    void load();
  }, [tab, values]);

  // Live: a change in any visible queue reloads the list (coalesced), no page reload.
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useTicketChanges(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void load(), 250);
  });
  useEffect(() => {
    const every = setInterval(() => setTick((n) => n + 1), 30_000);
    return () => {
      clearInterval(every);
      clearTimeout(timer.current);
    };
  }, []);

  useEffect(() => {
    body.current?.children[selected]?.scrollIntoView({ block: 'nearest' });
  }, [selected, rows]);

  const open = (id: string | undefined) => {
    if (id) location.hash = `#/basvuru/${id}`;
  };
  useShortcuts({
    home,
    j: () => setSelected((s) => Math.min(s + 1, rows.length - 1)),
    k: () => setSelected((s) => Math.max(s - 1, 0)),
    Enter: () => open(rows[selected]?.id),
    n: () => open(rows[0]?.id),
  });

  const filterOptions: Record<FilterName, [string, [string, string][]]> = {
    channel: ['Kanal', optionsOf(CHANNEL_LABELS)],
    kind: ['Tür', optionsOf(KIND_LABELS)],
    categoryId: ['Konu', (refs?.categories ?? []).map((c) => [c.id, c.name])],
    mahalleId: ['Mahalle', (refs?.mahalleler ?? []).map((m) => [m.id, m.name])],
    departmentId: ['Birim', (refs?.departments ?? []).filter((d) => d.level === 'mudurluk').map((d) => [d.id, d.name])],
  };

  return (
    <>
      <h1>{title}</h1>
      <div class="tabs" role="tablist" aria-label={title}>
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={t.id === tab.id ? 'true' : 'false'}
            onClick={() => {
              setTab(t);
              setSelected(0);
            }}
          >
            {t.label}{' '}
            <span class="count" id={`count-${t.id}`}>
              {counts[t.id] === undefined ? '' : `(${counts[t.id]})`}
            </span>
          </button>
        ))}
      </div>
      <div class="filters" role="group" aria-label="Süzgeçler">
        {filters.map((name) => {
          const [label, options] = filterOptions[name];
          return (
            <div class="field inline" key={name}>
              <label for={`f-${name}`}>{label}</label>
              <Select
                id={`f-${name}`}
                options={options}
                empty="Tümü"
                value={values[name] ?? ''}
                onChange={(v) => setValues((old) => ({ ...old, [name]: v }))}
              />
            </div>
          );
        })}
      </div>
      <table class="tickets" aria-live="polite">
        <caption class="sr-only">{title}</caption>
        <thead>
          <tr>
            {['Takip no', 'Konu', 'Kanal', 'Tür', 'Birim', 'Mahalle', 'Yaş', 'Süre', ''].map((c, i) => (
              <th scope="col" key={i}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody ref={body}>
          {rows.map((t, i) => {
            const due = countdown(t.resolutionDueAt);
            return (
              <tr
                key={t.id}
                data-id={t.id}
                class={[t.overdue ? 'late' : '', i === selected ? 'selected' : ''].filter(Boolean).join(' ')}
                onClick={() => setSelected(i)}
              >
                <td>
                  <a href={`#/basvuru/${t.id}`}>{t.trackingNo}</a>
                </td>
                <td>
                  {t.subject}
                  {duplicates.has(t.id) ? (
                    <span class="badge dup" title="Mükerrer olabilir">
                      Mükerrer?
                    </span>
                  ) : null}
                  {t.triage ? <span class="badge triage">Ön değerlendirme</span> : null}
                  <span class="sub">{` ${STAFF_STATUS_LABELS[t.status] ?? t.status}${t.category ? ` · ${t.category.name}` : ''}`}</span>
                </td>
                <td>
                  <span class={`chan chan-${t.channel}`}>{CHANNEL_LABELS[t.channel] ?? t.channel}</span>
                </td>
                <td>{KIND_LABELS[t.kind] ?? t.kind}</td>
                <td>{t.department?.name ?? '—'}</td>
                <td>{t.mahalle?.name ?? '—'}</td>
                <td class="age">{age(t.createdAt)}</td>
                <td class={`due ${due.late ? 'late' : ''}`}>{due.text}</td>
                <td>{rowActions ? rowActions(t, () => void load()) : null}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p class="empty" hidden={!loaded || rows.length > 0}>
        Bu listede başvuru yok.
      </p>
    </>
  );
}
