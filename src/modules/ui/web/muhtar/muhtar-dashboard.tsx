import { useEffect, useState } from 'preact/hooks';
import { api, type Page } from '../api';
import { Field, Pagination, toast } from '../components';
import { formatNumber, formatTime } from '../format';
import type { RouteProps } from '../router';
import { Activity, ACTIVITY_KIND_LABELS, Indicator, IndicatorReport, isoDay } from './types';
import './muhtar.css';

const ACTIVITY_KIND: Record<string, string> = { 'PG7.4.1': 'coordination_meeting', 'PG7.4.2': 'visit' };
const UNIT: Record<Indicator['unit'], string> = { count: 'adet', percent: '%', days: 'gün' };

function halfYear(now: Date): [string, string] {
  const today = isoDay(now);
  const year = today.slice(0, 4);
  return today.slice(5, 7) <= '06' ? [`${year}-01-01`, today] : [`${year}-07-01`, today];
}

const shown = (i: Indicator) => (i.value === null ? '—' : `${formatNumber(i.value)} ${UNIT[i.unit]}`);
const drillHash = (code: string, from: string, to: string) => `#/muhtar/gostergeler/${code}/${from}/${to}`;

/** PG7.4.1–PG7.4.5 for a period beside the plan's targets (from the municipality's data file), their weights and the goal's score. */
export function MuhtarDashboard({ params }: RouteProps) {
  const [initialFrom, initialTo] = halfYear(new Date());
  const [from, setFrom] = useState(params.from ?? initialFrom);
  const [to, setTo] = useState(params.to ?? initialTo);
  const [report, setReport] = useState<IndicatorReport | null>(null);
  useEffect(() => {
    setReport(null);
    api<IndicatorReport>('/reports/muhtar-indicators', { query: { from, to } }).then(setReport, (e: Error) => toast(e.message, 'error'));
  }, [from, to]);
  return (
    <>
      <h1>Muhtar göstergeleri (PG7.4)</h1>
      <p>
        <a href="#/muhtar">Muhtar takvimi</a>
      </p>
      <div class="muhtar-filters">
        <Field id="md-from" label="Başlangıç">
          <input type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        </Field>
        <Field id="md-to" label="Bitiş">
          <input type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        </Field>
      </div>
      {report ? (
        <>
          <p class="muhtar-score" data-testid="muhtar-score">
            Hedef puanı: <strong>{report.score.value === null ? '—' : `${formatNumber(report.score.value)} / 100`}</strong>
            {report.score.weightCounted < report.score.weightTotal ? ` (değeri olan göstergelerin ağırlığı: %${report.score.weightCounted})` : ''}
          </p>
          <table class="muhtar-kpis">
            <caption>
              {report.period.from} – {report.period.to} ({report.period.days} gün)
            </caption>
            <thead>
              <tr>
                <th scope="col">Gösterge</th>
                <th scope="col" class="num">
                  Değer
                </th>
                <th scope="col" class="num">
                  Dönem hedefi
                </th>
                <th scope="col" class="num">
                  Yıllık hedef (plan dönemi)
                </th>
                <th scope="col">Durum</th>
                <th scope="col" class="num">
                  Ağırlık
                </th>
                <th scope="col" class="num">
                  Gerçekleşme
                </th>
              </tr>
            </thead>
            <tbody>
              {report.indicators.map((i) => (
                <tr key={i.code} data-code={i.code}>
                  <th scope="row">
                    {i.code} {i.name}
                  </th>
                  <td class="num">
                    <a href={drillHash(i.code, report.period.from, report.period.to)} aria-label={`${shown(i)} — ${i.code} listesi`}>
                      {shown(i)}
                    </a>
                  </td>
                  <td class="num">
                    {i.comparison === 'at_most' ? '≤ ' : '≥ '}
                    {formatNumber(i.targetForPeriod)}
                  </td>
                  <td class="num">
                    {formatNumber(i.target)} ({i.planPeriod}
                    {i.targetCarried ? ', son plan yılı' : ''})
                  </td>
                  <td class={i.met === null ? '' : i.met ? 'met' : 'missed'}>{i.met === null ? 'Veri yok' : i.met ? 'Tuttu' : 'Tutmadı'}</td>
                  <td class="num">%{i.weight}</td>
                  <td class="num">{i.achievement === null ? '—' : `%${formatNumber(Math.round(i.achievement * 1000) / 10)}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.planBasis ? <p class="hint">Hedefler ve ağırlıklar: {report.planBasis}</p> : null}
        </>
      ) : (
        <p aria-busy="true">Göstergeler hesaplanıyor…</p>
      )}
    </>
  );
}

interface TicketRow {
  id: string;
  trackingNo: string;
  subject: string;
  createdAt: string;
}

/** What a figure counts: the meetings or visits held, or the tickets behind PG7.4.3–5. */
export function MuhtarDrillDown({ params }: RouteProps) {
  const code = params.code ?? '';
  const from = params.from ?? '';
  const to = params.to ?? '';
  const kind = ACTIVITY_KIND[code];
  const [activities, setActivities] = useState<Activity[] | null>(null);
  const [tickets, setTickets] = useState<Page<TicketRow> | null>(null);
  const [page, setPage] = useState(1);
  useEffect(() => {
    if (kind) api<Activity[]>('/muhtar-activities', { query: { from, to, kind, held: true } }).then(setActivities, (e: Error) => toast(e.message, 'error'));
    else
      api<Page<TicketRow>>(`/reports/muhtar-indicators/${code}/tickets`, { query: { from, to, page, pageSize: 50 } }).then(setTickets, (e: Error) =>
        toast(e.message, 'error'),
      );
  }, [code, from, to, page]);
  return (
    <>
      <p>
        <a href={`#/muhtar/gostergeler/${from}/${to}`}>Göstergelere dön</a>
      </p>
      <h1>
        {code}: {from} – {to}
      </h1>
      {kind ? (
        activities ? (
          <ul class="muhtar-list" aria-label={`${ACTIVITY_KIND_LABELS[kind as 'visit']} listesi`}>
            {activities.map((a) => (
              <li key={a.id}>
                <span>{formatTime(a.heldAt)}</span>
                <a href={`#/muhtar/etkinlik/${a.id}`}>{a.title}</a>
                <span>{a.mahalle?.name ?? 'Tüm muhtarlar'}</span>
                <span class="state">
                  Katılım {a.attendance ?? '—'} · {a.ticketCount ?? 0} başvuru
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p aria-busy="true">Yükleniyor…</p>
        )
      ) : tickets ? (
        <>
          <ul class="muhtar-list" aria-label="Başvurular">
            {tickets.items.map((t) => (
              <li key={t.id}>
                <a href={`#/basvuru/${t.id}`}>{t.trackingNo}</a>
                <span>{t.subject}</span>
                <span class="state">{formatTime(t.createdAt)}</span>
              </li>
            ))}
          </ul>
          <Pagination page={page} pageSize={50} total={tickets.total} onPage={setPage} />
        </>
      ) : (
        <p aria-busy="true">Yükleniyor…</p>
      )}
    </>
  );
}
