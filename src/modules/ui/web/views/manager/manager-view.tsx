import { useEffect, useState } from 'preact/hooks';
import { api, type Page } from '../../api';
import { toast } from '../../components';
import { countdown } from '../../format';
import type { RouteProps } from '../../router';
import type { Ref, TicketRow } from '../types';
import { Reports } from './reports';

interface SummaryRow {
  department: Ref | null;
  category: Ref | null;
  open: number;
  overdue: number;
  answered: number;
}

const Num = ({ n, late }: { n: number; late?: boolean }) => <td class={`num ${late && n ? 'late' : ''}`}>{String(n)}</td>;

/** Open, overdue and answered counts per department and subject, the overdue tickets waiting, then the period's reports. */
export function ManagerView({ user }: RouteProps) {
  const [rows, setRows] = useState<SummaryRow[]>([]);
  const [overdue, setOverdue] = useState<TicketRow[]>([]);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    Promise.all([api<SummaryRow[]>('/tickets/summary'), api<Page<TicketRow>>('/tickets', { query: { overdue: true, sort: 'resolutionDueAt', pageSize: 50 } })])
      .then(([summary, late]) => {
        setRows(summary);
        setOverdue(late.items);
      })
      .catch((e: Error) => toast(e.message, 'error'))
      .finally(() => setLoaded(true));
  }, []);

  const byDept = new Map<string, { open: number; overdue: number; answered: number; subjects: SummaryRow[] }>();
  for (const r of rows) {
    const key = r.department?.name ?? 'Birimi belirlenmemiş (ön değerlendirme)';
    const sum = byDept.get(key) ?? { open: 0, overdue: 0, answered: 0, subjects: [] };
    sum.open += r.open;
    sum.overdue += r.overdue;
    sum.answered += r.answered;
    sum.subjects.push(r);
    byDept.set(key, sum);
  }
  return (
    <>
      <h1>Yönetici özeti</h1>
      {loaded ? null : <p aria-busy="true">Özet yükleniyor…</p>}
      <table class="summary" hidden={!loaded}>
        <caption>Birim ve konu bazında başvurular</caption>
        <thead>
          <tr>
            {['Birim / konu', 'Açık', 'Gecikmiş', 'Yanıtlanan'].map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        {[...byDept.entries()].map(([name, s]) => (
          <tbody key={name}>
            <tr class="dept">
              <th scope="row">{name}</th>
              <Num n={s.open} />
              <Num n={s.overdue} late />
              <Num n={s.answered} />
            </tr>
            {s.subjects.map((r, i) => (
              <tr key={i}>
                <td class="subject">{r.category?.name ?? 'Konusuz'}</td>
                <Num n={r.open} />
                <Num n={r.overdue} late />
                <Num n={r.answered} />
              </tr>
            ))}
          </tbody>
        ))}
      </table>
      <h2>Süresi aşılan başvurular (üst makam bekliyor)</h2>
      {overdue.length ? (
        <ul class="plain">
          {overdue.map((t) => (
            <li key={t.id}>
              <a href={`#/basvuru/${t.id}`}>{t.trackingNo}</a>
              {` ${t.subject} · ${t.department?.name ?? '—'} · `}
              <span class="late">{countdown(t.resolutionDueAt).text}</span>
            </li>
          ))}
        </ul>
      ) : loaded ? (
        <p>Süresi aşılan başvuru yok.</p>
      ) : null}
      <Reports user={user} />
    </>
  );
}
