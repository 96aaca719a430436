import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

export interface DialogProps {
  open: boolean;
  /** The heading; the dialog is named by it (aria-labelledby). */
  title: string;
  onClose: () => void;
  id?: string;
  class?: string;
  children: ComponentChildren;
  /** The text of the closing button at the bottom; none when null. */
  closeLabel?: string | null;
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog: focus moves into it and stays there (Tab wraps), Esc closes it, and focus goes
 * back where it was. Rendered hidden when closed so that its id stays in the page.
 */
export function Dialog({ open, title, onClose, id, class: cls, children, closeLabel = 'Kapat' }: DialogProps) {
  const box = useRef<HTMLDivElement>(null);
  const titleId = `${id ?? 'dialog'}-title`;
  useEffect(() => {
    if (!open) return;
    const before = document.activeElement as HTMLElement | null;
    const first = box.current?.querySelector<HTMLElement>(FOCUSABLE);
    (first ?? box.current)?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        onClose();
        return;
      }
      if (event.key !== 'Tab' || !box.current) return;
      const items = [...box.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
      if (!items.length) return;
      const [head, tail] = [items[0], items[items.length - 1]];
      if (event.shiftKey && document.activeElement === head) {
        tail.focus();
        event.preventDefault();
      } else if (!event.shiftKey && document.activeElement === tail) {
        head.focus();
        event.preventDefault();
      }
    };
    const node = box.current;
    node?.addEventListener('keydown', onKey);
    return () => {
      node?.removeEventListener('keydown', onKey);
      before?.focus?.();
    };
  }, [open]);
  return (
    <div id={id} class="overlay" role="dialog" aria-modal="true" aria-labelledby={titleId} hidden={!open}>
      <div class={cls ? `dialog ${cls}` : 'dialog'} ref={box} tabIndex={-1}>
        <h2 id={titleId}>{title}</h2>
        {open ? children : null}
        {closeLabel ? (
          <button type="button" class="dialog-close" onClick={onClose}>
            {closeLabel}
          </button>
        ) : null}
      </div>
    </div>
  );
}
