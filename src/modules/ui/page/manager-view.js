import { api } from './api.js';
import { countdown, h, toast } from './dom.js';
import { renderReports } from './manager-reports.js';

/** Open, overdue and answered counts per department and subject, the overdue tickets waiting, then the period's reports. */
export async function renderManager(main, current) {
  let rows = [];
  let overdue = { items: [] };
  try {
    [rows, overdue] = await Promise.all([api('/tickets/summary'), api('/tickets', { query: { overdue: true, sort: 'resolutionDueAt', pageSize: 50 } })]);
  } catch (e) {
    toast(e.message, 'error');
  }
  const byDept = new Map();
  for (const r of rows) {
    const key = r.department?.name ?? 'Birimi belirlenmemiş (ön değerlendirme)';
    const sum = byDept.get(key) ?? { open: 0, overdue: 0, answered: 0, subjects: [] };
    sum.open += r.open;
    sum.overdue += r.overdue;
    sum.answered += r.answered;
    sum.subjects.push(r);
    byDept.set(key, sum);
  }
  const num = (n, late) => h('td', { class: `num ${late && n ? 'late' : ''}` }, String(n));
  main.append(
    h('h1', {}, 'Yönetici özeti'),
    h(
      'table',
      { class: 'summary' },
      h('caption', {}, 'Birim ve konu bazında başvurular'),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['Birim / konu', 'Açık', 'Gecikmiş', 'Yanıtlanan'].map((c) => h('th', { scope: 'col' }, c)),
        ),
      ),
      [...byDept.entries()].map(([name, s]) =>
        h(
          'tbody',
          {},
          h('tr', { class: 'dept' }, h('th', { scope: 'row' }, name), num(s.open), num(s.overdue, true), num(s.answered)),
          s.subjects.map((r) => h('tr', {}, h('td', { class: 'subject' }, r.category?.name ?? 'Konusuz'), num(r.open), num(r.overdue, true), num(r.answered))),
        ),
      ),
    ),
    h('h2', {}, 'Süresi aşılan başvurular (üst makam bekliyor)'),
    overdue.items.length
      ? h(
          'ul',
          { class: 'plain' },
          overdue.items.map((t) =>
            h(
              'li',
              {},
              h('a', { href: `#/basvuru/${t.id}` }, t.trackingNo),
              ` ${t.subject} · ${t.department?.name ?? '—'} · `,
              h('span', { class: 'late' }, countdown(t.resolutionDueAt).text),
            ),
          ),
        )
      : h('p', {}, 'Süresi aşılan başvuru yok.'),
  );
  await renderReports(main, current);
}
