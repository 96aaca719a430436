import { useEffect, useState } from 'preact/hooks';
import { api, type ApiError, dropCache } from '../../api';
import { toast } from '../../components';
import { bodyOf, Inputs, placeErrors } from './form-fields';
import { RowDialogs, type RowDialog } from './row-dialogs';
import type { Row, Section } from './sections';
import './admin.css';

/** A section's table: its rows with their buttons (edit, password, deactivate/remove after a confirmation), then the "new record" form. */
export function SectionTable({ spec, onChange }: { spec: Section; onChange?: () => void }) {
  const [rows, setRows] = useState<Row[] | null>(null);
  const [dialog, setDialog] = useState<RowDialog | null>(null);
  const columns = spec.columns ?? [];
  const label = spec.label ?? ((r: Row) => String(r.name ?? r.username ?? r.code ?? r.id));
  const load = async () => {
    const data = await api<Row>(spec.listPath ?? spec.path ?? '', { query: spec.query });
    setRows(spec.list ? spec.list(data) : ((data.items as Row[] | undefined) ?? (data as Row[])));
  };
  useEffect(() => {
    load().catch((e: Error) => toast(e.message, 'error'));
  }, []);
  const done = async (message: string) => {
    toast(message);
    dropCache();
    onChange?.();
    await load();
  };
  const run = async (promise: Promise<unknown>, message: string) => {
    try {
      await promise;
      await done(message);
    } catch (e) {
      toast((e as Error).message, 'error');
    }
  };
  const toggle = (r: Row) => {
    const field = spec.toggle as string;
    const on = r[field] === false;
    const call = () => api(`${spec.path}/${r.id}`, { method: 'PATCH', body: { [field]: on } });
    if (on) return void run(call(), 'Etkinleştirildi');
    setDialog({
      kind: 'confirm',
      row: r,
      title: `${label(r)} devre dışı bırakılsın mı?`,
      text: spec.deactivateText ?? 'Kayıt yeni işlemlerde seçilemez; geçmiş kayıtlar korunur.',
      action: 'Evet, devre dışı bırak',
      run: call,
    });
  };
  const remove = (r: Row) =>
    setDialog({
      kind: 'confirm',
      row: r,
      title: `${label(r)} silinsin mi?`,
      text: 'Bu işlem geri alınamaz.',
      action: 'Evet, sil',
      run: () => api(spec.remove?.(r) ?? '', { method: 'DELETE' }),
    });
  return (
    <>
      <table class="admin">
        <caption class="sr-only">{spec.title}</caption>
        <thead>
          <tr>
            {columns.map(([l]) => (
              <th scope="col" key={l}>
                {l}
              </th>
            ))}
            <th scope="col">İşlem</th>
          </tr>
        </thead>
        <tbody>
          {rows?.length ? (
            rows.map((r, i) => (
              <tr key={(r.id as string) ?? i}>
                {columns.map(([l, fn]) => (
                  <td key={l}>{String(fn(r) ?? '—')}</td>
                ))}
                <td class="row-actions">
                  {spec.edit && spec.path ? (
                    <button type="button" class="small" aria-label={`Düzenle: ${label(r)}`} onClick={() => setDialog({ kind: 'edit', row: r })}>
                      Düzenle
                    </button>
                  ) : null}
                  {spec.password ? (
                    <button
                      type="button"
                      class="small secondary"
                      aria-label={`Parola sıfırla: ${label(r)}`}
                      onClick={() => setDialog({ kind: 'password', row: r })}
                    >
                      Parola sıfırla
                    </button>
                  ) : null}
                  {spec.toggle && spec.path ? (
                    <button
                      type="button"
                      class="small secondary"
                      aria-label={`${r[spec.toggle] === false ? 'Etkinleştir' : 'Devre dışı bırak'}: ${label(r)}`}
                      onClick={() => toggle(r)}
                    >
                      {r[spec.toggle] === false ? 'Etkinleştir' : 'Devre dışı bırak'}
                    </button>
                  ) : null}
                  {spec.remove ? (
                    <button type="button" class="small secondary" aria-label={`Sil: ${label(r)}`} onClick={() => remove(r)}>
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
      <RowDialogs dialog={dialog} path={spec.path ?? ''} fields={spec.edit ?? []} label={label} onClose={() => setDialog(null)} onDone={done} />
      {spec.fields ? <CreateForm spec={spec} reload={() => done('Kaydedildi')} /> : null}
    </>
  );
}

function CreateForm({ spec, reload }: { spec: Section; reload: () => Promise<void> }) {
  const fields = spec.fields ?? [];
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const set = (name: string) => (value: string) => setValues((v) => ({ ...v, [name]: value }));
  const submit = async (event: Event) => {
    event.preventDefault();
    setErrors({});
    setNotice(null);
    try {
      const created = await api<Row>(spec.path ?? '', { method: 'POST', body: bodyOf(fields, values) });
      setNotice(spec.createdNotice?.(created) ?? null);
      setValues({});
      await reload();
    } catch (e) {
      const error = e as ApiError;
      const placed = placeErrors(fields, error.details);
      setErrors(placed);
      if (!Object.keys(placed).length) toast(error.message, 'error');
    }
  };
  return (
    <form class="card inline-form" aria-label={`Yeni kayıt: ${spec.title}`} onSubmit={submit}>
      <h2>Yeni kayıt</h2>
      <Inputs fields={fields} prefix="new" values={values} errors={errors} set={set} />
      <button type="submit">Ekle</button>
      {notice ? (
        <p role="status" class="created-notice">
          <code>{notice}</code>
        </p>
      ) : null}
    </form>
  );
}
