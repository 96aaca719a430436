import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { STATUS_LABELS, TicketStatus } from '@app/domain';

/**
 * What the 444 line reads back for a tracking number typed on the keypad: the status only, and
 * only to the phone the application was made from (the caller's number stands in for the last
 * four digits the web asks for).
 */
@Injectable()
export class PhoneStatusService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** `digits` as typed: the year and the number, e.g. 2026000123 or 202600123#. */
  async statusLabel(digits: string, callerPhone: string | null): Promise<string | null> {
    const match = /^(\d{4})(\d{1,6})$/.exec(digits.replace(/\D/g, ''));
    if (!match || !callerPhone) return null;
    const trackingNo = `${match[1]}-${match[2].padStart(6, '0')}`;
    const rows: { status: TicketStatus }[] = await this.dataSource.query(
      'SELECT t.status FROM tickets t JOIN citizens c ON c.id = t.citizen_id WHERE t.tracking_no = $1 AND c.phone = $2',
      [trackingNo, callerPhone],
    );
    return rows[0] ? STATUS_LABELS[rows[0].status] : null;
  }
}
