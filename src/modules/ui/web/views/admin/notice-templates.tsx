import { useEffect, useState } from 'preact/hooks';
import { NOTICE_PURPOSE_LABELS } from '@app/domain';
import { api, type ApiError } from '../../api';
import { Field, Select, toast } from '../../components';

interface Template {
  purpose: string;
  locale: 'tr' | 'en';
  subject: string;
  body: string;
  custom: boolean;
}

const LOCALES: ['tr' | 'en', string][] = [
  ['tr', 'Türkçe'],
  ['en', 'İngilizce'],
];

/** The wording of citizen notices: pick a notice, edit it in both languages side by side, preview it filled in with example values, save or go back to the shipped wording. */
export function NoticeTemplates() {
  const [all, setAll] = useState<Template[] | null>(null);
  const [purpose, setPurpose] = useState('received');
  const load = () =>
    api<Template[]>('/notice-templates')
      .then(setAll)
      .catch((e: Error) => toast(e.message, 'error'));
  useEffect(() => {
    void load();
  }, []);
  if (!all) return <p aria-busy="true">Yükleniyor…</p>;
  const purposes = [...new Set(all.map((t) => t.purpose))].map((p): [string, string] => [p, NOTICE_PURPOSE_LABELS[p] ?? p]);
  return (
    <>
      <Field id="notice-purpose" label="Bildirim">
        <Select value={purpose} onChange={setPurpose} options={purposes} />
      </Field>
      <div class="notice-langs">
        {LOCALES.map(([locale, name]) => {
          const template = all.find((t) => t.purpose === purpose && t.locale === locale);
          return template ? <NoticeEditor key={`${purpose}-${locale}`} template={template} language={name} reload={load} /> : null;
        })}
      </div>
    </>
  );
}

function NoticeEditor({ template, language, reload }: { template: Template; language: string; reload: () => Promise<void> }) {
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<{ subject: string; body: string } | null>(null);
  const url = `/notice-templates/${template.purpose}/${template.locale}`;
  const id = `notice-${template.locale}`;
  const call = async (fn: () => Promise<void>) => {
    setErrors({});
    try {
      await fn();
    } catch (e) {
      const error = e as ApiError;
      const placed = Object.fromEntries(error.details.filter((d) => d.field === 'subject' || d.field === 'body').map((d) => [d.field, d.message]));
      setErrors(placed);
      if (!Object.keys(placed).length) toast(error.message, 'error');
    }
  };
  const showPreview = () => call(async () => setPreview(await api(`${url}/preview`, { method: 'POST', body: { subject, body } })));
  const save = () =>
    call(async () => {
      await api(url, { method: 'PUT', body: { subject, body } });
      toast(`${language} metin kaydedildi`);
      await reload();
    });
  const reset = () =>
    call(async () => {
      await api(url, { method: 'DELETE' });
      toast(`${language} metin varsayılana döndü`);
      await reload();
    });
  return (
    <section class="card notice-edit" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{`${language}${template.custom ? ' (belediyenin metni)' : ' (varsayılan metin)'}`}</h2>
      <Field id={`${id}-subject`} label={`Konu (${language})`} error={errors.subject}>
        <input value={subject} onInput={(e) => setSubject(e.currentTarget.value)} />
      </Field>
      <Field
        id={`${id}-body`}
        label={`Metin (${language})`}
        error={errors.body}
        hint="Alanlar süslü parantezle: {trackingNo}, {statusUrl}, {municipality}, {text}…"
      >
        <textarea rows={5} value={body} onInput={(e) => setBody(e.currentTarget.value)} />
      </Field>
      <div class="actions">
        <button type="button" class="secondary" onClick={() => void showPreview()}>
          Önizle
        </button>
        <button type="button" onClick={() => void save()}>
          Kaydet
        </button>
        {template.custom ? (
          <button type="button" class="secondary" onClick={() => void reset()}>
            Varsayılana dön
          </button>
        ) : null}
      </div>
      {preview ? (
        <div class="notice-preview" role="region" aria-label={`Önizleme (${language})`}>
          <strong>{preview.subject}</strong>
          {`\n${preview.body}`}
        </div>
      ) : null}
    </section>
  );
}
