import { useEffect, useRef, useState } from 'preact/hooks';
import { CHANNEL_LABELS, KIND_LABELS, TicketChannel } from '@app/domain';
import { api, ApiError, cached, type Page } from '../api';
import { Field, Select, optionsOf, toast } from '../components';
import { CategoryFields, fieldInputId, filledFields, type FieldInput } from './category-fields';
import { CategoryPicker } from './category-picker';
import type { Category, Mahalle } from './types';

const DESK_CHANNELS = [TicketChannel.Phone, TicketChannel.WalkIn, TicketChannel.FieldTeam, TicketChannel.Muhtar, TicketChannel.Email, TicketChannel.Cimer];

// Server field names → the inputs that show their message.
const FIELD_INPUTS: Record<string, string> = {
  'citizen.phone': 'nt-phone',
  phone: 'nt-phone',
  'citizen.fullName': 'nt-name',
  subject: 'nt-subject',
  description: 'nt-description',
  address: 'nt-address',
  categoryId: 'nt-category',
  mahalleId: 'nt-mahalle',
  kind: 'nt-kind',
  channel: 'nt-channel',
  externalRef: 'nt-ref',
};

interface Citizen {
  id: string;
  fullName?: string | null;
  phone: string;
}

const EMPTY = {
  phone: '',
  name: '',
  channel: TicketChannel.Phone as string,
  kind: '',
  categoryId: '',
  mahalleId: '',
  subject: '',
  description: '',
  address: '',
  ref: '',
};

/** A ticket taken on the phone, at the desk, from a field team or a muhtar. */
export function NewTicket() {
  const [refs, setRefs] = useState<{ categories: Category[]; mahalleler: Mahalle[] } | null>(null);
  const [form, setForm] = useState(EMPTY);
  const [citizen, setCitizen] = useState<Citizen | null>(null);
  const [found, setFound] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ id: string; trackingNo: string } | null>(null);
  const [attributes, setAttributes] = useState<FieldInput>({});
  const root = useRef<HTMLFormElement>(null);
  const phoneRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    Promise.all([cached<Category[]>('/categories'), cached<Mahalle[]>('/mahalleler')])
      .then(([categories, mahalleler]) => setRefs({ categories, mahalleler }))
      .catch((e: Error) => toast(e.message, 'error'));
  }, []);
  useEffect(() => phoneRef.current?.focus(), [refs !== null]);
  useEffect(() => {
    if (Object.keys(errors).length) root.current?.querySelector<HTMLElement>('[aria-invalid=true]')?.focus();
  }, [errors]);

  const set = (key: keyof typeof EMPTY) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const input = (key: keyof typeof EMPTY) => ({ value: form[key], onInput: (e: Event) => set(key)((e.currentTarget as HTMLInputElement).value) });

  const find = async () => {
    setErrors({});
    setCitizen(null);
    setFound('');
    if (!form.phone.trim()) {
      setErrors({ 'nt-phone': 'Telefon numarasını yazın' });
      return;
    }
    try {
      const page = await api<Page<Citizen>>('/citizens', { query: { phone: form.phone.trim() } });
      const c = page.items[0] ?? null;
      setCitizen(c);
      setFound(c ? `Kayıtlı vatandaş: ${c.fullName ?? 'Adsız'} (${c.phone})` : 'Kayıt yok: kaydedince yeni vatandaş oluşturulur.');
      if (c?.fullName) set('name')(c.fullName);
    } catch (e) {
      const error = e as ApiError;
      if (error.status === 403) setFound('Vatandaş araması yetkiniz yok; kaydedince numara ile eşleştirilir.');
      else if (error.status === 400) setErrors({ 'nt-phone': error.field('phone') ?? error.message });
      else toast(error.message, 'error');
    }
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setErrors({});
    setGeneral(null);
    setSaved(null);
    const value = (v: string) => v.trim() || undefined;
    const body = {
      channel: value(form.channel),
      kind: value(form.kind),
      categoryId: value(form.categoryId),
      mahalleId: value(form.mahalleId),
      subject: value(form.subject),
      description: value(form.description),
      address: value(form.address),
      externalRef: value(form.ref),
      ...(Object.keys(filledFields(attributes)).length ? { attributes: filledFields(attributes) } : {}),
      ...(citizen ? { citizenId: citizen.id } : { citizen: { fullName: value(form.name), phone: value(form.phone) } }),
    };
    try {
      const ticket = await api<{ id: string; trackingNo: string }>('/tickets', { method: 'POST', body });
      setSaved(ticket);
      setForm((f) => ({ ...f, subject: '', description: '', address: '', ref: '' }));
      toast(`Takip numarası: ${ticket.trackingNo}`);
    } catch (e) {
      const error = e as ApiError;
      const placed: Record<string, string> = {};
      for (const d of error.details ?? []) {
        const input = FIELD_INPUTS[d.field] ?? (d.field?.startsWith('attributes.') ? fieldInputId(d.field.slice('attributes.'.length)) : undefined);
        if (input) placed[input] = d.message;
      }
      if (!Object.keys(placed).length) setGeneral(error.message);
      setErrors(placed);
    }
  };

  if (!refs) return <p aria-busy="true">Yükleniyor…</p>;
  return (
    <form ref={root} class="card new-ticket" aria-labelledby="nt-title" noValidate onSubmit={submit}>
      <h1 id="nt-title">Yeni başvuru</h1>
      <fieldset>
        <legend>Vatandaş</legend>
        <div class="row">
          <Field id="nt-phone" label="Telefon" hint="Örn. 0532 123 45 67" error={errors['nt-phone']}>
            <input ref={phoneRef} name="phone" type="tel" autocomplete="off" inputMode="tel" {...input('phone')} />
          </Field>
          <button type="button" class="secondary" onClick={() => void find()}>
            Vatandaşı bul
          </button>
        </div>
        <p id="nt-citizen" class="hint" aria-live="polite">
          {found}
        </p>
        <Field id="nt-name" label="Ad soyad" error={errors['nt-name']}>
          <input name="fullName" autocomplete="off" {...input('name')} />
        </Field>
      </fieldset>
      <fieldset>
        <legend>Başvuru</legend>
        <div class="row">
          <Field id="nt-channel" label="Kanal" error={errors['nt-channel']}>
            <Select value={form.channel} onChange={set('channel')} options={optionsOf(CHANNEL_LABELS, DESK_CHANNELS)} />
          </Field>
          <Field id="nt-kind" label="Tür" error={errors['nt-kind']}>
            <Select empty="Konunun türü" value={form.kind} onChange={set('kind')} options={optionsOf(KIND_LABELS)} />
          </Field>
        </div>
        <CategoryPicker
          categories={refs.categories}
          searchId="nt-cat-search"
          selectId="nt-category"
          value={form.categoryId}
          onChange={(v) => {
            set('categoryId')(v);
            setAttributes({});
          }}
          error={errors['nt-category']}
          text={`${form.subject} ${form.description}`}
        />
        <CategoryFields
          fields={refs.categories.find((c) => c.id === form.categoryId)?.fields ?? []}
          values={attributes}
          onChange={setAttributes}
          errors={errors}
        />
        <Field id="nt-mahalle" label="Mahalle" error={errors['nt-mahalle']}>
          <Select empty="Mahalle seçin" value={form.mahalleId} onChange={set('mahalleId')} options={refs.mahalleler.map((m) => [m.id, m.name])} />
        </Field>
        <Field id="nt-subject" label="Başlık" error={errors['nt-subject']}>
          <input name="subject" required {...input('subject')} />
        </Field>
        <Field id="nt-description" label="Açıklama" error={errors['nt-description']}>
          <textarea name="description" rows={5} required {...input('description')} />
        </Field>
        <Field id="nt-address" label="Adres" error={errors['nt-address']}>
          <input name="address" {...input('address')} />
        </Field>
        <Field id="nt-ref" label="Dış referans (CİMER no)" error={errors['nt-ref']}>
          <input name="externalRef" {...input('ref')} />
        </Field>
      </fieldset>
      <p class="error" id="nt-form-error" role="alert" hidden={!general}>
        {general ?? ''}
      </p>
      <button type="submit">Başvuruyu kaydet</button>
      <div id="nt-result" class="result" role="status" aria-live="polite" hidden={!saved}>
        {saved ? (
          <>
            <strong>{`Başvuru kaydedildi. Takip numarası: ${saved.trackingNo}`}</strong> <a href={`#/basvuru/${saved.id}`}>Başvuruyu aç</a>
          </>
        ) : null}
      </div>
    </form>
  );
}
