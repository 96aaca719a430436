/** Incidents (issue 21): many reports of one thing, linked to a parent and answered once. */
import './incidents.css';
import { registerSlot } from '../slots';
import { TicketIncidents } from './ticket-incidents';

export { IncidentList } from './incident-list';
export { IncidentView } from './incident-view';

/** Puts the incident offer beside an open ticket (the routes are in ../routes.ts). */
export function registerIncidents(): void {
  registerSlot('ticket.side', TicketIncidents, 12);
}
