import { useEffect, useState } from 'preact/hooks';
import { api } from './deps';

interface Figure {
  article: { id: string; title: string };
  answers: number;
  calls: number;
}

const isoDay = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Istanbul' }).format(d);

/** Which articles answered most in the last 30 days, and how many of those were calls. */
export function KnowledgeFigures() {
  const [figures, setFigures] = useState<Figure[] | null>(null);
  useEffect(() => {
    const to = new Date();
    const from = new Date(to.getTime() - 29 * 24 * 3600_000);
    api<Figure[]>('/knowledge-articles/figures', { query: { from: isoDay(from), to: isoDay(to) } }).then(setFigures, () => setFigures([]));
  }, []);
  return (
    <section class="card" aria-labelledby="kb-figures-title">
      <h2 id="kb-figures-title">En çok yanıt veren maddeler (son 30 gün)</h2>
      {figures?.length ? (
        <table class="admin">
          <thead>
            <tr>
              <th scope="col">Madde</th>
              <th scope="col">Yanıtlanan başvuru</th>
              <th scope="col">Bunlardan çağrı</th>
            </tr>
          </thead>
          <tbody>
            {figures.map((f) => (
              <tr key={f.article.id}>
                <td>{f.article.title}</td>
                <td>{f.answers}</td>
                <td>{f.calls}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{figures ? 'Bu dönemde bilgi bankasıyla yanıtlanan başvuru yok.' : 'Yükleniyor…'}</p>
      )}
    </section>
  );
}
