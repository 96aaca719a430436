/** Stands for a ticket's tracking number in a text written before the number exists (filled by SQL on insert). */
export const TRACKING_NO_SLOT = '{{trackingNo}}';

/**
 * Rows of another table that belong to the new tickets (by `ticket_id`) and may name their
 * numbers (TRACKING_NO_SLOT in the `numbered` text columns): written by the same statement,
 * so that nothing is left to do under the tracking-number lock but the commit.
 */
export interface TicketFollowers {
  table: string;
  rows: Record<string, unknown>[];
  numbered: string[];
}
