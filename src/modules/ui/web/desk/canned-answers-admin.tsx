import { useEffect, useState } from 'preact/hooks';
import type { RouteProps } from '../router';
import { api, ApiError, cached, Role, toast } from './deps';
import type { CannedAnswer, Ref } from './types';

const PLACEHOLDERS = [
  ['{takipNo}', 'takip numarası'],
  ['{adSoyad}', 'başvuranın adı (ihbarda boş)'],
  ['{tarih}', 'bugünün tarihi'],
  ['{birim}', 'başvurunun birimi'],
  ['{konu}', 'başvurunun başlığı'],
];

interface Draft {
  id: string | null;
  title: string;
  body: string;
  departmentId: string;
}
const EMPTY: Draft = { id: null, title: '', body: '', departmentId: '' };

/** Hazır yanıtlar yönetimi: department managers for their department; supervisors and admins for any and for the global ones. */
export function CannedAnswersAdmin({ user }: RouteProps) {
  const manager = user.role === Role.DepartmentManager;
  const [answers, setAnswers] = useState<CannedAnswer[]>([]);
  const [departments, setDepartments] = useState<Ref[]>([]);
  const [draft, setDraft] = useState<Draft>({ ...EMPTY, departmentId: manager ? (user.departmentId ?? '') : '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const load = () =>
    api<CannedAnswer[] | { items: CannedAnswer[] }>('/canned-answers').then(
      (list) => setAnswers(Array.isArray(list) ? list : list.items),
      (e: Error) => setMessage(e.message),
    );
  useEffect(() => {
    void load();
    cached<Ref[]>('/departments').then(setDepartments, () => undefined);
  }, []);
  const name = (id: string | null) => (id ? (departments.find((d) => d.id === id)?.name ?? 'Birim') : 'Genel (tüm birimler)');
  const mayEdit = (a: CannedAnswer) => !manager || a.department?.id === user.departmentId;

  async function save(event: Event) {
    event.preventDefault();
    setErrors({});
    const body = { title: draft.title.trim(), body: draft.body, departmentId: draft.departmentId || null };
    try {
      if (draft.id) await api(`/canned-answers/${draft.id}`, { method: 'PATCH', body });
      else await api('/canned-answers', { method: 'POST', body });
      toast(draft.id ? 'Hazır yanıt güncellendi' : 'Hazır yanıt eklendi');
      setDraft({ ...EMPTY, departmentId: manager ? (user.departmentId ?? '') : '' });
      await load();
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) {
        setErrors(e.fields);
        setMessage(e.message);
      } else setMessage((e as Error).message);
    }
  }
  async function remove(a: CannedAnswer) {
    if (!confirm(`"${a.title}" silinsin mi?`)) return;
    try {
      await api(`/canned-answers/${a.id}`, { method: 'DELETE' });
      toast('Hazır yanıt silindi');
      await load();
    } catch (e) {
      setMessage((e as Error).message);
    }
  }

  return (
    <section aria-labelledby="ca-title" class="canned-admin">
      <h1 id="ca-title">Hazır yanıtlar</h1>
      <div class="two-col">
        <section class="card" aria-labelledby="ca-list-title">
          <h2 id="ca-list-title">Kayıtlı yanıtlar ({answers.length})</h2>
          {answers.length ? (
            <table class="admin">
              <caption class="sr-only">Hazır yanıtlar</caption>
              <thead>
                <tr>
                  <th scope="col">Başlık</th>
                  <th scope="col">Birim</th>
                  <th scope="col">Metin</th>
                  <th scope="col">İşlem</th>
                </tr>
              </thead>
              <tbody>
                {answers.map((a) => (
                  <tr key={a.id}>
                    <td>{a.title}</td>
                    <td>{a.department?.name ?? name(null)}</td>
                    <td class="ca-body">{a.body}</td>
                    <td>
                      {mayEdit(a) ? (
                        <>
                          <button
                            type="button"
                            class="small secondary"
                            onClick={() => setDraft({ id: a.id, title: a.title, body: a.body, departmentId: a.department?.id ?? '' })}
                          >
                            Düzenle<span class="sr-only">: {a.title}</span>
                          </button>{' '}
                          <button type="button" class="small danger" onClick={() => remove(a)}>
                            Sil<span class="sr-only">: {a.title}</span>
                          </button>
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>Henüz hazır yanıt yok.</p>
          )}
        </section>
        <section class="card" aria-labelledby="ca-form-title">
          <h2 id="ca-form-title">{draft.id ? 'Hazır yanıtı düzenle' : 'Yeni hazır yanıt'}</h2>
          <form onSubmit={save}>
            <div class="field">
              <label for="ca-title-input">Başlık</label>
              <input
                id="ca-title-input"
                required
                minLength={3}
                maxLength={120}
                value={draft.title}
                aria-invalid={errors.title ? 'true' : 'false'}
                aria-describedby="ca-title-error"
                onInput={(e) => setDraft({ ...draft, title: (e.target as HTMLInputElement).value })}
              />
              <p class="error" id="ca-title-error" hidden={!errors.title}>
                {errors.title}
              </p>
            </div>
            <div class="field">
              <label for="ca-department">Birim</label>
              <select
                id="ca-department"
                disabled={manager}
                value={draft.departmentId}
                onChange={(e) => setDraft({ ...draft, departmentId: (e.target as HTMLSelectElement).value })}
              >
                {manager ? null : <option value="">Genel (tüm birimler)</option>}
                {departments
                  .filter((d) => !manager || d.id === user.departmentId)
                  .map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.name}
                    </option>
                  ))}
              </select>
            </div>
            <div class="field">
              <label for="ca-body">Metin</label>
              <textarea
                id="ca-body"
                rows={6}
                required
                maxLength={4000}
                value={draft.body}
                aria-invalid={errors.body ? 'true' : 'false'}
                aria-describedby="ca-body-hint ca-body-error"
                onInput={(e) => setDraft({ ...draft, body: (e.target as HTMLTextAreaElement).value })}
              />
              <p class="hint" id="ca-body-hint">
                Yer tutucular: {PLACEHOLDERS.map(([p, what]) => `${p} (${what})`).join(', ')}
              </p>
              <p class="error" id="ca-body-error" hidden={!errors.body}>
                {errors.body}
              </p>
            </div>
            <div class="row">
              <button type="submit">{draft.id ? 'Kaydet' : 'Ekle'}</button>
              {draft.id ? (
                <button type="button" class="secondary" onClick={() => setDraft({ ...EMPTY, departmentId: manager ? (user.departmentId ?? '') : '' })}>
                  Vazgeç
                </button>
              ) : null}
            </div>
            {message ? (
              <p class="error" role="alert">
                {message}
              </p>
            ) : null}
          </form>
        </section>
      </div>
    </section>
  );
}
