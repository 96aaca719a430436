import { useStore, store } from '../store';

export type ToastKind = 'info' | 'error';

const current = store<{ message: string; kind: ToastKind; seq: number } | null>(null);
let timer: ReturnType<typeof setTimeout> | undefined;
let seq = 0;

/** Shows a short message in the polite live region for 5 seconds. */
export function toast(message: string, kind: ToastKind = 'info'): void {
  current.set({ message, kind, seq: ++seq });
  clearTimeout(timer);
  timer = setTimeout(() => current.set(null), 5000);
}

/** The one toast region (the shell renders it once). */
export function ToastHost() {
  const t = useStore(current);
  return (
    <div id="toast" class={t ? `toast show ${t.kind}` : 'toast'} role="status" aria-live="polite">
      {t?.message ?? ''}
    </div>
  );
}
