import { useEffect, useState } from 'preact/hooks';
import { cached } from '../api';

interface Mahalle {
  id: string;
  name: string;
}

/** The mahalleler an incident reached, as checkboxes (none ticked: the whole district). */
export function MahalleChecklist({ value, onChange }: { value: string[]; onChange: (ids: string[]) => void }) {
  const [mahalleler, setMahalleler] = useState<Mahalle[]>([]);
  useEffect(() => {
    cached<Mahalle[]>('/mahalleler').then(setMahalleler, () => undefined);
  }, []);
  return (
    <fieldset class="field incident-mahalleler">
      <legend>Etkilenen mahalleler (komşular dahil; boş: tüm ilçe)</legend>
      {mahalleler.map((m) => (
        <label key={m.id}>
          <input
            type="checkbox"
            checked={value.includes(m.id)}
            onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked ? [...value, m.id] : value.filter((id) => id !== m.id))}
          />{' '}
          {m.name}
        </label>
      ))}
    </fieldset>
  );
}
