import { session } from './api.js';
import { h, ROLES, startPage } from './dom.js';
import { startCallPanel } from './call-panel.js';
import { installShortcuts } from './shortcuts.js';
import { renderLogin } from './login-view.js';
import { renderQueue } from './queue-view.js';
import { renderInbox } from './inbox-view.js';
import { renderTicket } from './ticket-view.js';
import { renderNewTicket } from './new-ticket-view.js';
import { renderManager } from './manager-view.js';
import { renderAdmin } from './admin-view.js';

const CALL_CENTRE = ['agent', 'supervisor', 'admin'];
const DEPARTMENT = ['department_staff', 'department_manager'];
const MANAGERS = ['supervisor', 'department_manager', 'executive', 'admin'];

const NAV = [
  { hash: '#/kuyruk', label: 'Kuyruk', roles: CALL_CENTRE },
  { hash: '#/yeni', label: 'Yeni başvuru', roles: [...CALL_CENTRE, ...DEPARTMENT] },
  { hash: '#/gelen-kutusu', label: 'Gelen kutusu', roles: DEPARTMENT },
  { hash: '#/yonetici', label: 'Özet', roles: MANAGERS },
  { hash: '#/yonetim', label: 'Yönetim', roles: ['admin'] },
];

const ROUTES = [
  [/^#\/kuyruk$/, renderQueue],
  [/^#\/yeni$/, renderNewTicket],
  [/^#\/gelen-kutusu$/, renderInbox],
  [/^#\/yonetici$/, renderManager],
  [/^#\/yonetim(?:\/([a-z-]+))?$/, renderAdmin],
  [/^#\/basvuru\/([^/]+)$/, renderTicket],
];

const main = document.getElementById('main');
let leave = null;
let live = null;

/** One EventSource per tab; screens listen for `ticket-change` on window. */
function connectLive(current) {
  if (live) return;
  const state = document.getElementById('live-state');
  live = new EventSource(`/api/v1/live/tickets?access_token=${encodeURIComponent(current.token)}`);
  live.addEventListener('open', () => {
    state.textContent = 'Canlı: bağlı';
    state.dataset.state = 'on';
  });
  live.addEventListener('error', () => {
    state.textContent = 'Canlı: yeniden bağlanıyor';
    state.dataset.state = 'off';
  });
  live.addEventListener('ticket', (event) => window.dispatchEvent(new CustomEvent('ticket-change', { detail: JSON.parse(event.data) })));
}

function shell(current) {
  document.getElementById('top').hidden = false;
  document.getElementById('who').textContent = `${current.user.fullName} · ${ROLES[current.user.role] ?? current.user.role}`;
  const nav = document.getElementById('nav');
  nav.replaceChildren(
    ...NAV.filter((n) => n.roles.includes(current.user.role)).map((n) =>
      h('li', {}, h('a', { href: n.hash, 'aria-current': location.hash.startsWith(n.hash) ? 'page' : undefined }, n.label)),
    ),
  );
  connectLive(current);
  if (['agent', 'supervisor'].includes(current.user.role)) startCallPanel(current);
}

// Each navigation's number: a view that finishes loading after the user has moved on is left at once.
let navigation = 0;

async function route() {
  const mine = ++navigation;
  if (leave) {
    leave();
    leave = null;
  }
  const current = session.get();
  if (!current || location.hash === '#/giris') {
    document.getElementById('top').hidden = true;
    if (current) {
      location.hash = startPage(current.user.role);
      return;
    }
    if (location.hash !== '#/giris') {
      location.hash = '#/giris';
      return;
    }
    leave = renderLogin(main);
    return;
  }
  shell(current);
  const match = ROUTES.map(([re, view]) => [re.exec(location.hash), view]).find(([m]) => m);
  if (!match) {
    location.hash = startPage(current.user.role);
    return;
  }
  const [m, view] = match;
  main.replaceChildren();
  const left = (await view(main, current, ...m.slice(1).map((p) => (p ? decodeURIComponent(p) : p)))) ?? null;
  if (mine !== navigation) {
    left?.();
    return;
  }
  leave = left;
  main.focus({ preventScroll: true });
}

document.getElementById('logout').addEventListener('click', () => {
  session.clear();
  live?.close();
  live = null;
  location.hash = '#/giris';
  location.reload();
});
window.addEventListener('hashchange', route);
installShortcuts();
route();
