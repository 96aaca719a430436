import { useEffect, useRef } from 'preact/hooks';
import { store } from './store';

/**
 * Keys work everywhere except while typing; the screen on show registers what its keys do.
 * `j`/`k` also answer to ↓/↑; `g` then `q` goes to `home`; `?` toggles the help; Esc closes it.
 */
export interface ShortcutMap {
  /** Where `g q` goes. */
  home?: string;
  [key: string]: ((event: KeyboardEvent) => void) | string | undefined;
}

/** Whether the keyboard help dialog is open (the shell renders it). */
export const helpOpen = store(false);

let handlers: ShortcutMap = {};
let pendingG = false;

/** Makes `next` the active keys; returns the function that removes them again. */
export function setShortcuts(next: ShortcutMap): () => void {
  handlers = next;
  return () => {
    if (handlers === next) handlers = {};
  };
}

/** The component's keys while it is mounted; the latest handlers are used without re-registering. */
export function useShortcuts(map: ShortcutMap): void {
  const ref = useRef(map);
  ref.current = map;
  useEffect(() => {
    const proxy: ShortcutMap = { home: map.home };
    for (const key of Object.keys(map)) if (key !== 'home') proxy[key] = (event: KeyboardEvent) => handlerOf(ref.current, key)?.(event);
    // Registered once per mount: the set of keys is fixed per screen, their handlers are not.
    return setShortcuts(proxy);
  }, []);
}

function handlerOf(map: ShortcutMap, key: string): ((event: KeyboardEvent) => void) | undefined {
  const handler = map[key];
  return typeof handler === 'function' ? handler : undefined;
}

function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export function toggleHelp(show?: boolean): void {
  helpOpen.set(show ?? !helpOpen.get());
}

let installed = false;

/** Installs the one document-wide key listener (the shell calls it once). */
export function installShortcuts(): void {
  if (installed) return;
  installed = true;
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      if (helpOpen.get()) toggleHelp(false);
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    if (helpOpen.get() && event.key !== '?') return;
    if (event.key === '?') {
      toggleHelp();
      event.preventDefault();
      return;
    }
    if (pendingG) {
      pendingG = false;
      if (event.key === 'q') {
        location.hash = handlers.home ?? '#/';
        event.preventDefault();
      }
      return;
    }
    if (event.key === 'g') {
      pendingG = true;
      setTimeout(() => {
        pendingG = false;
      }, 1000);
      return;
    }
    const key = ({ ArrowDown: 'j', ArrowUp: 'k' } as Record<string, string>)[event.key] ?? event.key;
    const handler = handlerOf(handlers, key);
    if (handler) {
      event.preventDefault();
      handler(event);
    }
  });
}

/** One line of the keyboard help: keys pressed one after the other when `sequence`, else alternatives. */
export interface ShortcutHelp {
  keys: string[];
  description: string;
  sequence?: boolean;
}

/** What the help dialog lists; a feature adds its own keys with `addShortcutHelp`. */
export const SHORTCUT_HELP: ShortcutHelp[] = [
  { keys: ['j', '↓'], description: 'Listede sonraki satır' },
  { keys: ['k', '↑'], description: 'Listede önceki satır' },
  { keys: ['Enter'], description: 'Seçili başvuruyu aç' },
  { keys: ['n'], description: 'Sıradaki başvuru' },
  { keys: ['r'], description: 'Vatandaşa yanıt yaz' },
  { keys: ['t'], description: 'Başka birime aktar' },
  { keys: ['c'], description: 'Sonuçlandır / kapat' },
  { keys: ['g', 'q'], description: 'Kuyruğa / gelen kutusuna dön', sequence: true },
  { keys: ['?'], description: 'Bu yardımı aç / kapat' },
  { keys: ['Esc'], description: 'Pencereyi kapat' },
];

/** Adds a line to the help dialog (before its last two lines, `?` and Esc). */
export function addShortcutHelp(line: ShortcutHelp): void {
  if (!SHORTCUT_HELP.some((l) => l.description === line.description)) SHORTCUT_HELP.splice(SHORTCUT_HELP.length - 2, 0, line);
}
