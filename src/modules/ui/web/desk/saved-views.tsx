import { useEffect, useState } from 'preact/hooks';
import { api, toast } from './deps';
import { fromSaved, savedQuery, type TicketQuery } from './ticket-query';
import type { SavedView } from './types';

/** The user's own saved filters (GET/POST/DELETE /desk/views): apply one, save the current one, delete one. */
export function SavedViews({ query, onApply }: { query: TicketQuery; onApply: (q: TicketQuery) => void }) {
  const [views, setViews] = useState<SavedView[]>([]);
  const [chosen, setChosen] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const load = () => api<SavedView[]>('/desk/views').then(setViews, (e: Error) => setError(e.message));
  useEffect(() => void load(), []);

  async function save(event: Event) {
    event.preventDefault();
    try {
      const view = await api<SavedView>('/desk/views', { method: 'POST', body: { name: name.trim(), query: savedQuery(query) } });
      setName('');
      setError(null);
      toast(`"${view.name}" görünümü kaydedildi`);
      await load();
      setChosen(view.id);
    } catch (e) {
      setError((e as Error).message);
    }
  }
  async function remove() {
    const view = views.find((v) => v.id === chosen);
    if (!view) return;
    try {
      await api(`/desk/views/${view.id}`, { method: 'DELETE' });
      toast(`"${view.name}" görünümü silindi`);
      setChosen('');
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  }
  return (
    <div class="saved-views row" role="group" aria-label="Kayıtlı görünümler">
      <div class="field">
        <label for="sv-choose">Kayıtlı görünüm</label>
        <select
          id="sv-choose"
          value={chosen}
          onChange={(e) => {
            const id = (e.target as HTMLSelectElement).value;
            setChosen(id);
            const view = views.find((v) => v.id === id);
            if (view) onApply(fromSaved(view.query));
          }}
        >
          <option value="">{views.length ? 'Seçin' : 'Kayıtlı görünüm yok'}</option>
          {views.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </select>
      </div>
      {chosen ? (
        <button type="button" class="small secondary" onClick={remove}>
          Görünümü sil
        </button>
      ) : null}
      <form class="row" onSubmit={save}>
        <div class="field">
          <label for="sv-name">Bu süzgeçleri kaydet: ad</label>
          <input id="sv-name" required minLength={1} maxLength={60} value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
        </div>
        <button type="submit" class="small">
          Kaydet
        </button>
      </form>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
