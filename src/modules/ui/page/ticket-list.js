import { api, cached } from './api.js';
import { age, CHANNELS, countdown, h, KINDS, select, STATUSES, toast } from './dom.js';
import { setShortcuts } from './shortcuts.js';

const NEXT_KEY = 'cm.queue';

/** The ids of the list last shown, so "next ticket" (n) works from a ticket page too. */
export function nextTicketAfter(id) {
  const ids = JSON.parse(sessionStorage.getItem(NEXT_KEY) ?? '[]');
  const at = ids.indexOf(id);
  return ids[at + 1] ?? ids[0] ?? null;
}

/**
 * A live, filterable list of tickets with tabs (each tab is a query of the tickets API).
 * `rowActions(ticket, reload)` may add buttons to a row.
 */
export async function renderTicketList(main, { title, tabs, filters, home, rowActions }) {
  let tab = tabs[0];
  let rows = [];
  let selected = 0;
  const [categories, mahalleler, departments] = await Promise.all([cached('/categories'), cached('/mahalleler'), cached('/departments')]);
  const filterDefs = {
    channel: ['Kanal', Object.entries(CHANNELS)],
    kind: ['Tür', Object.entries(KINDS)],
    categoryId: ['Konu', categories.map((c) => [c.id, c.name])],
    mahalleId: ['Mahalle', mahalleler.map((m) => [m.id, m.name])],
    departmentId: ['Birim', departments.filter((d) => d.level === 'mudurluk').map((d) => [d.id, d.name])],
  };
  const filterBar = h(
    'div',
    { class: 'filters', role: 'group', 'aria-label': 'Süzgeçler' },
    filters.map((name) => {
      const [label, options] = filterDefs[name];
      const input = select(`f-${name}`, options, { empty: 'Tümü' });
      input.addEventListener('change', load);
      return h('div', { class: 'field inline' }, h('label', { for: input.id }, label), input);
    }),
  );
  const tabList = h(
    'div',
    { class: 'tabs', role: 'tablist', 'aria-label': title },
    tabs.map((t, i) =>
      h(
        'button',
        { type: 'button', role: 'tab', id: `tab-${t.id}`, 'aria-selected': i === 0 ? 'true' : 'false', onclick: () => choose(t) },
        t.label,
        ' ',
        h('span', { class: 'count', id: `count-${t.id}` }, ''),
      ),
    ),
  );
  const body = h('tbody');
  const table = h(
    'table',
    { class: 'tickets', 'aria-live': 'polite' },
    h('caption', { class: 'sr-only' }, title),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['Takip no', 'Konu', 'Kanal', 'Tür', 'Birim', 'Mahalle', 'Yaş', 'Süre', ''].map((c) => h('th', { scope: 'col' }, c)),
      ),
    ),
    body,
  );
  const empty = h('p', { class: 'empty', hidden: true }, 'Bu listede başvuru yok.');
  main.append(h('h1', {}, title), tabList, filterBar, table, empty);

  function query(t) {
    const q = { ...t.query, pageSize: 50 };
    for (const name of filters) q[name] = document.getElementById(`f-${name}`).value;
    return q;
  }

  async function load() {
    try {
      const [page, flagged, ...counts] = await Promise.all([
        api('/tickets', { query: query(tab) }),
        api('/tickets', { query: { ...query(tab), duplicate: true } }),
        ...tabs.map((t) => api('/tickets', { query: { ...query(t), pageSize: 1 } })),
      ]);
      const duplicates = new Set(flagged.items.map((t) => t.id));
      rows = page.items;
      sessionStorage.setItem(NEXT_KEY, JSON.stringify(rows.map((r) => r.id)));
      tabs.forEach((t, i) => {
        document.getElementById(`count-${t.id}`).textContent = `(${counts[i].total})`;
      });
      body.replaceChildren(...rows.map((t, i) => row(t, i, duplicates.has(t.id))));
      empty.hidden = rows.length > 0;
      selected = Math.min(selected, Math.max(rows.length - 1, 0));
      mark();
    } catch (e) {
      toast(e.message, 'error');
    }
  }

  function row(t, i, duplicate) {
    const due = countdown(t.resolutionDueAt);
    return h(
      'tr',
      {
        'data-id': t.id,
        class: t.overdue ? 'late' : '',
        onclick: () => {
          selected = i;
          mark();
        },
      },
      h('td', {}, h('a', { href: `#/basvuru/${t.id}` }, t.trackingNo)),
      h(
        'td',
        {},
        t.subject,
        duplicate ? h('span', { class: 'badge dup', title: 'Mükerrer olabilir' }, 'Mükerrer?') : null,
        t.triage ? h('span', { class: 'badge triage' }, 'Ön değerlendirme') : null,
        h('span', { class: 'sub' }, ` ${STATUSES[t.status] ?? t.status}${t.category ? ` · ${t.category.name}` : ''}`),
      ),
      h('td', {}, h('span', { class: `chan chan-${t.channel}` }, CHANNELS[t.channel] ?? t.channel)),
      h('td', {}, KINDS[t.kind] ?? t.kind),
      h('td', {}, t.department?.name ?? '—'),
      h('td', {}, t.mahalle?.name ?? '—'),
      h('td', { class: 'age', 'data-at': t.createdAt }, age(t.createdAt)),
      h('td', { class: `due ${due.late ? 'late' : ''}`, 'data-due': t.resolutionDueAt ?? '' }, due.text),
      h('td', {}, rowActions ? rowActions(t, load) : null),
    );
  }

  function mark() {
    [...body.children].forEach((tr, i) => tr.classList.toggle('selected', i === selected));
    body.children[selected]?.scrollIntoView({ block: 'nearest' });
  }

  function choose(t) {
    tab = t;
    tabList.querySelectorAll('[role=tab]').forEach((b) => b.setAttribute('aria-selected', String(b.id === `tab-${t.id}`)));
    selected = 0;
    load();
  }

  // Live: a change in any visible queue reloads the list (coalesced), no page reload.
  let timer;
  const onChange = () => {
    clearTimeout(timer);
    timer = setTimeout(load, 250);
  };
  window.addEventListener('ticket-change', onChange);
  const tick = setInterval(() => {
    body.querySelectorAll('td.age').forEach((td) => {
      td.textContent = age(td.dataset.at);
    });
    body.querySelectorAll('td.due').forEach((td) => {
      if (td.dataset.due) {
        const d = countdown(td.dataset.due);
        td.textContent = d.text;
        td.classList.toggle('late', d.late);
      }
    });
  }, 30_000);
  const open = () => {
    const id = rows[selected]?.id;
    if (id) location.hash = `#/basvuru/${id}`;
  };
  const unbind = setShortcuts({
    home,
    j: () => {
      selected = Math.min(selected + 1, rows.length - 1);
      mark();
    },
    k: () => {
      selected = Math.max(selected - 1, 0);
      mark();
    },
    Enter: open,
    n: () => {
      const id = rows[0]?.id;
      if (id) location.hash = `#/basvuru/${id}`;
    },
  });
  await load();
  return () => {
    window.removeEventListener('ticket-change', onChange);
    clearInterval(tick);
    clearTimeout(timer);
    unbind();
  };
}
