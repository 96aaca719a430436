import { useState } from 'preact/hooks';
import { api, type ApiError } from '../../api';
import { Dialog, toast } from '../../components';
import { bodyOf, Inputs, placeErrors, textOf } from './form-fields';
import type { FieldSpec, Row } from './sections';

/** What a row's dialog does: edit its fields, set a new password, or confirm a change. */
export type RowDialog =
  | { kind: 'edit'; row: Row }
  | { kind: 'password'; row: Row }
  | { kind: 'confirm'; row: Row; title: string; text: string; action: string; run: () => Promise<unknown> };

interface Props {
  dialog: RowDialog | null;
  path: string;
  fields: FieldSpec[];
  label: (r: Row) => string;
  onClose: () => void;
  onDone: (message: string) => Promise<void>;
}

const PASSWORD: FieldSpec[] = [['password', 'Yeni parola (en az 10 karakter)', 'password']];

/** The dialog opened from a row's buttons; the server's field errors are shown beside their inputs. */
export function RowDialogs({ dialog, path, fields, label, onClose, onDone }: Props) {
  if (!dialog) return null;
  if (dialog.kind === 'confirm') return <Confirm dialog={dialog} onClose={onClose} onDone={onDone} />;
  const editing = dialog.kind === 'edit';
  return (
    <PatchForm
      key={`${dialog.kind}-${dialog.row.id}`}
      title={editing ? `Düzenle: ${label(dialog.row)}` : `Parola sıfırla: ${label(dialog.row)}`}
      url={`${path}/${dialog.row.id}`}
      fields={editing ? fields : PASSWORD}
      row={editing ? dialog.row : undefined}
      done={editing ? 'Kaydedildi' : 'Parola değiştirildi; açık oturumları kapatıldı'}
      onClose={onClose}
      onDone={onDone}
    />
  );
}

function Confirm({ dialog, onClose, onDone }: { dialog: Extract<RowDialog, { kind: 'confirm' }>; onClose: () => void; onDone: Props['onDone'] }) {
  const [busy, setBusy] = useState(false);
  const go = async () => {
    setBusy(true);
    try {
      await dialog.run();
      onClose();
      await onDone('Güncellendi');
    } catch (e) {
      toast((e as Error).message, 'error');
      setBusy(false);
    }
  };
  return (
    <Dialog open id="admin-confirm" title={dialog.title} onClose={onClose} closeLabel="Vazgeç">
      <p>{dialog.text}</p>
      <button type="button" class="danger" disabled={busy} onClick={() => void go()}>
        {dialog.action}
      </button>
    </Dialog>
  );
}

interface PatchProps {
  title: string;
  url: string;
  fields: FieldSpec[];
  row?: Row;
  done: string;
  onClose: () => void;
  onDone: Props['onDone'];
}

function PatchForm({ title, url, fields, row, done, onClose, onDone }: PatchProps) {
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(fields.map((f) => [f[0], row ? textOf(f, row[f[0]]) : ''])));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (name: string) => (value: string) => setValues((v) => ({ ...v, [name]: value }));
  const submit = async (event: Event) => {
    event.preventDefault();
    setErrors({});
    const body = bodyOf(fields, values, row);
    if (!Object.keys(body).length) return onClose();
    try {
      await api(url, { method: 'PATCH', body });
      onClose();
      await onDone(done);
    } catch (e) {
      const error = e as ApiError;
      const placed = placeErrors(fields, error.details);
      setErrors(placed);
      if (!Object.keys(placed).length) toast(error.message, 'error');
    }
  };
  return (
    <Dialog open id="admin-edit" title={title} onClose={onClose} closeLabel="Vazgeç">
      <form class="admin-edit" onSubmit={submit}>
        <Inputs fields={fields} prefix="edit" values={values} errors={errors} set={set} />
        <button type="submit">Kaydet</button>
      </form>
    </Dialog>
  );
}
