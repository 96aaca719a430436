import { useEffect, useState } from 'preact/hooks';
import { api, cached, toast } from './deps';
import type { Ref } from './types';

type Action = 'assign' | 'transfer' | 'close';
interface BulkResult {
  id: string;
  ok: boolean;
  status?: number;
  message?: string;
}

/**
 * Bulk actions on the selected rows (POST /tickets/bulk): assign, transfer with one reason, or close
 * with one note the citizens are told. Each ticket goes through its own action; failures are listed.
 */
export function BulkBar({ ids, userId, labelOf, onDone }: { ids: string[]; userId: string; labelOf: (id: string) => string; onDone: () => void }) {
  const [action, setAction] = useState<Action | ''>('');
  const [assignee, setAssignee] = useState(userId);
  const [users, setUsers] = useState<{ id: string; fullName: string }[]>([]);
  const [departments, setDepartments] = useState<Ref[]>([]);
  const [departmentId, setDepartmentId] = useState('');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [failures, setFailures] = useState<BulkResult[]>([]);
  useEffect(() => {
    cached<Ref[]>('/departments').then(setDepartments, () => undefined);
    api<{ items: { id: string; fullName: string; active?: boolean }[] }>('/users', { query: { pageSize: 100 } }).then(
      (p) => setUsers(p.items.filter((u) => u.active !== false)),
      () => undefined,
    );
  }, []);

  async function submit(event: Event) {
    event.preventDefault();
    if (!action) return;
    setBusy(true);
    try {
      const body =
        action === 'assign'
          ? { ids, action, assigneeId: assignee }
          : action === 'transfer'
            ? { ids, action, departmentId, reason: text.trim() }
            : { ids, action, note: text.trim() };
      const { results } = await api<{ results: BulkResult[] }>('/tickets/bulk', { method: 'POST', body });
      const failed = results.filter((r) => !r.ok);
      setFailures(failed);
      toast(
        `${results.length - failed.length} başvuruda işlem yapıldı${failed.length ? `, ${failed.length} başvuruda yapılamadı` : ''}`,
        failed.length ? 'error' : 'info',
      );
      setText('');
      onDone();
    } catch (e) {
      toast((e as Error).message, 'error');
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="bulk card" aria-labelledby="bulk-title">
      <h2 id="bulk-title">Toplu işlem: {ids.length} başvuru seçili</h2>
      <form class="row bulk-form" onSubmit={submit}>
        <div class="field">
          <label for="bulk-action">İşlem</label>
          <select id="bulk-action" value={action} required onChange={(e) => setAction((e.target as HTMLSelectElement).value as Action)}>
            <option value="">Seçin</option>
            <option value="assign">Ata</option>
            <option value="transfer">Başka birime aktar</option>
            <option value="close">Kapat</option>
          </select>
        </div>
        {action === 'assign' ? (
          <div class="field">
            <label for="bulk-assignee">Atanacak kişi</label>
            <select id="bulk-assignee" value={assignee} onChange={(e) => setAssignee((e.target as HTMLSelectElement).value)}>
              <option value={userId}>Bana</option>
              {users
                .filter((u) => u.id !== userId)
                .map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.fullName}
                  </option>
                ))}
            </select>
          </div>
        ) : null}
        {action === 'transfer' ? (
          <div class="field">
            <label for="bulk-department">Hedef birim</label>
            <select id="bulk-department" required value={departmentId} onChange={(e) => setDepartmentId((e.target as HTMLSelectElement).value)}>
              <option value="">Seçin</option>
              {departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {action === 'transfer' || action === 'close' ? (
          <div class="field grow">
            <label for="bulk-text">{action === 'transfer' ? 'Aktarma gerekçesi' : 'Vatandaşa bildirilecek sonuç notu'}</label>
            <textarea id="bulk-text" rows={2} required minLength={3} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
          </div>
        ) : null}
        <button type="submit" disabled={busy || !action}>
          Seçilenlere uygula
        </button>
      </form>
      {failures.length ? (
        <div role="alert">
          <h3>Yapılamayanlar</h3>
          <ul class="bulk-failures">
            {failures.map((f) => (
              <li key={f.id}>
                {labelOf(f.id)}: {f.message ?? `hata ${f.status}`}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
