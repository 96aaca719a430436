import { registerSlot } from '../slots';
import { NotificationBell } from './bell';

/** Puts the back office's features into the core screens' slots (the routes are in ../routes.ts). */
export function registerBackOffice(): void {
  registerSlot('shell.header', NotificationBell, 20);
}
