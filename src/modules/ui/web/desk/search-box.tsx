import { useEffect, useRef, useState } from 'preact/hooks';
import { addShortcutHelp, api, CHANNEL_LABELS, formatDate, formatTotal, type Page } from './deps';
import type { TicketRow } from './types';

addShortcutHelp({ keys: ['/'], description: 'Başvuru ara (takip no, telefon, ad, T.C., e-posta, metin)' });

const typing = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

/** The text as the API's `q` takes it (2–100 characters). */
export const searchable = (text: string) => text.trim().length >= 2 && text.trim().length <= 100;

/**
 * One box that finds any application: tracking number, phone in any spelling, name, T.C. Kimlik No,
 * e-mail or free text. `/` focuses it; results come as one types (debounced), ↓/↑ move, Enter opens.
 */
export function SearchBox() {
  const [text, setText] = useState('');
  const [result, setResult] = useState<Page<TicketRow> | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    if (!searchable(text)) {
      setResult(null);
      setError(null);
      return undefined;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setBusy(true);
      api<Page<TicketRow>>('/tickets', { query: { q: text.trim(), pageSize: 8, sort: '-updatedAt' }, signal: controller.signal })
        .then(
          (page) => {
            setResult(page);
            setError(null);
            setActive(page.items.length ? 0 : -1);
            setOpen(true);
          },
          (e: Error) => e.name !== 'AbortError' && setError(e.message),
        )
        .finally(() => setBusy(false));
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text]);

  const items = result?.items ?? [];
  const go = (hash: string) => {
    setOpen(false);
    location.hash = hash;
  };
  const all = `#/basvurular/${encodeURIComponent(new URLSearchParams({ q: text.trim() }).toString())}`;

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(items.length - 1, i + 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(0, i - 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (open && items[active]) go(`#/basvuru/${items[active].id}`);
      else if (searchable(text)) go(all);
    } else if (event.key === 'Escape') {
      if (open) {
        event.stopPropagation();
        setOpen(false);
      } else input.current?.blur();
    }
  }

  const expanded = open && !!result;
  return (
    <div class="search" role="search">
      <label for="global-search" class="sr-only">
        Başvuru ara
      </label>
      <input
        id="global-search"
        ref={input}
        type="text"
        role="combobox"
        autocomplete="off"
        placeholder="Başvuru ara ( / )"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls="global-search-results"
        aria-activedescendant={expanded && items[active] ? `gs-${items[active].id}` : undefined}
        aria-describedby="global-search-status"
        value={text}
        onInput={(e) => setText((e.target as HTMLInputElement).value)}
        onKeyDown={onKeyDown}
        onFocus={() => result && setOpen(true)}
        onBlur={() => void setTimeout(() => setOpen(false), 200)}
      />
      <span id="global-search-status" class="sr-only" role="status" aria-live="polite">
        {busy ? 'Aranıyor' : error ? error : result ? `${formatTotal(result)} başvuru bulundu` : ''}
      </span>
      <div class="search-results" hidden={!expanded}>
        <ul id="global-search-results" role="listbox" aria-label="Bulunan başvurular">
          {items.map((t, i) => (
            <li
              key={t.id}
              id={`gs-${t.id}`}
              role="option"
              aria-selected={i === active}
              class={i === active ? 'active' : ''}
              onMouseDown={(e) => {
                e.preventDefault();
                go(`#/basvuru/${t.id}`);
              }}
            >
              <strong>{t.trackingNo}</strong> {t.subject}
              <span class="gs-meta">
                {t.statusLabel ?? t.status} · {CHANNEL_LABELS[t.channel as keyof typeof CHANNEL_LABELS] ?? t.channel} · {formatDate(t.createdAt)}
                {t.citizen?.fullName ? ` · ${t.citizen.fullName}` : ''}
              </span>
            </li>
          ))}
        </ul>
        {result && !items.length ? <p class="gs-none">Sonuç yok.</p> : null}
        {result && result.total > items.length ? (
          <a
            href={all}
            class="gs-all"
            onMouseDown={(e) => {
              e.preventDefault();
              go(all);
            }}
          >
            Tüm {formatTotal(result)} sonucu göster
          </a>
        ) : null}
      </div>
    </div>
  );
}
