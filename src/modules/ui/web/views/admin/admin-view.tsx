import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, dropCache } from '../../api';
import { Field, Select, toast } from '../../components';
import type { RouteProps } from '../../router';
import type { DeadlinePolicy, Department } from '../types';
import { sections, type Row, type Section } from './sections';
import { WhatsappPairing } from './whatsapp';

/** The admin's reference data: one section per page (`#/yonetim/<section>`), a table and a "new record" form. */
export function AdminView({ params }: RouteProps) {
  const [all, setAll] = useState<Record<string, Section> | null>(null);
  useEffect(() => {
    Promise.all([api<Department[]>('/departments'), api<DeadlinePolicy[]>('/deadline-policies')])
      .then(([departments, policies]) => setAll(sections({ departments, policies })))
      .catch((e: Error) => toast(e.message, 'error'));
  }, []);
  if (!all) return <p aria-busy="true">Yükleniyor…</p>;
  const key = params.section && all[params.section] ? params.section : 'birimler';
  const spec = all[key];
  return (
    <>
      <nav class="subnav" aria-label="Yönetim bölümleri">
        <ul>
          {Object.entries(all).map(([k, s]) => (
            <li key={k}>
              <a href={`#/yonetim/${k}`} aria-current={k === key ? 'page' : undefined}>
                {s.title}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <h1>{spec.title}</h1>
      <div>{spec.custom === 'whatsapp' ? <WhatsappPairing /> : <SectionTable key={key} spec={spec} />}</div>
    </>
  );
}

function SectionTable({ spec }: { spec: Section }) {
  const [rows, setRows] = useState<Row[] | null>(null);
  const columns = spec.columns ?? [];
  const load = async () => {
    const data = await api<Row>(spec.listPath ?? spec.path ?? '', { query: spec.query });
    setRows(spec.list ? spec.list(data) : ((data.items as Row[] | undefined) ?? (data as Row[])));
  };
  useEffect(() => {
    load().catch((e: Error) => toast(e.message, 'error'));
  }, []);
  const run = async (promise: Promise<unknown>, message: string) => {
    try {
      await promise;
      toast(message);
      dropCache();
      await load();
    } catch (e) {
      toast((e as Error).message, 'error');
    }
  };
  return (
    <>
      <table class="admin">
        <caption class="sr-only">{spec.title}</caption>
        <thead>
          <tr>
            {columns.map(([label]) => (
              <th scope="col" key={label}>
                {label}
              </th>
            ))}
            <th scope="col">İşlem</th>
          </tr>
        </thead>
        <tbody>
          {rows?.length ? (
            rows.map((r, i) => (
              <tr key={(r.id as string) ?? i}>
                {columns.map(([label, fn]) => (
                  <td key={label}>{String(fn(r) ?? '—')}</td>
                ))}
                <td>
                  {spec.toggle && spec.path ? (
                    <button
                      type="button"
                      class="small secondary"
                      onClick={() =>
                        void run(
                          api(`${spec.path}/${r.id}`, { method: 'PATCH', body: { [spec.toggle as string]: r[spec.toggle as string] === false } }),
                          'Güncellendi',
                        )
                      }
                    >
                      {r[spec.toggle] === false ? 'Etkinleştir' : 'Devre dışı bırak'}
                    </button>
                  ) : null}
                  {spec.remove ? (
                    <button type="button" class="small secondary" onClick={() => void run(api(spec.remove?.(r) ?? '', { method: 'DELETE' }), 'Silindi')}>
                      Sil
                    </button>
                  ) : null}
                  {spec.rowAction ? (
                    <button type="button" class="small" onClick={() => void run(spec.rowAction?.[1](r) ?? Promise.resolve(), 'Yeniden kuyruğa alındı')}>
                      {spec.rowAction[0]}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))
          ) : rows ? (
            <tr>
              <td colSpan={columns.length + 1}>Kayıt yok</td>
            </tr>
          ) : null}
        </tbody>
      </table>
      {spec.fields ? <CreateForm spec={spec} reload={load} /> : null}
    </>
  );
}

function CreateForm({ spec, reload }: { spec: Section; reload: () => Promise<void> }) {
  const fields = spec.fields ?? [];
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (name: string) => (value: string) => setValues((v) => ({ ...v, [name]: value }));
  const submit = async (event: Event) => {
    event.preventDefault();
    setErrors({});
    const body: Record<string, unknown> = {};
    for (const [name, , type] of fields) {
      const value = (values[name] ?? '').trim();
      if (!value) continue;
      body[name] =
        type === 'number'
          ? Number(value)
          : type === 'list'
            ? value
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean)
            : value;
    }
    try {
      await api(spec.path ?? '', { method: 'POST', body });
      toast('Kaydedildi');
      setValues({});
      dropCache();
      await reload();
    } catch (e) {
      const error = e as ApiError;
      const placed: Record<string, string> = {};
      for (const d of error.details ?? []) if (fields.some(([name]) => name === d.field)) placed[d.field] = d.message;
      setErrors(placed);
      if (!Object.keys(placed).length) toast(error.message, 'error');
    }
  };
  return (
    <form class="card inline-form" aria-label={`Yeni kayıt: ${spec.title}`} onSubmit={submit}>
      <h2>Yeni kayıt</h2>
      {fields.map(([name, label, type]) => (
        <Field key={name} id={`new-${name}`} label={label} error={errors[name]}>
          {Array.isArray(type) ? (
            <Select empty="Seçin" value={values[name] ?? ''} onChange={set(name)} options={type} />
          ) : (
            <input
              name={name}
              type={(type === 'list' || !type ? 'text' : type) as 'text'}
              value={values[name] ?? ''}
              onInput={(e) => set(name)(e.currentTarget.value)}
            />
          )}
        </Field>
      ))}
      <button type="submit">Ekle</button>
    </form>
  );
}
