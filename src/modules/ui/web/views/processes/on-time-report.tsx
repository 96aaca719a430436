import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api';
import { formatNumber } from '../../format';
import type { Template } from './types';

interface Figures {
  ended: number;
  endedOnTime: number;
  onTimeRatio: number | null;
  target: number;
  targetMet: boolean | null;
  steps: { key: string; name: string; completed: number; onTime: number; onTimeRatio: number | null; medianDays: number | null; p90Days: number | null }[];
}

const percent = (r: number | null) => (r === null ? '—' : `%${formatNumber(r * 100)}`);

/** Per template: the share of ended instances whose every step was on time, against the template's target. */
export function OnTimeReport({ templates }: { templates: Template[] }) {
  const [reports, setReports] = useState<Record<string, Figures>>({});
  useEffect(() => {
    void Promise.all(templates.map(async (t) => [t.id, await api<Figures>(`/process-templates/${t.id}/report`).catch(() => null)] as const)).then((rows) =>
      setReports(Object.fromEntries(rows.filter(([, f]) => f)) as Record<string, Figures>),
    );
  }, [templates]);
  return (
    <section aria-labelledby="pr-report-title">
      <h3 id="pr-report-title">Zamanında tamamlanma</h3>
      {templates.map((t) => {
        const f = reports[t.id];
        if (!f) return null;
        return (
          <div key={t.id} class="pr-report" data-template={t.code}>
            <h4>{t.name}</h4>
            <p>
              Biten {f.ended} kaydın {f.endedOnTime} tanesi zamanında: <strong>{percent(f.onTimeRatio)}</strong> (hedef {percent(f.target)}){' '}
              {f.targetMet === null ? '' : f.targetMet ? '— hedef tuttu' : '— hedefin altında'}
            </p>
            {f.steps.length ? (
              <table>
                <caption>Adımlar, en yavaştan</caption>
                <thead>
                  <tr>
                    <th scope="col">Adım</th>
                    <th scope="col">Tamamlanan</th>
                    <th scope="col">Zamanında</th>
                    <th scope="col">Ortanca (gün)</th>
                    <th scope="col">%90 (gün)</th>
                  </tr>
                </thead>
                <tbody>
                  {f.steps.map((s) => (
                    <tr key={s.key}>
                      <td>
                        {s.key}. {s.name}
                      </td>
                      <td>{s.completed}</td>
                      <td>{percent(s.onTimeRatio)}</td>
                      <td>{formatNumber(s.medianDays)}</td>
                      <td>{formatNumber(s.p90Days)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </div>
        );
      })}
    </section>
  );
}
