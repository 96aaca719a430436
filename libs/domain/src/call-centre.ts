/** What a call-centre agent is doing: set by the agent (the header's switcher) and by the softphone's calls. */
export enum AgentState {
  Available = 'available',
  OnCall = 'on_call',
  WrapUp = 'wrap_up',
  Break = 'break',
  /** Signed out of the phone: the end of a working stretch, so the last state's duration stops. */
  Offline = 'offline',
}

export const AGENT_STATE_LABELS: Readonly<Record<string, string>> = {
  [AgentState.Available]: 'Çağrıya hazır',
  [AgentState.OnCall]: 'Görüşmede',
  [AgentState.WrapUp]: 'Görüşme sonrası işlem',
  [AgentState.Break]: 'Molada',
  [AgentState.Offline]: 'Çevrim dışı',
};

/** The states an agent picks in the header; "on a call" comes from the phone. */
export const AGENT_CHOSEN_STATES: readonly AgentState[] = [AgentState.Available, AgentState.WrapUp, AgentState.Break, AgentState.Offline];
