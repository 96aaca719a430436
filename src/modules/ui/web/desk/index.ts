/**
 * The agent's desk (issue 18): what the staff screens need to answer the commonest call from the
 * screen. The shell, the route table, the ticket view and the call panel mount these.
 */
import 'leaflet/dist/leaflet.css';
import './desk.css';

export { SearchBox } from './search-box';
export { AllTickets } from './all-tickets';
export { CannedAnswersAdmin } from './canned-answers-admin';
export { KnowledgeBase } from './knowledge-base';
export { CannedAnswerPicker } from './canned-answers';
export { CategoryPicker, useSuggestions } from './category-picker';
export { CitizenPanel } from './citizen-panel';
export { Attachments } from './attachments';
export { humanSize } from './media';
export { TicketMap } from './ticket-map';
export { ShowContact } from './show-contact';
export { TicketMedia, TicketSide, type DeskTicket } from './ticket-panels';
export { Softphone } from './softphone';
export { knowCallSid, usePhoneState } from './phone-store';
export type { Phone, PhoneCall, PhoneFactory } from './phone';
