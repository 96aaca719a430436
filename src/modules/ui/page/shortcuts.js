// Keys work everywhere except while typing; each screen registers what its keys do.
let handlers = {};
let pendingG = false;

export function setShortcuts(next) {
  handlers = next;
  return () => {
    if (handlers === next) handlers = {};
  };
}

function typing(target) {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export function toggleHelp(show) {
  const help = document.getElementById('help');
  const open = show ?? help.hidden;
  help.hidden = !open;
  if (open) document.getElementById('help-close').focus();
}

export function installShortcuts() {
  document.getElementById('help-open').addEventListener('click', () => toggleHelp(true));
  document.getElementById('help-close').addEventListener('click', () => toggleHelp(false));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      toggleHelp(false);
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    if (!document.getElementById('help').hidden && event.key !== '?') return;
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
    const key = { ArrowDown: 'j', ArrowUp: 'k' }[event.key] ?? event.key;
    const handler = handlers[key];
    if (handler) {
      event.preventDefault();
      handler(event);
    }
  });
}
