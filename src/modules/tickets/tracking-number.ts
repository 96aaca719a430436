import { EntityManager } from 'typeorm';
import { istanbulYear } from '@app/common';

export function formatTrackingNo(year: number, value: number): string {
  return `${year}-${String(value).padStart(6, '0')}`;
}

/** Must run inside the transaction that inserts the ticket (the row lock is the point). */
export async function nextTrackingNo(manager: EntityManager, at: Date): Promise<string> {
  const year = istanbulYear(at);
  const rows: { last_value: number }[] = await manager.query(
    `INSERT INTO ticket_sequences (year, last_value) VALUES ($1, 1)
     ON CONFLICT (year) DO UPDATE SET last_value = ticket_sequences.last_value + 1
     RETURNING last_value`,
    [year],
  );
  return formatTrackingNo(year, rows[0].last_value);
}

