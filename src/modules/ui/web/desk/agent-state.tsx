import { useEffect, useState } from 'preact/hooks';
import { AGENT_CHOSEN_STATES, AGENT_STATE_LABELS, AgentState } from '@app/domain';
import { api } from './deps';
import { chooseAgentState, knowAgentState, usePhoneState } from './phone-store';

interface CurrentState {
  state: AgentState;
  since: string | null;
}

/**
 * The agent's state in the header: available, wrap-up, break or offline, picked here; "on a call"
 * is set by the phone and shown while it lasts. Re-read when the softphone's call or presence changes.
 */
export function AgentStateSwitcher() {
  const phone = usePhoneState();
  const [current, setCurrent] = useState<CurrentState | null>(null);
  const load = () =>
    api<CurrentState>('/voice/state').then(
      (now) => {
        setCurrent(now);
        if (now.state !== AgentState.OnCall) knowAgentState(now.state);
      },
      () => setCurrent(null),
    );
  useEffect(() => void load(), [phone.presence, phone.call === null]);
  if (!current) return null;
  const onCall = current.state === AgentState.OnCall;
  return (
    <div class="agent-state">
      <label for="agent-state">Durumum</label>
      <select
        id="agent-state"
        value={current.state}
        disabled={onCall}
        onChange={async (event) => {
          if (await chooseAgentState((event.target as HTMLSelectElement).value as AgentState)) await load();
        }}
      >
        {(onCall ? [AgentState.OnCall, ...AGENT_CHOSEN_STATES] : AGENT_CHOSEN_STATES).map((state) => (
          <option key={state} value={state}>
            {AGENT_STATE_LABELS[state]}
          </option>
        ))}
      </select>
    </div>
  );
}
