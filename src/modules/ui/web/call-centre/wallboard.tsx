import { useEffect, useState } from 'preact/hooks';
import { AGENT_STATE_LABELS, AgentState } from '@app/domain';
import { api } from '../api';
import { useWallboardChanges } from '../live';
import { session } from '../session';
import { clock, percentText, type Wallboard } from './types';
import './call-centre.css';

const AGENT_TILES: AgentState[] = [AgentState.Available, AgentState.OnCall, AgentState.WrapUp, AgentState.Break];

function Tile({ id, label, value, tone, note }: { id: string; label: string; value: string; tone?: 'ok' | 'late'; note?: string }) {
  return (
    <div class={`wb-tile${tone ? ` wb-${tone}` : ''}`} id={id}>
      <span class="wb-label">{label}</span>
      <span class="wb-value">{value}</span>
      {note ? <span class="wb-note">{note}</span> : null}
    </div>
  );
}

/**
 * The call-centre room's wall screen: calls waiting and the longest wait (ticking between
 * updates), agents by state, today's service level against the municipality's target. Re-read
 * whenever the live stream says a call or an agent moved.
 */
export function WallboardView() {
  const [board, setBoard] = useState<Wallboard | null>(null);
  const [readAt, setReadAt] = useState(Date.now());
  const [now, setNow] = useState(Date.now());
  const [error, setError] = useState<string | null>(null);
  const load = () =>
    api<Wallboard>('/call-centre/wallboard').then(
      (b) => {
        setBoard(b);
        setReadAt(Date.now());
        setError(null);
      },
      (e: Error) => setError(e.message),
    );
  const live = useWallboardChanges(session.get()?.token ?? '', () => void load());
  useEffect(() => {
    void load();
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, []);
  if (!board)
    return error ? (
      <p class="error" role="alert">
        {error}
      </p>
    ) : (
      <p>Yükleniyor…</p>
    );
  const waited = board.longestWaitSeconds === null ? null : board.longestWaitSeconds + (now - readAt) / 1000;
  const level = board.serviceLevel;
  return (
    <section class="wallboard" aria-labelledby="wb-title">
      <header class="wb-head">
        <h1 id="wb-title">Çağrı merkezi</h1>
        <span class="wb-live" data-state={live} role="status">
          {live === 'on' ? 'Canlı' : 'Bağlantı bekleniyor'}
        </span>
        <button type="button" class="secondary" onClick={() => void document.documentElement.requestFullscreen?.()}>
          Tam ekran
        </button>
      </header>
      <div class="wb-grid">
        <Tile id="wb-waiting" label="Bekleyen çağrı" value={String(board.waitingCalls)} tone={board.waitingCalls ? 'late' : undefined} />
        <Tile id="wb-longest" label="En uzun bekleme" value={clock(waited)} />
        <Tile
          id="wb-service-level"
          label="Bugünkü hizmet düzeyi"
          value={percentText(board.today.serviceLevelPercent)}
          tone={level.met === null ? undefined : level.met ? 'ok' : 'late'}
          note={`Hedef: çağrıların %${level.targetPercent}'i ${level.thresholdSeconds} saniye içinde`}
        />
        <Tile id="wb-voicemail" label="Bekleyen sesli mesaj" value={String(board.voicemailsWaiting)} />
        {AGENT_TILES.map((state) => (
          <Tile key={state} id={`wb-agents-${state}`} label={AGENT_STATE_LABELS[state]} value={String(board.agents[state])} />
        ))}
        <Tile id="wb-offered" label="Bugün gelen" value={String(board.today.offered)} note={`${board.today.answered} yanıtlandı`} />
        <Tile id="wb-abandoned" label="Bugün vazgeçen" value={String(board.today.abandoned)} note={`${board.today.voicemail} sesli mesaja`} />
        <Tile id="wb-asa" label="Ortalama yanıtlama" value={clock(board.today.averageSpeedOfAnswerSeconds)} />
        <Tile id="wb-aht" label="Ortalama görüşme" value={clock(board.today.averageHandlingSeconds)} />
      </div>
      <table class="wb-agents" id="wb-agent-list">
        <caption>Temsilciler</caption>
        <thead>
          <tr>
            <th scope="col">Temsilci</th>
            <th scope="col">Durum</th>
            <th scope="col">Süre</th>
          </tr>
        </thead>
        <tbody>
          {board.agentList.map((agent, i) => (
            <tr key={i} class={`wb-state-${agent.state}`}>
              <td>{agent.fullName}</td>
              <td>{AGENT_STATE_LABELS[agent.state]}</td>
              <td>{agent.since ? clock((Date.parse(board.at) - Date.parse(agent.since) + now - readAt) / 1000) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
