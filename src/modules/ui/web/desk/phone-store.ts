import { useEffect, useState } from 'preact/hooks';
import { AgentState } from '@app/domain';
import { uiConfig } from './config';
import { api, toast } from './deps';
import { type Phone, type PhoneCall, type PhoneFactory, twilioPhone } from './phone';

export type Presence = 'available' | 'away';

export interface PhoneState {
  /** The server has Twilio Voice set up for browsers. */
  configured: boolean;
  /** The device holds a token and can place calls. */
  ready: boolean;
  presence: Presence;
  call: null | {
    direction: 'incoming' | 'outgoing';
    from: string;
    callSid: string | null;
    state: 'ringing' | 'open';
    muted: boolean;
    held: boolean;
  };
  error: string | null;
}

declare global {
  interface Window {
    /** The browser test's stand-in device, used only when the server says it runs in test mode. */
    __standInDevice?: PhoneFactory;
  }
}

let state: PhoneState = { configured: false, ready: false, presence: 'away', call: null, error: null };
let phone: Phone | null = null;
let active: PhoneCall | null = null;
let started = false;
const listeners = new Set<(s: PhoneState) => void>();

function set(patch: Partial<PhoneState>): void {
  state = { ...state, ...patch };
  for (const listener of listeners) listener(state);
}
const patchCall = (patch: Partial<NonNullable<PhoneState['call']>>) => state.call && set({ call: { ...state.call, ...patch } });

export function usePhoneState(): PhoneState {
  const [value, setValue] = useState(state);
  useEffect(() => {
    listeners.add(setValue);
    setValue(state);
    return () => void listeners.delete(setValue);
  }, []);
  return value;
}

function track(call: PhoneCall, ringing: boolean): void {
  active = call;
  set({ call: { direction: call.direction, from: call.from, callSid: call.callSid, state: ringing ? 'ringing' : 'open', muted: false, held: false } });
  call.onAccept(() => patchCall({ state: 'open' }));
  call.onEnd(() => {
    if (active !== call) return;
    active = null;
    set({ call: null });
  });
}

async function token(): Promise<string> {
  return (await api<{ token: string }>('/voice/token', { method: 'POST' })).token;
}

/** Starts the browser phone for an agent or supervisor: a token for their identity, the device, away until they say otherwise. */
export async function startPhone(): Promise<void> {
  if (started) return;
  started = true;
  try {
    const config = await uiConfig();
    if (!config.voice?.configured) return;
    const standIn = (config.voice.standIn || config.standInPhone) && window.__standInDevice;
    const factory: PhoneFactory = standIn ? window.__standInDevice! : twilioPhone;
    phone = factory(await token());
    phone.onIncoming((call) => {
      if (active) return call.reject();
      track(call, true);
    });
    phone.onTokenWillExpire(
      () =>
        void token().then(
          (t) => phone?.updateToken(t),
          () => set({ error: 'Telefon oturumu yenilenemedi' }),
        ),
    );
    phone.onError((message) => set({ error: message }));
    set({ configured: true, ready: true, presence: 'away' });
  } catch (e) {
    set({ error: (e as Error).message });
  }
}

export async function setPresence(presence: Presence): Promise<void> {
  if (!phone) return;
  try {
    await api('/voice/presence', { method: 'POST', body: { state: presence } });
    if (presence === 'available') await phone.register();
    else await phone.unregister();
    set({ presence, error: null });
  } catch (e) {
    set({ error: (e as Error).message });
  }
}

/**
 * The header's state switcher: the server records the state (only "available" is rung); the
 * device listens while available or wrapping up (a colleague may still hand a call over).
 */
export async function chooseAgentState(next: AgentState): Promise<boolean> {
  try {
    await api('/voice/state', { method: 'POST', body: { state: next } });
    if (phone && next === AgentState.Available) await phone.register();
    else if (phone && next !== AgentState.WrapUp) await phone.unregister();
    set({ presence: next === AgentState.Available ? 'available' : 'away', error: null });
    return true;
  } catch (e) {
    toast((e as Error).message, 'error');
    return false;
  }
}

/**
 * The server's word on the agent's state: the phone may have moved them into wrap-up, so the
 * softphone stops saying "ready". (Only that way: "available" comes with registering the device.)
 */
export function knowAgentState(current: AgentState): void {
  if (current !== AgentState.Available && state.presence === 'available') set({ presence: 'away' });
}

export function accept(): void {
  active?.accept();
  patchCall({ state: 'open' });
}
export function reject(): void {
  active?.reject();
  active = null;
  set({ call: null });
}
export function hangUp(): void {
  active?.hangUp();
  active = null;
  set({ call: null });
}
export function toggleMute(): void {
  if (!active || !state.call) return;
  active.mute(!state.call.muted);
  patchCall({ muted: !state.call.muted });
}
export function toggleHold(): void {
  if (!active || !state.call) return;
  active.hold(!state.call.held);
  patchCall({ held: !state.call.held });
}

/** The screen-pop knows the 444 call's SID; the device may know only its own leg's. */
export function knowCallSid(callSid: string): void {
  patchCall({ callSid });
}

/** Click-to-call: the server finds the number from the ticket; the browser never sees it. */
export async function callTicket(ticketId: string): Promise<void> {
  if (!phone || active) return;
  try {
    track(await phone.connect({ ticketId }), false);
  } catch (e) {
    toast((e as Error).message, 'error');
  }
}

export async function transfer(target: { toUserId?: string; departmentId?: string }): Promise<boolean> {
  const sid = state.call?.callSid;
  if (!sid) return false;
  try {
    await api(`/calls/${encodeURIComponent(sid)}/transfer`, { method: 'POST', body: target });
    toast('Çağrı aktarıldı');
    hangUp();
    return true;
  } catch (e) {
    toast((e as Error).message, 'error');
    return false;
  }
}
