import { useEffect, useRef, useState } from 'preact/hooks';
import { CHANNEL_LABELS, LEGAL_BASIS_LABELS, Role, type LegalBasis, type TicketChannel } from '@app/domain';
import { api, ApiError, cached } from '../../api';
import { Field, Select, optionsOf, toast } from '../../components';
import { formatTime } from '../../format';
import type { SessionUser } from '../../session';
import type { Department } from '../types';
import { DataTable, HorizontalBars, StackedBars, type Series } from './charts';

type Interval = 'day' | 'week' | 'month';
const INTERVALS: Record<Interval, string> = { day: 'Gün', week: 'Hafta', month: 'Ay' };
const NO_DEPT = 'Birimi belirlenmemiş';
const DAY = 86_400_000;
const istanbulDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Istanbul' });
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Today in Istanbul and 29 days before: the last 30 days, both ends included. */
function lastThirtyDays() {
  const to = istanbulDate.format(new Date());
  return { from: iso(Date.parse(to) - 29 * DAY), to };
}

/** Every period start between from and to, as the API's date_trunc names them, so empty days show as gaps. */
function periods(from: string, to: string, interval: Interval): string[] {
  const out: string[] = [];
  const d = new Date(Date.parse(from));
  if (interval === 'week') d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  if (interval === 'month') d.setUTCDate(1);
  while (d.getTime() <= Date.parse(to)) {
    out.push(iso(d.getTime()));
    if (interval === 'month') d.setUTCMonth(d.getUTCMonth() + 1);
    else d.setUTCDate(d.getUTCDate() + (interval === 'week' ? 7 : 1));
  }
  return out;
}

const periodLabel = (p: string, interval: Interval) => (interval === 'month' ? p.slice(0, 7) : `${p.slice(8, 10)}.${p.slice(5, 7)}`);

interface Report<R> {
  rows: R[];
  asOf?: string;
  period: { from: string; to: string };
}
interface VolumeRow {
  period: string;
  channel: TicketChannel;
  tickets: number;
}
interface ResolutionRow {
  label: string | null;
  resolved: number;
  workingDaysMedian: number | null;
  workingDaysP90: number | null;
  workingDaysMean: number | null;
  daysMedian: number | null;
}
interface ComplianceRow {
  legalBasis: LegalBasis | null;
  policy: string | null;
  tickets: number;
  resolutionMet: number;
  resolutionMissed: number;
  resolutionPending: number;
  resolutionMetPercent: number | null;
  firstResponseMetPercent: number | null;
}
interface EscalationRow {
  department: string | null;
  tickets: number;
  warnings: number;
  breaches: number;
  escalatedAbove: number;
}
interface MahalleRow {
  mahalle: string | null;
  tickets: number;
  open: number;
  resolutionDaysMean: number | null;
  deadlineMetPercent: number | null;
}
interface SummaryRow {
  tickets?: number;
  resolved?: number;
  open?: number;
  answeredSameDayPercent?: number | null;
  solvedDuringCallPercent?: number | null;
}

interface Data {
  interval: Interval;
  volume: Report<VolumeRow>;
  resolution: ResolutionRow[];
  compliance: ComplianceRow[];
  escalations: EscalationRow[];
  mahalleler: MahalleRow[];
  summary: SummaryRow;
}

/** The reports block of the manager view: a period and department picker above the charts. */
export function Reports({ user }: { user: SessionUser }) {
  const range = useRef(lastThirtyDays()).current;
  const [departments, setDepartments] = useState<Department[] | null>(user.role === Role.DepartmentManager ? [] : null);
  const [filters, setFilters] = useState({ from: range.from, to: range.to, interval: 'day' as Interval, departmentId: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [data, setData] = useState<Data | null>(null);

  useEffect(() => {
    if (departments === null)
      cached<Department[]>('/departments')
        .then(setDepartments)
        .catch(() => setDepartments([]));
    void load();
  }, []);

  async function load() {
    setErrors({});
    const query = { from: filters.from, to: filters.to, departmentId: filters.departmentId || undefined };
    const interval = filters.interval;
    setBusy(true);
    setStatus('Raporlar yükleniyor…');
    try {
      const get = <R,>(name: string, extra: Record<string, string> = {}) => api<Report<R>>(`/reports/${name}`, { query: { ...query, ...extra } });
      const [volume, resolution, compliance, mahalleler, escalations, summary] = await Promise.all([
        get<VolumeRow>('volume', { interval }),
        get<ResolutionRow>('resolution-times', { groupBy: 'department' }),
        get<ComplianceRow>('deadline-compliance'),
        get<MahalleRow>('mahalleler'),
        get<EscalationRow>('escalations'),
        get<SummaryRow>('summary'),
      ]);
      setData({
        interval,
        volume,
        resolution: resolution.rows,
        compliance: compliance.rows,
        escalations: escalations.rows,
        mahalleler: mahalleler.rows,
        summary: summary.rows[0] ?? {},
      });
      setStatus(`${query.from} – ${query.to} dönemi gösteriliyor. Veriler ${formatTime(volume.asOf)} itibarıyla günceldir.`);
    } catch (e) {
      const error = e as ApiError;
      const placed: Record<string, string> = {};
      for (const d of error.details ?? [])
        if (['from', 'to', 'interval', 'departmentId'].includes(d.field)) placed[d.field === 'departmentId' ? 'dept' : d.field] = d.message;
      setErrors(placed);
      if (!Object.keys(placed).length) toast(error.message, 'error');
      setStatus('Raporlar yüklenemedi.');
    } finally {
      setBusy(false);
    }
  }

  const set = (key: keyof typeof filters) => (value: string) => setFilters((f) => ({ ...f, [key]: value }));
  return (
    <>
      <h2>Raporlar</h2>
      <form
        class="card report-filters"
        aria-label="Rapor dönemi ve birim"
        onSubmit={(e) => {
          e.preventDefault();
          void load();
        }}
      >
        <Field id="rp-from" label="Başlangıç tarihi" error={errors.from}>
          <input name="from" type="date" required value={filters.from} onInput={(e) => set('from')(e.currentTarget.value)} />
        </Field>
        <Field id="rp-to" label="Bitiş tarihi" error={errors.to}>
          <input name="to" type="date" required value={filters.to} onInput={(e) => set('to')(e.currentTarget.value)} />
        </Field>
        <Field id="rp-interval" label="Zaman aralığı" error={errors.interval}>
          <Select value={filters.interval} onChange={set('interval')} options={optionsOf(INTERVALS)} />
        </Field>
        {departments?.length ? (
          <Field id="rp-dept" label="Birim" error={errors.dept}>
            <Select empty="Tüm birimler" value={filters.departmentId} onChange={set('departmentId')} options={departments.map((d) => [d.id, d.name])} />
          </Field>
        ) : null}
        <button type="submit">Raporları göster</button>
      </form>
      <p class="hint" role="status" aria-live="polite">
        {status}
      </p>
      <div class="reports" aria-busy={busy ? 'true' : 'false'}>
        {data ? <Charts data={data} /> : null}
      </div>
    </>
  );
}

function Charts({ data }: { data: Data }) {
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
