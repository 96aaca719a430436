import { useEffect, useState } from 'preact/hooks';
import { AGENT_STATE_LABELS, AgentState } from '@app/domain';
import { api, ApiError } from '../api';
import { Field } from '../components';
import { clock, percentText, type CallCentreReport, type CallFigures } from './types';
import './call-centre.css';

const COLUMNS: [string, (f: CallFigures) => string][] = [
  ['Gelen', (f) => String(f.offered)],
  ['Yanıtlanan', (f) => String(f.answered)],
  ['Vazgeçen', (f) => String(f.abandoned)],
  ['Vazgeçme bekleyişi (ort.)', (f) => clock(f.averageAbandonWaitSeconds)],
  ['Sesli mesaja', (f) => String(f.voicemail)],
  ['Ort. yanıtlama', (f) => clock(f.averageSpeedOfAnswerSeconds)],
  ['Ort. görüşme', (f) => clock(f.averageHandlingSeconds)],
  ['Hizmet düzeyi', (f) => percentText(f.serviceLevelPercent)],
  ['Görüşmede çözülen', (f) => percentText(f.solvedDuringCallPercent)],
];

function FiguresTable({ id, caption, head, rows }: { id: string; caption: string; head: string; rows: [string, CallFigures][] }) {
  return (
    <table id={id}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          {COLUMNS.map(([label]) => (
            <th scope="col" key={label}>
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([name, f]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            {COLUMNS.map(([label, value]) => (
              <td key={label}>{value(f)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const STATES = [AgentState.Available, AgentState.OnCall, AgentState.WrapUp, AgentState.Break];

/** The call centre's figures for a period: in total, per hour, day and agent, and the agents' time per state. */
export function CallCentreFigures() {
  // Empty at first: the server's today (its clock, Istanbul), then the period it answered for.
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [report, setReport] = useState<CallCentreReport | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const load = () =>
    api<CallCentreReport>('/call-centre/figures', { query: { ...(from ? { from } : {}), ...(to ? { to } : {}) } }).then(
      (r) => {
        setReport(r);
        setFrom(r.from);
        setTo(r.to);
        setErrors({});
      },
      (e: Error) => setErrors(e instanceof ApiError && Object.keys(e.fields).length ? e.fields : { to: e.message }),
    );
  useEffect(() => void load(), []);
  return (
    <section class="card cc-figures" aria-labelledby="cc-title">
      <h1 id="cc-title">Çağrı merkezi rakamları</h1>
      <form
        class="row"
        onSubmit={(event) => {
          event.preventDefault();
          void load();
        }}
      >
        <Field id="cc-from" label="Başlangıç" error={errors.from}>
          <input type="date" value={from} onInput={(e) => setFrom((e.target as HTMLInputElement).value)} />
        </Field>
        <Field id="cc-to" label="Bitiş" error={errors.to}>
          <input type="date" value={to} onInput={(e) => setTo((e.target as HTMLInputElement).value)} />
        </Field>
        <button type="submit">Göster</button>
      </form>
      {report ? (
        <>
          <p id="cc-target">
            Hizmet düzeyi: {report.serviceLevel.thresholdSeconds} saniye içinde yanıtlanan çağrıların gelen çağrılara oranı (hedef %
            {report.serviceLevel.targetPercent}). Bekleyen sesli mesaj: {report.voicemailsWaiting}.
          </p>
          <FiguresTable id="cc-total" caption="Dönem toplamı" head="Dönem" rows={[[`${report.from} – ${report.to}`, report.total]]} />
          <FiguresTable id="cc-by-day" caption="Günlere göre" head="Gün" rows={report.byDay.map((d) => [d.day, d])} />
          <FiguresTable id="cc-by-hour" caption="Saatlere göre" head="Saat" rows={report.byHour.map((h) => [`${String(h.hour).padStart(2, '0')}:00`, h])} />
          <FiguresTable id="cc-by-agent" caption="Temsilcilere göre" head="Temsilci" rows={report.byAgent.map((a) => [a.fullName, a])} />
          <table id="cc-states">
            <caption>Temsilci durumlarının süreleri</caption>
            <thead>
              <tr>
                <th scope="col">Temsilci</th>
                {STATES.map((s) => (
                  <th scope="col" key={s}>
                    {AGENT_STATE_LABELS[s]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.agentStates.map((a) => (
                <tr key={a.userId}>
                  <th scope="row">{a.fullName}</th>
                  {STATES.map((s) => (
                    <td key={s}>{clock(a.seconds[s])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
