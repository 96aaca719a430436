import { TicketPriority, TicketStatus } from '@app/domain';

/** The orders the list can be sorted in; `-` is descending. */
export const TICKET_SORTS = [
  'createdAt',
  '-createdAt',
  'updatedAt',
  '-updatedAt',
  'resolutionDueAt',
  '-resolutionDueAt',
  'priority',
  '-priority',
  'status',
  '-status',
] as const;

export type TicketSort = (typeof TICKET_SORTS)[number];

export const DEFAULT_TICKET_SORT: TicketSort = '-createdAt';

/**
 * How a sort orders the rows: its column, then the id in the same direction for ties (so an index
 * on both, read forwards or backwards, gives the whole order). `values` says what a
 * cursor may carry for it: a time, or one of an enum's values. Only the due date can be null, and
 * it sorts last in either direction.
 */
export interface TicketOrder {
  column: string;
  direction: 'ASC' | 'DESC';
  values: 'time' | readonly string[];
  nullable: boolean;
}

const COLUMNS: Record<string, Omit<TicketOrder, 'direction'>> = {
  createdAt: { column: 't.created_at', values: 'time', nullable: false },
  updatedAt: { column: 't.updated_at', values: 'time', nullable: false },
  resolutionDueAt: { column: 't.resolution_due_at', values: 'time', nullable: true },
  priority: { column: 't.priority', values: Object.values(TicketPriority), nullable: false },
  status: { column: 't.status', values: Object.values(TicketStatus), nullable: false },
};

export function orderOf(sort: TicketSort): TicketOrder {
  return { ...COLUMNS[sort.replace(/^-/, '')], direction: sort.startsWith('-') ? 'DESC' : 'ASC' };
}

export function isTicketSort(value: unknown): value is TicketSort {
  return (TICKET_SORTS as readonly unknown[]).includes(value);
}
