import { useEffect, useRef, useState } from 'preact/hooks';
import { Role } from '@app/domain';
import { api, ApiError, cached } from '../../api';
import { Field, Select, optionsOf, toast } from '../../components';
import { formatTime } from '../../format';
import type { SessionUser } from '../../session';
import type { Department } from '../types';
import { Charts } from './report-charts';
import {
  INTERVALS,
  lastThirtyDays,
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
