import { useEffect, useState } from 'preact/hooks';
import { api, toast } from './deps';

export interface Article {
  id: string;
  title: string;
  body: string;
  category: { id: string; name: string };
  department: { id: string; name: string };
  validUntil: string | null;
  expired: boolean;
}

/** Articles matching the words typed (the server folds Turkish letters); expired ones are never offered. */
export function useArticles(q: string, includeExpired = false): { articles: Article[]; reload: () => void } {
  const [articles, setArticles] = useState<Article[]>([]);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    const query: Record<string, string> = {};
    if (q.trim()) query.q = q.trim();
    if (includeExpired) query.includeExpired = 'true';
    const timer = setTimeout(
      () =>
        api<Article[]>('/knowledge-articles', { query, signal: controller.signal }).then(setArticles, (e: Error) => {
          if (e.name !== 'AbortError') toast(e.message, 'error');
        }),
      200,
    );
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q, includeExpired, tick]);
  return { articles, reload: () => setTick((n) => n + 1) };
}

/**
 * The bilgi bankası beside a ticket or a call: search, read, and answer in one step ("Bilgi verildi").
 * `answer` does the step (answer this ticket, or open one for the caller and answer it).
 */
export function KnowledgeSearch({ id, answer }: { id: string; answer: (article: Article) => Promise<void> }) {
  const [q, setQ] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { articles } = useArticles(q);
  const shown = q.trim() ? articles.slice(0, 5) : [];
  async function give(article: Article) {
    setBusy(true);
    try {
      await answer(article);
    } catch (e) {
      toast((e as Error).message, 'error');
    } finally {
      setBusy(false);
    }
  }
  return (
    <section class="card knowledge-search" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Bilgi bankası</h2>
      <label for={`${id}-q`}>Bilgi bankasında ara</label>
      <input id={`${id}-q`} type="search" value={q} onInput={(e) => setQ((e.currentTarget as HTMLInputElement).value)} />
      {q.trim() && !shown.length ? <p>Geçerli madde bulunamadı.</p> : null}
      <ul class="knowledge-results">
        {shown.map((a) => (
          <li key={a.id}>
            <button type="button" class="link" aria-expanded={open === a.id} onClick={() => setOpen(open === a.id ? null : a.id)}>
              {a.title}
            </button>{' '}
            <span class="muted">
              {a.category.name} · {a.department.name}
            </span>
            {open === a.id ? <p class="knowledge-body">{a.body}</p> : null}
            <button type="button" class="small" disabled={busy} onClick={() => give(a)}>
              Bilgi verildi<span class="sr-only">: {a.title}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
