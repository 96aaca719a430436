import type { ComponentType } from 'preact';
import type { SessionUser } from './session';
import type { TicketDetail } from './views/types';

/**
 * Places in the core screens where a feature adds its own component without editing the screen:
 * `registerSlot('ticket.side', CitizenPanel, 20)`. Each slot's props:
 */
export interface SlotProps {
  /** In the header, after the live indicator (e.g. a softphone's state). */
  'shell.header': { user: SessionUser };
  /** After <main> (e.g. a softphone panel), for every signed-in user. */
  'shell.end': { user: SessionUser };
  /** Under the ticket's facts, in the main column. */
  'ticket.main': { ticket: TicketDetail; user: SessionUser; reload: () => void };
  /** Above the action forms, in the side column. */
  'ticket.side': { ticket: TicketDetail; user: SessionUser; reload: () => void };
  /** Inside the incoming call panel, under the caller's open tickets. */
  'call.panel': { user: SessionUser; call: { callSid: string; citizen: { id: string; fullName?: string | null } | null } };
}

export type SlotName = keyof SlotProps;

const slots = new Map<SlotName, { component: ComponentType<never>; order: number }[]>();

/** Adds `component` to the slot, ordered by `order` (lower first). */
export function registerSlot<N extends SlotName>(name: N, component: ComponentType<SlotProps[N]>, order = 100): void {
  const list = slots.get(name) ?? [];
  list.push({ component: component as ComponentType<never>, order });
  list.sort((a, b) => a.order - b.order);
  slots.set(name, list);
}

/** Renders every component registered for the slot with the slot's props. */
export function Slot<N extends SlotName>({ name, props }: { name: N; props: SlotProps[N] }) {
  return (
    <>
      {(slots.get(name) ?? []).map(({ component }, i) => {
        const C = component as unknown as ComponentType<SlotProps[N]>;
        return <C key={i} {...props} />;
      })}
    </>
  );
}
