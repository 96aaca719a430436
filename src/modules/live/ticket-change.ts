/** What staff screens hear about a ticket: ids, status and tracking number only (no personal data). */
export interface TicketChange {
  ticketId: string;
  trackingNo: string;
  departmentId: string | null;
  status: string;
  change: 'created' | 'updated' | 'routed' | 'message' | 'escalated';
  at: string;
}
