import { useEffect } from 'preact/hooks';
import { registerSlot, type SlotProps } from '../slots';
import { AgentStateSwitcher } from './agent-state';
import { CitizenPanel } from './citizen-panel';
import { Role } from './deps';
import { CallKnowledge, TicketKnowledge } from './knowledge-slots';
import { knowCallSid } from './phone-store';
import { SearchBox } from './search-box';
import { Softphone } from './softphone';
import { TicketMedia, TicketSide } from './ticket-panels';

const PHONE_ROLES: readonly string[] = [Role.Agent, Role.Supervisor];
// The search box is for those who work applications; the narrow CİMER role has its own screens.
const SEARCH_ROLES: readonly string[] = [Role.Agent, Role.Supervisor, Role.DepartmentStaff, Role.DepartmentManager, Role.Executive, Role.Admin];

function HeaderSearch({ user }: SlotProps['shell.header']) {
  return SEARCH_ROLES.includes(user.role) ? <SearchBox /> : null;
}

function HeaderAgentState({ user }: SlotProps['shell.header']) {
  return PHONE_ROLES.includes(user.role) ? <AgentStateSwitcher /> : null;
}

function ShellPhone({ user }: SlotProps['shell.end']) {
  return PHONE_ROLES.includes(user.role) ? <Softphone /> : null;
}

function CallCitizen({ call }: SlotProps['call.panel']) {
  useEffect(() => knowCallSid(call.callSid), [call.callSid]);
  return call.citizen ? <CitizenPanel path={`/citizens/${call.citizen.id}/panel`} heading="Arayanın başvuruları ve kanalları" /> : null;
}

/** Puts the desk into the core screens' slots (the routes are in ../routes.ts). */
export function registerDesk(): void {
  registerSlot('shell.header', HeaderSearch, 10);
  registerSlot('shell.header', HeaderAgentState, 15);
  registerSlot('shell.end', ShellPhone, 10);
  registerSlot('ticket.main', ({ ticket }) => <TicketMedia ticket={ticket as never} />, 10);
  registerSlot('ticket.side', ({ ticket, user }) => <TicketSide ticket={ticket as never} role={user.role} />, 10);
  registerSlot('ticket.side', TicketKnowledge, 15);
  registerSlot('call.panel', CallCitizen, 10);
  registerSlot('call.panel', CallKnowledge, 20);
}
