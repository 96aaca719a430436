import { api, cached } from './api.js';
import { BASES, CHANNELS, clearErrors, field, formatTime, h, select, showFieldError, toast } from './dom.js';
import { dataTable, formatNumber, horizontalBars, stackedBars } from './charts.js';

const INTERVALS = { day: 'Gün', week: 'Hafta', month: 'Ay' };
const NO_DEPT = 'Birimi belirlenmemiş';
const DAY = 86_400_000;
const istanbulDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Istanbul' });
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);

/** Today in Istanbul and 29 days before: the last 30 days, both ends included. */
function lastThirtyDays() {
  const to = istanbulDate.format(new Date());
  return { from: iso(Date.parse(to) - 29 * DAY), to };
}

/** Every period start between from and to, as the API's date_trunc names them, so empty days show as gaps. */
function periods(from, to, interval) {
  const out = [];
  const start = new Date(Date.parse(from));
  if (interval === 'week') start.setUTCDate(start.getUTCDate() - ((start.getUTCDay() + 6) % 7));
  if (interval === 'month') start.setUTCDate(1);
  for (const d = start; d.getTime() <= Date.parse(to);) {
    out.push(iso(d.getTime()));
    if (interval === 'month') d.setUTCMonth(d.getUTCMonth() + 1);
    else d.setUTCDate(d.getUTCDate() + (interval === 'week' ? 7 : 1));
  }
  return out;
}

const periodLabel = (p, interval) => (interval === 'month' ? p.slice(0, 7) : `${p.slice(8, 10)}.${p.slice(5, 7)}`);

/** The reports block of the manager view: a period and department picker above the charts. */
export async function renderReports(root, current) {
  const range = lastThirtyDays();
  const departments = current.user.role === 'department_manager' ? [] : await cached('/departments').catch(() => []);
  const deptSelect = departments.length
    ? field(
        'Birim',
        select(
          'rp-dept',
          departments.map((d) => [d.id, d.name]),
          { empty: 'Tüm birimler' },
        ),
      )
    : null;
  const form = h(
    'form',
    { class: 'card report-filters', 'aria-label': 'Rapor dönemi ve birim' },
    field('Başlangıç tarihi', h('input', { id: 'rp-from', name: 'from', type: 'date', value: range.from, required: true })),
    field('Bitiş tarihi', h('input', { id: 'rp-to', name: 'to', type: 'date', value: range.to, required: true })),
    field('Zaman aralığı', select('rp-interval', Object.entries(INTERVALS), { value: 'day' })),
    deptSelect,
    h('button', { type: 'submit' }, 'Raporları göster'),
  );
  const status = h('p', { class: 'hint', role: 'status', 'aria-live': 'polite' });
  const body = h('div', { class: 'reports', 'aria-busy': 'false' });
  root.append(h('h2', {}, 'Raporlar'), form, status, body);

  const load = async () => {
    clearErrors(form);
    const query = { from: form.querySelector('#rp-from').value, to: form.querySelector('#rp-to').value, departmentId: form.querySelector('#rp-dept')?.value };
    const interval = form.querySelector('#rp-interval').value;
    body.setAttribute('aria-busy', 'true');
    status.textContent = 'Raporlar yükleniyor…';
    try {
      const get = (name, extra = {}) => api(`/reports/${name}`, { query: { ...query, ...extra } });
      const [volume, resolution, compliance, mahalleler, escalations, summary] = await Promise.all([
        get('volume', { interval }),
        get('resolution-times', { groupBy: 'department' }),
        get('deadline-compliance'),
        get('mahalleler'),
        get('escalations'),
        get('summary'),
      ]);
      body.replaceChildren(
        summaryFigures(summary.rows[0]),
        volumeChart(volume, interval),
        resolutionChart(resolution.rows),
        complianceChart(compliance.rows),
        escalationChart(escalations.rows),
        mahalleTable(mahalleler.rows),
      );
      status.textContent = `${query.from} – ${query.to} dönemi gösteriliyor. Veriler ${formatTime(volume.asOf)} itibarıyla günceldir.`;
    } catch (e) {
      const shown = (e.details ?? []).map((d) => showFieldError(`rp-${d.field}`, d.message)).some(Boolean);
      if (!shown) toast(e.message, 'error');
      status.textContent = 'Raporlar yüklenemedi.';
    } finally {
      body.setAttribute('aria-busy', 'false');
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  await load();
}

function summaryFigures(row = {}) {
  const items = [
    ['Başvuru', row.tickets],
    ['Sonuçlanan', row.resolved],
    ['Açık', row.open],
    ['Aynı gün yanıtlanan', row.answeredSameDayPercent, '%'],
    ['Görüşmede çözülen (telefon)', row.solvedDuringCallPercent, '%'],
  ];
  return h(
    'dl',
    { class: 'figures', 'aria-label': 'Dönem özeti' },
    items.map(([label, value, unit]) =>
      h('div', {}, h('dt', {}, label), h('dd', {}, `${formatNumber(value)}${value === null || value === undefined ? '' : (unit ?? '')}`)),
    ),
  );
}

function volumeChart(report, interval) {
  const counts = new Map(report.rows.map((r) => [`${r.period}|${r.channel}`, r.tickets]));
  const used = new Set(report.rows.map((r) => r.channel));
  const series = Object.keys(CHANNELS)
    .map((key, i) => [key, CHANNELS[key], i])
    .filter(([key]) => used.has(key));
  return stackedBars({
    id: 'chart-volume',
    title: `Kanallara göre başvuru sayısı (${INTERVALS[interval].toLocaleLowerCase('tr-TR')} bazında)`,
    categories: periods(report.period.from, report.period.to, interval),
    categoryLabel: (p) => periodLabel(p, interval),
    series,
    value: (p, channel) => counts.get(`${p}|${channel}`),
    table: dataTable(
      null,
      [
        ['Dönem', (r) => r.period],
        ['Kanal', (r) => CHANNELS[r.channel] ?? r.channel],
        ['Başvuru', (r) => r.tickets, true],
      ],
      report.rows,
    ),
  });
}

function resolutionChart(rows) {
  const label = (r) => r.label ?? NO_DEPT;
  return horizontalBars({
    id: 'chart-resolution',
    title: 'Birimlere göre sonuçlandırma süresi (iş günü)',
    rows,
    rowLabel: label,
    unit: ' gün',
    measures: [
      ['workingDaysMedian', 'Ortanca', 0],
      ['workingDaysP90', '%90 dilim', 3],
    ],
    table: dataTable(
      null,
      [
        ['Birim', label],
        ['Sonuçlanan', (r) => r.resolved, true],
        ['Ortanca (iş günü)', (r) => r.workingDaysMedian, true],
        ['%90 dilim (iş günü)', (r) => r.workingDaysP90, true],
        ['Ortalama (iş günü)', (r) => r.workingDaysMean, true],
        ['Ortanca (takvim günü)', (r) => r.daysMedian, true],
      ],
      rows,
    ),
  });
}

function complianceChart(rows) {
  const label = (r) => `${BASES[r.legalBasis] ?? r.legalBasis ?? 'Dayanak yok'} · ${r.policy ?? 'Süre politikası yok'}`;
  return horizontalBars({
    id: 'chart-compliance',
    title: 'Süresinde yanıtlanma oranı (yasal dayanak ve süre politikasına göre)',
    rows,
    rowLabel: label,
    max: 100,
    unit: '%',
    measures: [
      ['resolutionMetPercent', 'Sonuçlandırma süresinde', 1],
      ['firstResponseMetPercent', 'İlk yanıt süresinde', 2],
    ],
    table: dataTable(
      null,
      [
        ['Dayanak · politika', label],
        ['Başvuru', (r) => r.tickets, true],
        ['Süresinde', (r) => r.resolutionMet, true],
        ['Süresi aşılan', (r) => r.resolutionMissed, true],
        ['Süresi dolmamış', (r) => r.resolutionPending, true],
        ['Süresinde (%)', (r) => r.resolutionMetPercent, true],
        ['İlk yanıt süresinde (%)', (r) => r.firstResponseMetPercent, true],
      ],
      rows,
    ),
  });
}

function escalationChart(rows) {
  const label = (r) => r.department ?? NO_DEPT;
  return horizontalBars({
    id: 'chart-escalations',
    title: 'Birimlere göre uyarı, süre aşımı ve üst makama bildirim',
    rows,
    rowLabel: label,
    measures: [
      ['warnings', 'Uyarı', 4],
      ['breaches', 'Süre aşımı', 3],
      ['escalatedAbove', 'Üst makama bildirilen', 5],
    ],
    table: dataTable(
      null,
      [
        ['Birim', label],
        ['Başvuru', (r) => r.tickets, true],
        ['Uyarı', (r) => r.warnings, true],
        ['Süre aşımı', (r) => r.breaches, true],
        ['Üst makama', (r) => r.escalatedAbove, true],
      ],
      rows,
    ),
  });
}

/** Sorted by ticket count, most first; the column header button flips the order. */
function mahalleTable(rows) {
  let descending = true;
  const section = h('section', { class: 'mahalle-report', 'aria-labelledby': 'mahalle-title' });
  const draw = () => {
    const sorted = [...rows].sort(
      (a, b) => (descending ? b.tickets - a.tickets : a.tickets - b.tickets) || (a.mahalle ?? '').localeCompare(b.mahalle ?? '', 'tr'),
    );
    const sortButton = h(
      'button',
      {
        type: 'button',
        class: 'link',
        onclick: () => {
          descending = !descending;
          draw();
          section.querySelector('th[aria-sort] button').focus();
        },
      },
      'Başvuru',
      h('span', { 'aria-hidden': 'true' }, descending ? ' ▼' : ' ▲'),
    );
    const table = dataTable(
      'Mahallelere göre başvurular',
      [
        ['Mahalle', (r) => r.mahalle ?? 'Mahallesi belirlenmemiş'],
        ['Başvuru', (r) => r.tickets, true],
        ['Açık', (r) => r.open, true],
        ['Ortalama sonuçlandırma (gün)', (r) => r.resolutionDaysMean, true],
        ['Süresinde (%)', (r) => r.deadlineMetPercent, true],
      ],
      sorted,
      { id: 'mahalle-table' },
    );
    const th = table.querySelectorAll('thead th')[1];
    th.replaceChildren(sortButton);
    th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
    section.replaceChildren(
      h('h3', { id: 'mahalle-title' }, 'Mahalle tablosu'),
      h('p', { class: 'hint' }, 'Mahallelerin koordinatları kayıtlı olmadığından harita gösterilemiyor; sayılar tabloda.'),
      table,
    );
  };
  draw();
  return section;
}
