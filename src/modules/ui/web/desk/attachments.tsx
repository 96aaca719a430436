import { useEffect, useRef, useState } from 'preact/hooks';
import { formatTime } from './deps';
import { humanSize, mediaUrl } from './media';
import type { Attachment } from './types';

const SOURCES: Record<string, string> = {
  web: 'Web formu',
  whatsapp: 'WhatsApp',
  voicemail: 'Sesli mesaj',
  email: 'E-posta',
  sms: 'SMS',
  staff: 'Personel',
};

const label = (a: Attachment) => a.filename ?? `${a.kind} ${a.id.slice(0, 8)}`;

/** One object URL per file while it is on screen, revoked when it leaves. */
function useMedia(id: string | null): { url: string | null; error: string | null } {
  const [state, setState] = useState<{ url: string | null; error: string | null }>({ url: null, error: null });
  useEffect(() => {
    if (!id) return undefined;
    let url: string | null = null;
    let gone = false;
    mediaUrl(id).then(
      (u) => {
        if (gone) URL.revokeObjectURL(u);
        else setState({ url: (url = u), error: null });
      },
      (e: Error) => !gone && setState({ url: null, error: e.message }),
    );
    return () => {
      gone = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [id]);
  return state;
}

function Thumb({ file, onOpen }: { file: Attachment; onOpen: (f: Attachment) => void }) {
  const { url, error } = useMedia(file.id);
  return (
    <li class="att att-image">
      <button type="button" class="thumb" onClick={() => onOpen(file)}>
        <span class="sr-only">Fotoğrafı büyüt: {label(file)}</span>
        {url ? <img src={url} alt="" /> : <span>{error ?? 'Yükleniyor…'}</span>}
      </button>
      <span class="att-meta">
        {SOURCES[file.source ?? ''] ?? ''} {formatTime(file.createdAt)}
      </span>
    </li>
  );
}

function Audio({ file }: { file: Attachment }) {
  const { url, error } = useMedia(file.id);
  const title = file.source === 'voicemail' ? 'Sesli mesaj' : 'Ses kaydı';
  return (
    <li class="att att-audio">
      <span class="att-title" id={`att-${file.id}`}>
        {title} · {formatTime(file.createdAt)}
      </span>
      {url ? <audio controls preload="metadata" src={url} aria-labelledby={`att-${file.id}`} /> : <span>{error ?? 'Yükleniyor…'}</span>}
    </li>
  );
}

function Download({ file }: { file: Attachment }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function save() {
    setBusy(true);
    try {
      const url = await mediaUrl(file.id);
      const a = document.createElement('a');
      a.href = url;
      a.download = file.filename ?? file.id;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <li class="att att-doc">
      <button type="button" class="link" onClick={save} disabled={busy}>
        {label(file)} indir ({humanSize(file.size)})
      </button>
      {error ? <span class="error">{error}</span> : null}
    </li>
  );
}

/** The viewer: a modal dialog that takes the focus, closes on Esc and gives it back. */
function Viewer({ images, index, onClose, onMove }: { images: Attachment[]; index: number; onClose: () => void; onMove: (i: number) => void }) {
  const file = images[index];
  const { url, error } = useMedia(file.id);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const back = document.activeElement as HTMLElement | null;
    close.current?.focus();
    return () => back?.focus();
  }, []);
  function onKey(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
    } else if (event.key === 'ArrowRight' && images.length > 1) onMove((index + 1) % images.length);
    else if (event.key === 'ArrowLeft' && images.length > 1) onMove((index - 1 + images.length) % images.length);
  }
  return (
    <div class="overlay" role="dialog" aria-modal="true" aria-labelledby="viewer-title" onKeyDown={onKey}>
      <div class="dialog viewer">
        <h2 id="viewer-title">
          Fotoğraf {index + 1} / {images.length}: {label(file)}
        </h2>
        {url ? <img src={url} alt={`Vatandaşın gönderdiği fotoğraf: ${label(file)}`} /> : <p>{error ?? 'Yükleniyor…'}</p>}
        <div class="row">
          {images.length > 1 ? (
            <>
              <button type="button" class="secondary" onClick={() => onMove((index - 1 + images.length) % images.length)}>
                Önceki
              </button>
              <button type="button" class="secondary" onClick={() => onMove((index + 1) % images.length)}>
                Sonraki
              </button>
            </>
          ) : null}
          <button type="button" ref={close} onClick={onClose}>
            Kapat
          </button>
        </div>
      </div>
    </div>
  );
}

/** Photos as thumbnails with a viewer, voicemails and voice notes with a player, documents to download. */
export function Attachments({ files }: { files: Attachment[] }) {
  const [open, setOpen] = useState<number | null>(null);
  if (!files.length) return null;
  const images = files.filter((f) => f.kind === 'image');
  const audio = files.filter((f) => f.kind === 'audio');
  const other = files.filter((f) => f.kind !== 'image' && f.kind !== 'audio');
  return (
    <section class="card attachments" aria-labelledby="att-heading">
      <h2 id="att-heading">Ekler ({files.length})</h2>
      {images.length ? (
        <ul class="thumbs" aria-label="Fotoğraflar">
          {images.map((f) => (
            <Thumb key={f.id} file={f} onOpen={(x) => setOpen(images.indexOf(x))} />
          ))}
        </ul>
      ) : null}
      {audio.length ? (
        <ul class="audios" aria-label="Ses kayıtları">
          {audio.map((f) => (
            <Audio key={f.id} file={f} />
          ))}
        </ul>
      ) : null}
      {other.length ? (
        <ul class="docs" aria-label="Belgeler">
          {other.map((f) => (
            <Download key={f.id} file={f} />
          ))}
        </ul>
      ) : null}
      {open !== null && images[open] ? <Viewer images={images} index={open} onClose={() => setOpen(null)} onMove={setOpen} /> : null}
    </section>
  );
}
