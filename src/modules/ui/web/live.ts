import { useEffect, useRef, useState } from 'preact/hooks';
import { store } from './store';

/** One `ticket` event of /live/tickets: which ticket changed and how. */
export interface TicketChange {
  ticketId: string;
  [key: string]: unknown;
}

/** 'connecting' | 'on' | 'off' for the header's "Canlı" indicator. */
export const liveState = store<'connecting' | 'on' | 'off'>('connecting');

let source: EventSource | null = null;

/** One EventSource per tab; screens listen with `useTicketChanges`. */
export function connectLive(token: string): void {
  if (source) return;
  source = new EventSource(`/api/v1/live/tickets?access_token=${encodeURIComponent(token)}`);
  source.addEventListener('open', () => liveState.set('on'));
  source.addEventListener('error', () => liveState.set('off'));
  source.addEventListener('ticket', (event) =>
    window.dispatchEvent(new CustomEvent<TicketChange>('ticket-change', { detail: JSON.parse((event as MessageEvent<string>).data) })),
  );
  // This user's staff notification list has grown (a deadline warning, a breach, an escalation).
  source.addEventListener('notification', () => window.dispatchEvent(new Event('staff-notification')));
}

export function disconnectLive(): void {
  source?.close();
  source = null;
  liveState.set('connecting');
}

/** Calls `handler` on every ticket change pushed to this tab while the component is mounted. */
export function useTicketChanges(handler: (change: TicketChange) => void): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    const on = (event: Event) => ref.current((event as CustomEvent<TicketChange>).detail);
    window.addEventListener('ticket-change', on);
    return () => window.removeEventListener('ticket-change', on);
  }, []);
}

/** Calls `handler` whenever a new staff notification reaches this user while the component is mounted. */
export function useStaffNotifications(handler: () => void): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    const on = () => ref.current();
    window.addEventListener('staff-notification', on);
    return () => window.removeEventListener('staff-notification', on);
  }, []);
}

/**
 * The call-centre wallboard's own stream (/live/wallboard, for those who may see it): `handler`
 * runs whenever a call or an agent's state moves. Returns the connection's state.
 */
export function useWallboardChanges(token: string, handler: () => void): 'connecting' | 'on' | 'off' {
  const ref = useRef(handler);
  ref.current = handler;
  const [state, setState] = useState<'connecting' | 'on' | 'off'>('connecting');
  useEffect(() => {
    const wallboard = new EventSource(`/api/v1/live/wallboard?access_token=${encodeURIComponent(token)}`);
    wallboard.addEventListener('open', () => {
      setState('on');
      // Whatever moved while the stream was down.
      ref.current();
    });
    wallboard.addEventListener('error', () => setState('off'));
    wallboard.addEventListener('wallboard', () => ref.current());
    return () => wallboard.close();
  }, [token]);
  return state;
}
