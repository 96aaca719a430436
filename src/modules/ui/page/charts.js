import { h } from './dom.js';

// SVG built node by node: the CSP forbids inline styles and scripts, and no markup is ever parsed.
const NS = 'http://www.w3.org/2000/svg';
const WIDTH = 720;
const number = new Intl.NumberFormat('tr-TR', { maximumFractionDigits: 1 });
export const formatNumber = (n) => (n === null || n === undefined ? '—' : number.format(n));

function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [key, value] of Object.entries(attrs)) if (value !== undefined && value !== null) el.setAttribute(key, String(value));
  for (const child of children.flat())
    if (child !== null && child !== undefined) el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return el;
}

/** A round axis maximum (1, 2, 5 × 10^n) so grid lines fall on readable values. */
function niceMax(value) {
  if (!(value > 0)) return 1;
  const step = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((m) => m * step).find((m) => m >= value);
}

/** The chart, its caption, a legend and the same figures as a table for screen readers and copying. */
function figure(id, title, svg, legend, table) {
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', `${id}-title`);
  svg.setAttribute('aria-describedby', `${id}-table`);
  return h(
    'figure',
    { class: 'chart', id },
    h('figcaption', { id: `${id}-title` }, title),
    legend?.length
      ? h(
          'ul',
          { class: 'legend', 'aria-hidden': 'true' },
          legend.map(([label, index]) => h('li', {}, h('span', { class: `swatch series-${index}` }), label)),
        )
      : null,
    svg,
    h('details', { class: 'chart-data' }, h('summary', {}, 'Veri tablosu'), h('div', { id: `${id}-table` }, table)),
  );
}

/** A data table: `columns` are [header, row → value, numeric?]. */
export function dataTable(caption, columns, rows, attrs = {}) {
  return h(
    'table',
    { class: 'report-table', ...attrs },
    caption ? h('caption', {}, caption) : null,
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        columns.map(([label, , numeric]) => h('th', { scope: 'col', class: numeric ? 'num' : undefined }, label)),
      ),
    ),
    h(
      'tbody',
      {},
      rows.length
        ? rows.map((r) =>
            h(
              'tr',
              {},
              columns.map(([, fn, numeric], i) =>
                h(i ? 'td' : 'th', { scope: i ? undefined : 'row', class: numeric ? 'num' : undefined }, numeric ? formatNumber(fn(r)) : (fn(r) ?? '—')),
              ),
            ),
          )
        : h('tr', {}, h('td', { colSpan: columns.length, class: 'empty' }, 'Bu dönemde veri yok')),
    ),
  );
}

/**
 * Vertical stacked bars: one column per category, one coloured segment per series.
 * `series` is [[key, label, colourIndex]], `value(category, key)` the height.
 */
export function stackedBars({ id, title, categories, categoryLabel, series, value, table }) {
  const height = 240;
  const [left, bottom, top] = [44, 40, 10];
  const plot = { w: WIDTH - left - 8, h: height - bottom - top };
  const totals = categories.map((c) => series.reduce((sum, [key]) => sum + (value(c, key) ?? 0), 0));
  const max = niceMax(Math.max(0, ...totals));
  const slot = plot.w / Math.max(1, categories.length);
  const bar = Math.max(2, slot * 0.7);
  const y = (v) => top + plot.h - (v / max) * plot.h;
  const every = Math.ceil(categories.length / 12);
  const svg = s(
    'svg',
    { viewBox: `0 0 ${WIDTH} ${height}`, class: 'chart-svg' },
    [0, max / 2, max].map((tick) =>
      s(
        'g',
        { class: 'grid' },
        s('line', { x1: left, x2: WIDTH - 8, y1: y(tick), y2: y(tick) }),
        s('text', { x: left - 6, y: y(tick) + 4, 'text-anchor': 'end' }, formatNumber(tick)),
      ),
    ),
    categories.map((c, i) => {
      let base = 0;
      const x = left + i * slot + (slot - bar) / 2;
      return s(
        'g',
        { class: 'column', 'data-category': c },
        series.map(([key, label, colour]) => {
          const v = value(c, key) ?? 0;
          if (!v) return null;
          const rect = s(
            'rect',
            { class: `bar series-${colour}`, 'data-series': key, x, y: y(base + v), width: bar, height: (v / max) * plot.h },
            s('title', {}, `${categoryLabel(c)} · ${label}: ${formatNumber(v)}`),
          );
          base += v;
          return rect;
        }),
        i % every === 0 ? s('text', { class: 'axis', x: x + bar / 2, y: height - bottom + 16, 'text-anchor': 'middle' }, categoryLabel(c)) : null,
      );
    }),
  );
  return figure(
    id,
    title,
    svg,
    series.map(([, label, colour]) => [label, colour]),
    table,
  );
}

/**
 * Horizontal grouped bars: one row per item, one bar per measure, labelled with its value.
 * `measures` is [[key, label, colourIndex]]; `max` fixes the scale (100 for percentages).
 */
export function horizontalBars({ id, title, rows, rowLabel, measures, max, unit = '', table }) {
  const barHeight = 14;
  // The row's name on its own line above its bars: long policy names are never clipped.
  const rowHeight = 18 + measures.length * (barHeight + 2) + 8;
  const height = Math.max(1, rows.length) * rowHeight + 4;
  const scale = max ?? niceMax(Math.max(0, ...rows.flatMap((r) => measures.map(([key]) => r[key] ?? 0))));
  const plotWidth = WIDTH - 70;
  const svg = s(
    'svg',
    { viewBox: `0 0 ${WIDTH} ${height}`, class: 'chart-svg' },
    rows.map((r, i) => {
      const top = 4 + i * rowHeight;
      return s(
        'g',
        { class: 'row' },
        s('text', { class: 'axis', x: 0, y: top + 12 }, rowLabel(r)),
        measures.map(([key, label, colour], j) => {
          const v = r[key];
          const missing = v === null || v === undefined;
          const y = top + 18 + j * (barHeight + 2);
          const w = missing ? 0 : Math.max(1, (v / scale) * plotWidth);
          return s(
            'g',
            {},
            missing
              ? null
              : s(
                  'rect',
                  { class: `bar series-${colour}`, 'data-series': key, x: 0, y, width: w, height: barHeight },
                  s('title', {}, `${rowLabel(r)} · ${label}: ${formatNumber(v)}${unit}`),
                ),
            s('text', { class: 'value', x: w + 4, y: y + barHeight - 3 }, missing ? `${label}: —` : `${formatNumber(v)}${unit}`),
          );
        }),
      );
    }),
  );
  return figure(
    id,
    title,
    svg,
    measures.map(([, label, colour]) => [label, colour]),
    table,
  );
}
