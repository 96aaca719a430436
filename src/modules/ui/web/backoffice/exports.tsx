import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, apiBlob } from '../api';
import { Field, Select, toast } from '../components';
import { formatNumber, formatTime } from '../format';
import './backoffice.css';

/** One export as GET /reports/exports(/:id) shows it. */
export interface ExportRow {
  id: string;
  report: string;
  format: 'csv' | 'xlsx';
  state: 'queued' | 'running' | 'done' | 'failed';
  rowsWritten: number;
  rowsTotal: number | null;
  percent: number;
  error: string | null;
  fileBytes: number | null;
  download: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/** The reports the exports job knows (the reports module's REPORT_NAMES), as staff name them. */
const REPORT_LABELS: Record<string, string> = {
  tickets: 'Başvuru listesi (kişisel veri olmadan)',
  volume: 'Başvuru sayıları',
  'resolution-times': 'Sonuçlandırma süreleri',
  summary: 'Özet',
  'deadline-compliance': 'Sürelere uyum',
  backlog: 'Bekleyen başvurular',
  escalations: 'Süre uyarıları ve aşımları',
  'top-subjects': 'En sık konular',
  mahalleler: 'Mahallelere göre',
  'bilgi-edinme': 'Bilgi edinme (4982)',
  cimer: 'CİMER',
};
const STATE_LABELS: Record<ExportRow['state'], string> = { queued: 'Sırada', running: 'Hazırlanıyor', done: 'Hazır', failed: 'Başarısız' };
const FORMATS: [string, string][] = [
  ['csv', 'CSV'],
  ['xlsx', 'Excel (XLSX)'],
];

const isoDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const size = (bytes: number | null) =>
  bytes === null ? '—' : bytes < 1024 ? `${bytes} B` : bytes < 1048576 ? `${formatNumber(Math.round(bytes / 1024))} KB` : `${(bytes / 1048576).toFixed(1)} MB`;
const running = (e: ExportRow) => e.state === 'queued' || e.state === 'running';

/** Saves the export's file with the bearer header (a plain link would carry no token). */
async function download(e: ExportRow): Promise<void> {
  const blob = await apiBlob(`/reports/exports/${e.id}/file`);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${e.report}-${e.id.slice(0, 8)}.${e.format}`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Dışa aktarımlar: start a long export as a job, watch its progress, download the file; the
 * finished files of the last days (kept REPORTS_EXPORT_KEEP_HOURS) stay listed here.
 */
export function ExportsView() {
  const today = new Date();
  const [report, setReport] = useState('tickets');
  const [format, setFormat] = useState('csv');
  const [from, setFrom] = useState(isoDay(new Date(today.getTime() - 29 * 86_400_000)));
  const [to, setTo] = useState(isoDay(today));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [items, setItems] = useState<ExportRow[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);

  const load = () =>
    api<{ items: ExportRow[] }>('/reports/exports').then(
      (l) => {
        setItems(l.items);
        setMessage(null);
      },
      (e: Error) => setMessage(e.message),
    );
  useEffect(() => {
    void load();
  }, []);

  // While any export runs, its progress is read again every second.
  const active = (items ?? []).filter(running);
  useEffect(() => {
    if (!active.length) return undefined;
    const timer = setTimeout(() => {
      void Promise.all(active.map((e) => api<ExportRow>(`/reports/exports/${e.id}`).catch(() => e))).then((fresh) =>
        setItems((list) => (list ?? []).map((row) => fresh.find((f) => f.id === row.id) ?? row)),
      );
    }, 1000);
    return () => clearTimeout(timer);
  }, [items]);

  const start = async (event: Event) => {
    event.preventDefault();
    setStarting(true);
    setErrors({});
    try {
      const row = await api<ExportRow>('/reports/exports', { method: 'POST', body: { report, format, from, to } });
      setItems((list) => [row, ...(list ?? []).filter((r) => r.id !== row.id)]);
      toast('Dışa aktarım başladı; hazır olunca buradan indirebilirsiniz');
    } catch (e) {
      if (e instanceof ApiError && Object.keys(e.fields).length) setErrors(e.fields);
      else toast((e as Error).message, 'error');
    } finally {
      setStarting(false);
    }
  };

  return (
    <section class="exports" aria-labelledby="exports-title">
      <h1 id="exports-title">Dışa aktarımlar</h1>
      <form class="report-filters card" onSubmit={start} aria-label="Yeni dışa aktarım">
        <Field id="ex-report" label="Rapor" error={errors.report}>
          <Select options={Object.entries(REPORT_LABELS)} value={report} onChange={setReport} />
        </Field>
        <Field id="ex-from" label="Başlangıç tarihi" error={errors.from}>
          <input type="date" value={from} required onInput={(e) => setFrom((e.currentTarget as HTMLInputElement).value)} />
        </Field>
        <Field id="ex-to" label="Bitiş tarihi" error={errors.to}>
          <input type="date" value={to} required onInput={(e) => setTo((e.currentTarget as HTMLInputElement).value)} />
        </Field>
        <Field id="ex-format" label="Biçim" error={errors.format}>
          <Select options={FORMATS} value={format} onChange={setFormat} />
        </Field>
        <button type="submit" disabled={starting}>
          Dışa aktarmayı başlat
        </button>
      </form>
      <h2>Son günlerin dışa aktarımları</h2>
      {message ? (
        <p class="error" role="alert">
          {message}
        </p>
      ) : null}
      {items && !items.length ? <p class="empty">Son günlerde dışa aktarım yok.</p> : null}
      {items?.length ? (
        <table class="backoffice-table" id="exports-table">
          <caption class="sr-only">Dışa aktarımlarınız, en yenisi üstte</caption>
          <thead>
            <tr>
              <th scope="col">Başlatıldı</th>
              <th scope="col">Rapor</th>
              <th scope="col">Durum</th>
              <th scope="col">İlerleme</th>
              <th scope="col">Dosya</th>
            </tr>
          </thead>
          <tbody>
            {items.map((e) => (
              <tr key={e.id} data-id={e.id} data-state={e.state}>
                <td>{formatTime(e.createdAt)}</td>
                <td>{`${REPORT_LABELS[e.report] ?? e.report} · ${e.format.toUpperCase()}`}</td>
                <td>
                  <span class={`state-${e.state}`}>{STATE_LABELS[e.state]}</span>
                  {e.error ? <div class="outbox-error">{e.error}</div> : null}
                </td>
                <td>
                  <progress class="export-progress" max={100} value={e.percent} aria-label={`İlerleme: yüzde ${e.percent}`} />
                  <div class="hint" aria-live={running(e) ? 'polite' : undefined}>
                    {`%${e.percent} · ${formatNumber(e.rowsWritten)}${e.rowsTotal === null ? '' : ` / ${formatNumber(e.rowsTotal)}`} satır`}
                  </div>
                </td>
                <td>
                  {e.state === 'done' ? (
                    <>
                      <button type="button" class="small" onClick={() => download(e).catch((err: Error) => toast(err.message, 'error'))}>
                        {`İndir (${size(e.fileBytes)})`}
                      </button>
                      <div class="hint">{`Bitti: ${formatTime(e.finishedAt)}`}</div>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
