import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api';
import { humanSize } from '../../desk';

/** A file uploaded to the ticket, as POST /tickets/:id/attachments answers. */
export interface UploadedFile {
  id: string;
  filename: string | null;
  size: number;
}

/** What the server keeps (it checks the bytes again): photos, PDF, sound and video. */
const ACCEPT = 'image/jpeg,image/png,image/webp,image/heic,application/pdf,audio/*,video/mp4';
const MAX_FILES = 5;

interface Props {
  id: string;
  ticketId: string;
  files: UploadedFile[];
  onChange: (files: UploadedFile[]) => void;
}

/**
 * Adds documents to a reply or note: each chosen file is uploaded to the ticket at once (the
 * server refuses, in Turkish, one too large or of a type it does not keep), and the entry then
 * carries the uploaded files' ids. Taking one off the list leaves it on the ticket unsent.
 */
export function AttachmentPicker({ id, ticketId, files, onChange }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const upload = async (input: HTMLInputElement) => {
    const chosen = [...(input.files ?? [])];
    input.value = '';
    if (!chosen.length) return;
    if (files.length + chosen.length > MAX_FILES) return setError(`Bir kayda en fazla ${MAX_FILES} dosya eklenebilir`);
    setBusy(true);
    setError(null);
    const added: UploadedFile[] = [];
    try {
      for (const file of chosen) {
        const form = new FormData();
        form.append('file', file, file.name);
        added.push(await api<UploadedFile>(`/tickets/${ticketId}/attachments`, { method: 'POST', body: form }));
      }
    } catch (e) {
      const problem = e instanceof ApiError ? (e.field('file') ?? e.message) : (e as Error).message;
      setError(problem.replace(/^file: /, ''));
    } finally {
      onChange([...files, ...added]);
      setBusy(false);
    }
  };

  return (
    <div class="field attachment-picker">
      <label for={id}>Dosya ekle (PDF, fotoğraf, ses veya video)</label>
      <input id={id} type="file" accept={ACCEPT} multiple disabled={busy} aria-describedby={`${id}-error`} onChange={(e) => void upload(e.currentTarget)} />
      <p class="error" id={`${id}-error`} role="alert" hidden={!error}>
        {error ?? ''}
      </p>
      {files.length ? (
        <ul aria-label="Eklenen dosyalar">
          {files.map((f) => (
            <li key={f.id}>
              {`${f.filename ?? 'dosya'} (${humanSize(f.size)}) `}
              <button
                type="button"
                class="small secondary"
                aria-label={`Ekten çıkar: ${f.filename ?? 'dosya'}`}
                onClick={() => onChange(files.filter((x) => x.id !== f.id))}
              >
                Çıkar
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {busy ? <p aria-live="polite">Yükleniyor…</p> : null}
    </div>
  );
}
