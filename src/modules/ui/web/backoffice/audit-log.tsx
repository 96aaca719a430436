import { useEffect, useState } from 'preact/hooks';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, AuditAction, AuditEntity } from '@app/domain';
import { api, apiBlob, cached, type Page } from '../api';
import { Field, Pagination, Select, toast } from '../components';
import { formatTime } from '../format';
import './backoffice.css';

/** One entry of GET /audit-log. */
interface AuditRow {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: AuditAction;
  entityType: AuditEntity;
  entityId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  purpose: string | null;
  ip: string | null;
}

interface UserRef {
  id: string;
  username: string;
  fullName: string;
}

const PAGE_SIZE = 25;
const ACTIONS = Object.values(AuditAction).map((a) => [a, AUDIT_ACTION_LABELS[a]] as const);
const ENTITIES = Object.values(AuditEntity).map((e) => [e, AUDIT_ENTITY_LABELS[e]] as const);

/** A date field's day as the start of that day in the browser's time (the `to` day included). */
const dayStart = (day: string, plusDays = 0) => (day ? new Date(new Date(`${day}T00:00:00`).getTime() + plusDays * 86_400_000).toISOString() : undefined);

/** What changed, field by field: `field: before → after`. */
function changes(row: AuditRow): string[] {
  const keys = [...new Set([...Object.keys(row.before ?? {}), ...Object.keys(row.after ?? {})])];
  const show = (v: unknown) => (v === undefined || v === null ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  return keys
    .filter((k) => JSON.stringify(row.before?.[k]) !== JSON.stringify(row.after?.[k]))
    .map((k) => (row.before ? `${k}: ${show(row.before[k])} → ${show(row.after?.[k])}` : `${k}: ${show(row.after?.[k])}`));
}

/**
 * Denetim kaydı: who did what and when — logins, admin changes, exports, personal data shown,
 * merges, deletions — searched by user, action, record and dates, and downloaded as CSV for an
 * inspection (the download is itself recorded).
 */
export function AuditLogView() {
  const [actorId, setActorId] = useState('');
  const [action, setAction] = useState('');
  const [entityType, setEntityType] = useState('');
  const [entityId, setEntityId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState(1);
  const [users, setUsers] = useState<UserRef[]>([]);
  const [list, setList] = useState<Page<AuditRow> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const query = { actorId, action, entityType, entityId: entityId.trim(), from: dayStart(from), to: dayStart(to, 1) };

  useEffect(() => {
    cached<Page<UserRef>>('/users?pageSize=100').then(
      (p) => setUsers(p.items),
      () => setUsers([]),
    );
  }, []);
  useEffect(() => {
    const controller = new AbortController();
    api<Page<AuditRow>>('/audit-log', { query: { ...query, page, pageSize: PAGE_SIZE }, signal: controller.signal }).then(
      (l) => {
        setList(l);
        setError(null);
      },
      (e: Error) => e.name !== 'AbortError' && setError(e.message),
    );
    return () => controller.abort();
  }, [actorId, action, entityType, entityId, from, to, page]);

  const filter = (set: (v: string) => void) => (v: string) => {
    set(v);
    setPage(1);
  };
  const download = async () => {
    const url = URL.createObjectURL(await apiBlob('/audit-log/export', { query }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'denetim-kaydi.csv';
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <section class="audit-log" aria-labelledby="audit-title">
      <h1 id="audit-title">Denetim kaydı</h1>
      <div class="report-filters">
        <Field id="au-actor" label="Kullanıcı">
          <Select options={users.map((u) => [u.id, `${u.fullName} (${u.username})`] as const)} empty="Tümü" value={actorId} onChange={filter(setActorId)} />
        </Field>
        <Field id="au-action" label="İşlem">
          <Select options={ACTIONS} empty="Tümü" value={action} onChange={filter(setAction)} />
        </Field>
        <Field id="au-entity" label="Kayıt türü">
          <Select options={ENTITIES} empty="Tümü" value={entityType} onChange={filter(setEntityType)} />
        </Field>
        <Field id="au-entity-id" label="Kayıt no">
          <input type="search" value={entityId} onChange={(e) => filter(setEntityId)(e.currentTarget.value)} />
        </Field>
        <Field id="au-from" label="Başlangıç">
          <input type="date" value={from} onChange={(e) => filter(setFrom)(e.currentTarget.value)} />
        </Field>
        <Field id="au-to" label="Bitiş">
          <input type="date" value={to} onChange={(e) => filter(setTo)(e.currentTarget.value)} />
        </Field>
        <button type="button" class="secondary" id="au-export" onClick={() => download().catch((e: Error) => toast(e.message, 'error'))}>
          CSV indir
        </button>
      </div>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      {list && !list.items.length ? <p class="empty">Bu seçimde kayıt yok.</p> : null}
      {list?.items.length ? (
        <table class="backoffice-table" id="audit-table">
          <caption class="sr-only">Denetim kaydı, en yenisi üstte</caption>
          <thead>
            <tr>
              <th scope="col">Zaman</th>
              <th scope="col">Kullanıcı</th>
              <th scope="col">İşlem</th>
              <th scope="col">Kayıt</th>
              <th scope="col">Değişiklik</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((r) => (
              <tr key={r.id} data-action={r.action}>
                <td>{formatTime(r.at)}</td>
                <td>
                  {r.actorName ?? 'Sistem'}
                  {r.ip ? <div class="hint">{r.ip}</div> : null}
                </td>
                <td>{AUDIT_ACTION_LABELS[r.action] ?? r.action}</td>
                <td>
                  {AUDIT_ENTITY_LABELS[r.entityType] ?? r.entityType}
                  {r.entityId ? <div class="hint">{r.entityId}</div> : null}
                </td>
                <td>
                  {r.purpose ? <div>{`Gerekçe: ${r.purpose}`}</div> : null}
                  {changes(r).map((line) => (
                    <div key={line}>{line}</div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {list ? <Pagination page={page} pageSize={PAGE_SIZE} total={list.total} onPage={setPage} label="Denetim kaydı sayfaları" /> : null}
    </section>
  );
}
