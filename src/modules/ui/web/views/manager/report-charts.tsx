import { useState } from 'preact/hooks';
import { CHANNEL_LABELS, LEGAL_BASIS_LABELS, type TicketChannel } from '@app/domain';
import { DataTable, HorizontalBars, StackedBars, type Series } from './charts';
import {
  INTERVALS,
  NO_DEPT,
  periodLabel,
  periods,
  type ComplianceRow,
  type Data,
  type EscalationRow,
  type Interval,
  type MahalleRow,
  type Report,
  type ResolutionRow,
  type SummaryRow,
  type VolumeRow,
} from './report-data';

export function Charts({ data }: { data: Data }) {
  return (
    <>
      <SummaryFigures row={data.summary} />
      <VolumeChart report={data.volume} interval={data.interval} />
      <ResolutionChart rows={data.resolution} />
      <ComplianceChart rows={data.compliance} />
      <EscalationChart rows={data.escalations} />
      <MahalleTable rows={data.mahalleler} />
    </>
  );
}

function SummaryFigures({ row }: { row: SummaryRow }) {
  const items: [string, number | null | undefined, string?][] = [
    ['Başvuru', row.tickets],
    ['Sonuçlanan', row.resolved],
    ['Açık', row.open],
    ['Aynı gün yanıtlanan', row.answeredSameDayPercent, '%'],
    ['Görüşmede çözülen (telefon)', row.solvedDuringCallPercent, '%'],
  ];
  const number = new Intl.NumberFormat('tr-TR', { maximumFractionDigits: 1 });
  return (
    <dl class="figures" aria-label="Dönem özeti">
      {items.map(([label, value, unit]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value === null || value === undefined ? '—' : `${number.format(value)}${unit ?? ''}`}</dd>
        </div>
      ))}
    </dl>
  );
}

function VolumeChart({ report, interval }: { report: Report<VolumeRow>; interval: Interval }) {
  const counts = new Map(report.rows.map((r) => [`${r.period}|${r.channel}`, r.tickets]));
  const used = new Set(report.rows.map((r) => r.channel));
  const series: Series[] = (Object.keys(CHANNEL_LABELS) as TicketChannel[])
    .map((key, i): Series => [key, CHANNEL_LABELS[key], i])
    .filter(([key]) => used.has(key as TicketChannel));
  return (
    <StackedBars
      id="chart-volume"
      title={`Kanallara göre başvuru sayısı (${INTERVALS[interval].toLocaleLowerCase('tr-TR')} bazında)`}
      categories={periods(report.period.from, report.period.to, interval)}
      categoryLabel={(p) => periodLabel(p, interval)}
      series={series}
      value={(p, channel) => counts.get(`${p}|${channel}`)}
      table={
        <DataTable
          columns={[
            ['Dönem', (r: VolumeRow) => r.period],
            ['Kanal', (r: VolumeRow) => CHANNEL_LABELS[r.channel] ?? r.channel],
            ['Başvuru', (r: VolumeRow) => r.tickets, true],
          ]}
          rows={report.rows}
        />
      }
    />
  );
}

function ResolutionChart({ rows }: { rows: ResolutionRow[] }) {
  const label = (r: ResolutionRow) => r.label ?? NO_DEPT;
  return (
    <HorizontalBars
      id="chart-resolution"
      title="Birimlere göre sonuçlandırma süresi (iş günü)"
      rows={rows}
      rowLabel={label}
      unit=" gün"
      note={
        rows.some((r) => r.percentiles === 'approximate')
          ? 'Ortanca ve %90 dilim geçmiş ayların süre dağılımlarından okundu: gerçek değerden en çok %2 sapabilir. Sayılar ve ortalamalar kesindir.'
          : undefined
      }
      measures={[
        ['workingDaysMedian', 'Ortanca', 0],
        ['workingDaysP90', '%90 dilim', 3],
      ]}
      table={
        <DataTable
          columns={[
            ['Birim', label],
            ['Sonuçlanan', (r) => r.resolved, true],
            ['Ortanca (iş günü)', (r) => r.workingDaysMedian, true],
            ['%90 dilim (iş günü)', (r) => r.workingDaysP90, true],
            ['Ortalama (iş günü)', (r) => r.workingDaysMean, true],
            ['Ortanca (takvim günü)', (r) => r.daysMedian, true],
          ]}
          rows={rows}
        />
      }
    />
  );
}

function ComplianceChart({ rows }: { rows: ComplianceRow[] }) {
  const label = (r: ComplianceRow) =>
    `${r.legalBasis ? (LEGAL_BASIS_LABELS[r.legalBasis] ?? r.legalBasis) : 'Dayanak yok'} · ${r.policy ?? 'Süre politikası yok'}`;
  return (
    <HorizontalBars
      id="chart-compliance"
      title="Süresinde yanıtlanma oranı (yasal dayanak ve süre politikasına göre)"
      rows={rows}
      rowLabel={label}
      max={100}
      unit="%"
      measures={[
        ['resolutionMetPercent', 'Sonuçlandırma süresinde', 1],
        ['firstResponseMetPercent', 'İlk yanıt süresinde', 2],
      ]}
      table={
        <DataTable
          columns={[
            ['Dayanak · politika', label],
            ['Başvuru', (r) => r.tickets, true],
            ['Süresinde', (r) => r.resolutionMet, true],
            ['Süresi aşılan', (r) => r.resolutionMissed, true],
            ['Süresi dolmamış', (r) => r.resolutionPending, true],
            ['Süresinde (%)', (r) => r.resolutionMetPercent, true],
            ['İlk yanıt süresinde (%)', (r) => r.firstResponseMetPercent, true],
          ]}
          rows={rows}
        />
      }
    />
  );
}

function EscalationChart({ rows }: { rows: EscalationRow[] }) {
  const label = (r: EscalationRow) => r.department ?? NO_DEPT;
  return (
    <HorizontalBars
      id="chart-escalations"
      title="Birimlere göre uyarı, süre aşımı ve üst makama bildirim"
      rows={rows}
      rowLabel={label}
      measures={[
        ['warnings', 'Uyarı', 4],
        ['breaches', 'Süre aşımı', 3],
        ['escalatedAbove', 'Üst makama bildirilen', 5],
      ]}
      table={
        <DataTable
          columns={[
            ['Birim', label],
            ['Başvuru', (r) => r.tickets, true],
            ['Uyarı', (r) => r.warnings, true],
            ['Süre aşımı', (r) => r.breaches, true],
            ['Üst makama', (r) => r.escalatedAbove, true],
          ]}
          rows={rows}
        />
      }
    />
  );
}

/** Sorted by ticket count, most first; the column header button flips the order. */
function MahalleTable({ rows }: { rows: MahalleRow[] }) {
  const [descending, setDescending] = useState(true);
  const sorted = [...rows].sort(
    (a, b) => (descending ? b.tickets - a.tickets : a.tickets - b.tickets) || (a.mahalle ?? '').localeCompare(b.mahalle ?? '', 'tr'),
  );
  return (
    <section class="mahalle-report" aria-labelledby="mahalle-title">
      <h3 id="mahalle-title">Mahalle tablosu</h3>
      <p class="hint">Mahallelerin koordinatları kayıtlı olmadığından harita gösterilemiyor; sayılar tabloda.</p>
      <DataTable
        caption="Mahallelere göre başvurular"
        id="mahalle-table"
        columns={[
          ['Mahalle', (r) => r.mahalle ?? 'Mahallesi belirlenmemiş'],
          ['Başvuru', (r) => r.tickets, true],
          ['Açık', (r) => r.open, true],
          ['Ortalama sonuçlandırma (gün)', (r) => r.resolutionDaysMean, true],
          ['Süresinde (%)', (r) => r.deadlineMetPercent, true],
        ]}
        rows={sorted}
        header={{
          1: [
            <button type="button" class="link" onClick={() => setDescending((d) => !d)}>
              Başvuru<span aria-hidden="true">{descending ? ' ▼' : ' ▲'}</span>
            </button>,
            descending ? 'descending' : 'ascending',
          ],
        }}
      />
    </section>
  );
}
