import type { ComponentChildren } from 'preact';
import { formatNumber } from '../../format';

// SVG drawn by Preact: the CSP forbids inline styles and scripts, and no markup is ever parsed.
const WIDTH = 720;

/** A round axis maximum (1, 2, 5 × 10^n) so grid lines fall on readable values. */
function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const step = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((m) => m * step).find((m) => m >= value) ?? value;
}

/** [header, row → value, numeric?] */
export type Column<R> = [string, (row: R) => string | number | null | undefined, boolean?];

/** A data table with a header row; the first column is the row's header. */
export function DataTable<R>({
  caption,
  columns,
  rows,
  id,
  header,
}: {
  caption?: string;
  columns: Column<R>[];
  rows: R[];
  id?: string;
  /** Replaces a column's header cell (e.g. with a sort button): index → [content, aria-sort]. */
  header?: Record<number, [ComponentChildren, 'ascending' | 'descending']>;
}) {
  return (
    <table class="report-table" id={id}>
      {caption ? <caption>{caption}</caption> : null}
      <thead>
        <tr>
          {columns.map(([label, , numeric], i) => (
            <th key={i} scope="col" class={numeric ? 'num' : undefined} aria-sort={header?.[i]?.[1]}>
              {header?.[i] ? header[i][0] : label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length ? (
          rows.map((r, j) => (
            <tr key={j}>
              {columns.map(([, fn, numeric], i) => {
                const v = fn(r);
                const text = numeric ? formatNumber(v as number | null | undefined) : (v ?? '—');
                return i ? (
                  <td key={i} class={numeric ? 'num' : undefined}>
                    {text}
                  </td>
                ) : (
                  <th key={i} scope="row" class={numeric ? 'num' : undefined}>
                    {text}
                  </th>
                );
              })}
            </tr>
          ))
        ) : (
          <tr>
            <td colSpan={columns.length} class="empty">
              Bu dönemde veri yok
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

/** The chart, its caption, a legend and the same figures as a table for screen readers and copying. */
function Figure({
  id,
  title,
  note,
  legend,
  table,
  children,
}: {
  id: string;
  title: string;
  /** A line under the title on how the figures were reached. */
  note?: string;
  legend: [string, number][];
  table: ComponentChildren;
  children: ComponentChildren;
}) {
  return (
    <figure class="chart" id={id}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      {note ? <p class="chart-note">{note}</p> : null}
      {legend.length ? (
        <ul class="legend" aria-hidden="true">
          {legend.map(([label, index]) => (
            <li key={label}>
              <span class={`swatch series-${index}`} />
              {label}
            </li>
          ))}
        </ul>
      ) : null}
      {children}
      <details class="chart-data">
        <summary>Veri tablosu</summary>
        <div id={`${id}-table`}>{table}</div>
      </details>
    </figure>
  );
}

/** [key, label, colour index] */
export type Series = [string, string, number];

/**
 * Vertical stacked bars: one column per category, one coloured segment per series.
 * `value(category, key)` is the segment's height.
 */
export function StackedBars({
  id,
  title,
  categories,
  categoryLabel,
  series,
  value,
  table,
}: {
  id: string;
  title: string;
  categories: string[];
  categoryLabel: (c: string) => string;
  series: Series[];
  value: (category: string, key: string) => number | undefined;
  table: ComponentChildren;
}) {
  const height = 240;
  const [left, bottom, top] = [44, 40, 10];
  const plot = { w: WIDTH - left - 8, h: height - bottom - top };
  const totals = categories.map((c) => series.reduce((sum, [key]) => sum + (value(c, key) ?? 0), 0));
  const max = niceMax(Math.max(0, ...totals));
  const slot = plot.w / Math.max(1, categories.length);
  const bar = Math.max(2, slot * 0.7);
  const y = (v: number) => top + plot.h - (v / max) * plot.h;
  const every = Math.ceil(categories.length / 12);
  return (
    <Figure id={id} title={title} legend={series.map(([, label, colour]) => [label, colour])} table={table}>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} class="chart-svg" role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-table`}>
        {[0, max / 2, max].map((tick) => (
          <g class="grid" key={tick}>
            <line x1={left} x2={WIDTH - 8} y1={y(tick)} y2={y(tick)} />
            <text x={left - 6} y={y(tick) + 4} text-anchor="end">
              {formatNumber(tick)}
            </text>
          </g>
        ))}
        {categories.map((c, i) => {
          let base = 0;
          const x = left + i * slot + (slot - bar) / 2;
          return (
            <g class="column" data-category={c} key={c}>
              {series.map(([key, label, colour]) => {
                const v = value(c, key) ?? 0;
                if (!v) return null;
                const rect = (
                  <rect key={key} class={`bar series-${colour}`} data-series={key} x={x} y={y(base + v)} width={bar} height={(v / max) * plot.h}>
                    <title>{`${categoryLabel(c)} · ${label}: ${formatNumber(v)}`}</title>
                  </rect>
                );
                base += v;
                return rect;
              })}
              {i % every === 0 ? (
                <text class="axis" x={x + bar / 2} y={height - bottom + 16} text-anchor="middle">
                  {categoryLabel(c)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
    </Figure>
  );
}

/**
 * Horizontal grouped bars: one row per item, one bar per measure, labelled with its value.
 * `max` fixes the scale (100 for percentages).
 */
export function HorizontalBars<R extends object>({
  id,
  title,
  rows,
  rowLabel,
  measures,
  max,
  unit = '',
  note,
  table,
}: {
  id: string;
  title: string;
  rows: R[];
  rowLabel: (r: R) => string;
  measures: [keyof R & string, string, number][];
  max?: number;
  unit?: string;
  note?: string;
  table: ComponentChildren;
}) {
  const barHeight = 14;
  // The row's name on its own line above its bars: long policy names are never clipped.
  const rowHeight = 18 + measures.length * (barHeight + 2) + 8;
  const height = Math.max(1, rows.length) * rowHeight + 4;
  const num = (r: R, key: keyof R) => r[key] as unknown as number | null | undefined;
  const scale = max ?? niceMax(Math.max(0, ...rows.flatMap((r) => measures.map(([key]) => num(r, key) ?? 0))));
  const plotWidth = WIDTH - 70;
  return (
    <Figure id={id} title={title} note={note} legend={measures.map(([, label, colour]) => [label, colour])} table={table}>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} class="chart-svg" role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-table`}>
        {rows.map((r, i) => {
          const top = 4 + i * rowHeight;
          return (
            <g class="row" key={i}>
              <text class="axis" x={0} y={top + 12}>
                {rowLabel(r)}
              </text>
              {measures.map(([key, label, colour], j) => {
                const v = num(r, key);
                const missing = v === null || v === undefined;
                const y = top + 18 + j * (barHeight + 2);
                const w = missing ? 0 : Math.max(1, (v / scale) * plotWidth);
                return (
                  <g key={key}>
                    {missing ? null : (
                      <rect class={`bar series-${colour}`} data-series={key} x={0} y={y} width={w} height={barHeight}>
                        <title>{`${rowLabel(r)} · ${label}: ${formatNumber(v)}${unit}`}</title>
                      </rect>
                    )}
                    <text class="value" x={w + 4} y={y + barHeight - 3}>
                      {missing ? `${label}: —` : `${formatNumber(v)}${unit}`}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
    </Figure>
  );
}
