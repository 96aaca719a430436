/** What the desk takes from the rest of the staff UI, in one place. */
export { api, ApiError, apiObjectUrl, cached, type Page } from '../api';
export { session, type Session, type SessionUser } from '../session';
export { fold, formatTime, formatDate, formatTotal, countdown } from '../format';
export { toast, Dialog, Pagination } from '../components';
export { useShortcuts, addShortcutHelp } from '../shortcuts';
export { CHANNEL_LABELS, STAFF_STATUS_LABELS, KIND_LABELS, Role, TicketChannel, TicketStatus, OPEN_STATUSES } from '@app/domain';
import { session } from '../session';

export const currentSession = () => session.get();
