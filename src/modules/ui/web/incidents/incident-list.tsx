import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, cached } from '../api';
import { toast } from '../components';
import { formatTime } from '../format';
import { navigate, type RouteProps } from '../router';
import { MahalleChecklist } from './mahalle-checklist';
import { textField } from './text-field';
import { INCIDENT_WORKERS, type IncidentDetail, type IncidentSummary } from './types';

interface Ref {
  id: string;
  name: string;
  defaultDepartmentId?: string | null;
}

/** Olaylar: the open and answered incidents of the user's reach, and a form to open one. */
export function IncidentList({ user }: RouteProps) {
  const [state, setState] = useState<'open' | 'answered'>('open');
  const [incidents, setIncidents] = useState<IncidentSummary[] | null>(null);
  useEffect(() => {
    api<IncidentSummary[]>('/incidents', { query: { state } }).then(setIncidents, (e: Error) => toast(e.message, 'error'));
  }, [state]);
  return (
    <section aria-labelledby="incidents-title" class="incidents">
      <h1 id="incidents-title">Olaylar</h1>
      <div role="group" aria-label="Durum" class="tabs">
        <button type="button" aria-pressed={state === 'open'} onClick={() => setState('open')}>
          Açık
        </button>
        <button type="button" aria-pressed={state === 'answered'} onClick={() => setState('answered')}>
          Yanıtlanan
        </button>
      </div>
      <div class="two-col">
        <section class="card" aria-labelledby="incidents-list-title">
          <h2 id="incidents-list-title">{state === 'open' ? 'Açık olaylar' : 'Yanıtlanan olaylar'}</h2>
          {incidents?.length ? (
            <table class="admin">
              <thead>
                <tr>
                  <th scope="col">Olay</th>
                  <th scope="col">Konu</th>
                  <th scope="col">Birim</th>
                  <th scope="col">Bağlı başvuru</th>
                  <th scope="col">Başlangıç</th>
                </tr>
              </thead>
              <tbody>
                {incidents.map((i) => (
                  <tr key={i.id}>
                    <td>
                      <a href={`#/olay/${i.id}`}>{i.title}</a>
                    </td>
                    <td>{i.category.name}</td>
                    <td>{i.department.name}</td>
                    <td>{i.linked}</td>
                    <td>{formatTime(i.startsAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>{incidents ? 'Olay yok.' : 'Yükleniyor…'}</p>
          )}
        </section>
        {INCIDENT_WORKERS.includes(user.role) ? <NewIncident departmentId={user.role.startsWith('department') ? user.departmentId : null} /> : null}
      </div>
    </section>
  );
}

function NewIncident({ departmentId }: { departmentId: string | null }) {
  const [categories, setCategories] = useState<Ref[]>([]);
  const [form, setForm] = useState({ title: '', description: '', categoryId: '', mahalleIds: [] as string[] });
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    cached<Ref[]>('/categories').then(
      (all) => setCategories(all.filter((c) => !departmentId || c.defaultDepartmentId === departmentId)),
      () => undefined,
    );
  }, [departmentId]);
  async function submit(event: Event) {
    event.preventDefault();
    try {
      const created = await api<IncidentDetail>('/incidents', { method: 'POST', body: form });
      toast('Olay açıldı');
      navigate(`#/olay/${created.id}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) setErrors(e.fields);
      toast((e as Error).message, 'error');
    }
  }
  const text = (key: 'title' | 'description') => textField(form, setForm, errors, key);
  return (
    <section class="card" aria-labelledby="incident-new-title">
      <h2 id="incident-new-title">Yeni olay</h2>
      <form onSubmit={submit}>
        <div class="field">
          <label for="incident-title">Başlık</label>
          <input id="incident-title" required minLength={3} maxLength={160} {...text('title')} />
        </div>
        <div class="field">
          <label for="incident-description">Ne oldu (benzer ihbarlar bu metne göre önerilir)</label>
          <textarea id="incident-description" required minLength={3} rows={3} {...text('description')} />
        </div>
        <div class="field">
          <label for="incident-category">Konu</label>
          <select
            id="incident-category"
            required
            value={form.categoryId}
            onChange={(e) => setForm({ ...form, categoryId: (e.currentTarget as HTMLSelectElement).value })}
          >
            <option value="">Seçin</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          {errors.categoryId ? <p class="error">{errors.categoryId}</p> : null}
        </div>
        <MahalleChecklist value={form.mahalleIds} onChange={(mahalleIds) => setForm({ ...form, mahalleIds })} />
        <button type="submit">Olayı aç</button>
      </form>
    </section>
  );
}
