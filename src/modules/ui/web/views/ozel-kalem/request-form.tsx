import { useState } from 'preact/hooks';
import { APPOINTMENT_CHANNEL_LABELS, REQUESTER_KIND_LABELS } from '@app/domain';
import { api, ApiError } from '../../api';
import { Field, optionsOf, Select, toast } from '../../components';

const EMPTY = { requesterKind: 'citizen', requesterName: '', institutionName: '', phone: '', email: '', channel: 'phone', subject: '', note: '' };

/** A request written down at Özel Kalem: a citizen or an institution; a walk-in is recorded as held at once. */
export function RequestForm({ onSaved }: { onSaved: () => void }) {
  const [form, setForm] = useState(EMPTY);
  const [walkIn, setWalkIn] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (key: keyof typeof EMPTY) => (e: Event) => setForm({ ...form, [key]: (e.currentTarget as HTMLInputElement).value });

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    setErrors({});
    const body: Record<string, unknown> = { requesterKind: form.requesterKind, subject: form.subject, channel: form.channel, walkIn };
    for (const key of ['requesterName', 'institutionName', 'phone', 'email', 'note'] as const) if (form[key].trim()) body[key] = form[key].trim();
    try {
      await api('/appointments', { method: 'POST', body });
      toast(walkIn ? 'Randevusuz görüşme kaydedildi' : 'Randevu talebi kaydedildi');
      setForm(EMPTY);
      setWalkIn(false);
      onSaved();
    } catch (e) {
      const err = e as ApiError;
      setErrors(Object.keys(err.fields ?? {}).length ? err.fields : { subject: err.message });
    }
  }

  return (
    <form class="ok-form" onSubmit={(e) => void submit(e)} aria-label="Yeni randevu talebi">
      <Field id="ok-kind" label="Talep sahibi">
        <Select options={optionsOf(REQUESTER_KIND_LABELS)} value={form.requesterKind} onChange={(v) => setForm({ ...form, requesterKind: v })} />
      </Field>
      <Field id="ok-name" label="Ad soyad" error={errors.requesterName}>
        <input type="text" value={form.requesterName} onInput={set('requesterName')} />
      </Field>
      <Field id="ok-institution" label="Kurum" hidden={form.requesterKind !== 'institution'} error={errors.institutionName}>
        <input type="text" value={form.institutionName} onInput={set('institutionName')} />
      </Field>
      <Field id="ok-phone" label="Telefon" error={errors.phone}>
        <input type="tel" value={form.phone} onInput={set('phone')} />
      </Field>
      <Field id="ok-email" label="E-posta" error={errors.email}>
        <input type="email" value={form.email} onInput={set('email')} />
      </Field>
      <Field id="ok-channel" label="Geliş kanalı">
        <Select options={optionsOf(APPOINTMENT_CHANNEL_LABELS)} value={form.channel} onChange={(v) => setForm({ ...form, channel: v })} />
      </Field>
      <Field id="ok-subject" label="Konu" error={errors.subject}>
        <textarea rows={2} value={form.subject} onInput={set('subject')} />
      </Field>
      <div class="field ok-check">
        <label>
          <input type="checkbox" checked={walkIn} onChange={(e) => setWalkIn((e.currentTarget as HTMLInputElement).checked)} /> Randevusuz geldi, görüşüldü
        </label>
      </div>
      <button type="submit">Talebi kaydet</button>
    </form>
  );
}
