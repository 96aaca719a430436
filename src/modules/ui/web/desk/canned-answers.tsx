import { useEffect, useState } from 'preact/hooks';
import { api, fold } from './deps';
import type { CannedAnswer } from './types';

/**
 * Hazır yanıtlar in the reply box: the department's and the global ones, searched as one types;
 * the chosen one is filled in for this ticket by the server ({takipNo}, {adSoyad}, {tarih}, …) and
 * handed to the reply box to edit before sending.
 */
export function CannedAnswerPicker({ ticketId, departmentId, onInsert }: { ticketId: string; departmentId?: string | null; onInsert: (text: string) => void }) {
  const [answers, setAnswers] = useState<CannedAnswer[]>([]);
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<CannedAnswer[] | { items: CannedAnswer[] }>('/canned-answers', { query: { departmentId: departmentId ?? undefined } }).then(
      (list) => setAnswers(Array.isArray(list) ? list : list.items),
      (e: Error) => setError(e.message),
    );
  }, [departmentId]);
  if (!answers.length && !error) return null;
  const needle = fold(search);
  const shown = needle ? answers.filter((a) => fold(`${a.title} ${a.body}`).includes(needle)) : answers;

  async function insert() {
    if (!chosen) return;
    try {
      const { text } = await api<{ text: string }>(`/canned-answers/${chosen}/render`, { method: 'POST', body: { ticketId } });
      onInsert(text);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }
  return (
    <div class="canned" role="group" aria-label="Hazır yanıtlar">
      <div class="field">
        <label for="canned-search">Hazır yanıt ara</label>
        <input id="canned-search" type="search" autocomplete="off" value={search} onInput={(e) => setSearch((e.target as HTMLInputElement).value)} />
      </div>
      <div class="field">
        <label for="canned-choose">Hazır yanıt</label>
        <select id="canned-choose" value={chosen} onChange={(e) => setChosen((e.target as HTMLSelectElement).value)}>
          <option value="">Seçin ({shown.length})</option>
          {shown.map((a) => (
            <option key={a.id} value={a.id}>
              {a.title}
              {a.department ? '' : ' (genel)'}
            </option>
          ))}
        </select>
      </div>
      <button type="button" class="small secondary" disabled={!chosen} onClick={insert}>
        Yanıta ekle
      </button>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
