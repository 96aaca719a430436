import { useEffect, useState } from 'preact/hooks';
import type { RouteProps } from '../router';
import { api, ApiError, cached, Role, toast } from './deps';
import { useArticles, type Article } from './knowledge-search';
import { KnowledgeFigures } from './knowledge-figures';

interface Draft {
  id: string | null;
  title: string;
  body: string;
  categoryId: string;
  validUntil: string;
}
const EMPTY: Draft = { id: null, title: '', body: '', categoryId: '', validUntil: '' };
const FIGURE_ROLES: readonly string[] = [Role.Supervisor, Role.DepartmentManager, Role.Executive, Role.Admin];

/** The bilgi bankası page: everyone searches and reads; a department manager keeps their department's articles, an admin any. */
export function KnowledgeBase({ user }: RouteProps) {
  const editor = user.role === Role.DepartmentManager || user.role === Role.Admin;
  const [q, setQ] = useState('');
  const { articles, reload } = useArticles(q, editor);
  const [categories, setCategories] = useState<{ id: string; name: string; defaultDepartmentId?: string | null }[]>([]);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    cached<typeof categories>('/categories').then(setCategories, () => undefined);
  }, []);
  // A manager files under their own department's subjects; an admin under any (the article goes to the subject's department).
  const subjects = categories.filter((c) => user.role === Role.Admin || c.defaultDepartmentId === user.departmentId);
  const mayEdit = (a: Article) => user.role === Role.Admin || (user.role === Role.DepartmentManager && a.department.id === user.departmentId);

  async function save(event: Event) {
    event.preventDefault();
    setErrors({});
    const body = { title: draft.title.trim(), body: draft.body, categoryId: draft.categoryId, validUntil: draft.validUntil || null };
    try {
      if (draft.id) await api(`/knowledge-articles/${draft.id}`, { method: 'PATCH', body });
      else await api('/knowledge-articles', { method: 'POST', body });
      toast(draft.id ? 'Madde güncellendi' : 'Madde eklendi');
      setDraft(EMPTY);
      reload();
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) setErrors(e.fields);
      toast((e as Error).message, 'error');
    }
  }
  async function remove(a: Article) {
    if (!confirm(`"${a.title}" silinsin mi?`)) return;
    await api(`/knowledge-articles/${a.id}`, { method: 'DELETE' }).then(reload, (e: Error) => toast(e.message, 'error'));
  }
  const field = (key: keyof Draft) => ({
    value: draft[key] ?? '',
    'aria-invalid': errors[key] ? ('true' as const) : ('false' as const),
    onInput: (e: Event) => setDraft({ ...draft, [key]: (e.currentTarget as HTMLInputElement).value }),
  });

  return (
    <section aria-labelledby="kb-title" class="knowledge-base">
      <h1 id="kb-title">Bilgi bankası</h1>
      <div class="two-col">
        <section class="card" aria-labelledby="kb-list-title">
          <h2 id="kb-list-title">Maddeler ({articles.length})</h2>
          <label for="kb-q">Ara</label>
          <input id="kb-q" type="search" value={q} onInput={(e) => setQ((e.currentTarget as HTMLInputElement).value)} />
          <ul class="knowledge-list">
            {articles.map((a) => (
              <li key={a.id} class={a.expired ? 'expired' : undefined}>
                <h3>{a.title}</h3>
                <p class="muted">
                  {a.category.name} · {a.department.name} · {a.validUntil ? `${a.validUntil} tarihine kadar geçerli` : 'Süresiz'}
                  {a.expired ? <strong> · Süresi doldu</strong> : null}
                </p>
                <p class="knowledge-body">{a.body}</p>
                {mayEdit(a) ? (
                  <p>
                    <button
                      type="button"
                      class="small secondary"
                      onClick={() => setDraft({ id: a.id, title: a.title, body: a.body, categoryId: a.category.id, validUntil: a.validUntil ?? '' })}
                    >
                      Düzenle<span class="sr-only">: {a.title}</span>
                    </button>{' '}
                    <button type="button" class="small danger" onClick={() => remove(a)}>
                      Sil<span class="sr-only">: {a.title}</span>
                    </button>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
          {!articles.length ? <p>Madde bulunamadı.</p> : null}
        </section>
        {editor ? (
          <section class="card" aria-labelledby="kb-form-title">
            <h2 id="kb-form-title">{draft.id ? 'Maddeyi düzenle' : 'Yeni madde'}</h2>
            <form onSubmit={save}>
              <div class="field">
                <label for="kb-title-input">Başlık</label>
                <input id="kb-title-input" required minLength={3} maxLength={160} {...field('title')} />
              </div>
              <div class="field">
                <label for="kb-category">Konu</label>
                <select
                  id="kb-category"
                  required
                  value={draft.categoryId}
                  onChange={(e) => setDraft({ ...draft, categoryId: (e.currentTarget as HTMLSelectElement).value })}
                >
                  <option value="">Seçin</option>
                  {subjects.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </div>
              <div class="field">
                <label for="kb-valid">Geçerlilik sonu (boş: süresiz)</label>
                <input id="kb-valid" type="date" {...field('validUntil')} />
              </div>
              <div class="field">
                <label for="kb-body">Standart yanıt</label>
                <textarea id="kb-body" required rows={6} maxLength={4000} aria-describedby="kb-body-hint" {...field('body')} />
                <p class="hint" id="kb-body-hint">
                  Yer tutucular: {'{takipNo}'}, {'{adSoyad}'}, {'{tarih}'}, {'{birim}'}, {'{konu}'}
                </p>
                {errors.body ? <p class="error">{errors.body}</p> : null}
              </div>
              <button type="submit">{draft.id ? 'Kaydet' : 'Ekle'}</button>{' '}
              {draft.id ? (
                <button type="button" class="secondary" onClick={() => setDraft(EMPTY)}>
                  Vazgeç
                </button>
              ) : null}
            </form>
          </section>
        ) : null}
      </div>
      {FIGURE_ROLES.includes(user.role) ? <KnowledgeFigures /> : null}
    </section>
  );
}
