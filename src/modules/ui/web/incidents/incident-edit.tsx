import { useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import { toast } from '../components';
import { MahalleChecklist } from './mahalle-checklist';
import { textField } from './text-field';
import type { IncidentDetail } from './types';

/** `datetime-local` reads and writes the browser's own time (the desk's, Istanbul). */
const localInput = (iso: string | null) =>
  iso ? new Date(new Date(iso).getTime() - new Date(iso).getTimezoneOffset() * 60_000).toISOString().slice(0, 16) : '';

/** An open incident's wording, mahalleler and end, changed while it is open; the suggestions follow. */
export function IncidentEdit({ incident, onSaved }: { incident: IncidentDetail; onSaved: () => void }) {
  const [form, setForm] = useState({
    title: incident.title,
    description: incident.description,
    mahalleIds: incident.mahalleIds,
    endsAt: localInput(incident.endsAt),
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  async function submit(event: Event) {
    event.preventDefault();
    try {
      const endsAt = form.endsAt ? new Date(form.endsAt).toISOString() : null;
      await api(`/incidents/${incident.id}`, { method: 'PATCH', body: { ...form, endsAt } });
      setErrors({});
      toast('Olay güncellendi');
      onSaved();
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) setErrors(e.fields);
      toast((e as Error).message, 'error');
    }
  }
  const text = (key: 'title' | 'description') => textField(form, setForm, errors, key);
  return (
    <details class="card">
      <summary>Olayı düzenle</summary>
      <form onSubmit={submit}>
        <div class="field">
          <label for="incident-edit-title">Olayın başlığı</label>
          <input id="incident-edit-title" required minLength={3} maxLength={160} {...text('title')} />
        </div>
        <div class="field">
          <label for="incident-edit-description">Olayın açıklaması</label>
          <textarea id="incident-edit-description" required minLength={3} rows={3} {...text('description')} />
        </div>
        <MahalleChecklist value={form.mahalleIds} onChange={(mahalleIds) => setForm({ ...form, mahalleIds })} />
        <div class="field">
          <label for="incident-edit-ends">Bitiş (boş: yanıtlanana dek)</label>
          <input
            id="incident-edit-ends"
            type="datetime-local"
            value={form.endsAt}
            aria-invalid={errors.endsAt ? 'true' : 'false'}
            onInput={(e) => setForm({ ...form, endsAt: (e.currentTarget as HTMLInputElement).value })}
          />
          {errors.endsAt ? <p class="error">{errors.endsAt}</p> : null}
        </div>
        <button type="submit">Değişiklikleri kaydet</button>
      </form>
    </details>
  );
}
