import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { InvalidFieldException, ResourceNotFoundException } from '@app/common';
import { OPEN_STATUSES, TicketKind } from '@app/domain';
import { InboundChannel, InboundState } from '../../intake';
import { isoTurkey, Open311Value } from './open311-format';

/** What a POST and GET tokens/:id answer: the request id once intake made the ticket, else the token. */
export type RequestIdentity = { token: string; service_request_id: string | null; service_notice: string | null; account_id: null };

export interface RequestQuery {
  ids: string[];
  serviceCodes: string[];
  start: Date;
  end: Date;
  status: ('open' | 'closed')[];
}

// Points are published to three decimals (about 110 m north–south, 85 m east–west here): the
// street, not the door.
const COORDINATE_DECIMALS = 3;
export const MAX_REQUESTS = 1000;
const TRACKING_NO = /^\d{4}-\d{6}$/;

/**
 * The public reads: no names, phones, e-mails, addresses typed by citizens or staff notes; an
 * ihbar is never listed. Reads tickets, categories, departments, mahalleler, inbound events and
 * outbound messages in one statement (named in docs/ARCHITECTURE.md's cross-module reads).
 */
@Injectable()
export class Open311Reads {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async token(eventId: string): Promise<RequestIdentity> {
    const [row]: { state: InboundState; tracking_no: string | null }[] = await this.dataSource.query(
      `SELECT e.state, t.tracking_no FROM inbound_events e LEFT JOIN tickets t ON t.id = e.ticket_id WHERE e.id = $1 AND e.channel = $2`,
      [eventId, InboundChannel.Open311],
    );
    if (!row || row.state === InboundState.Failed) throw new ResourceNotFoundException('Jeton');
    return {
      token: eventId,
      service_request_id: row.tracking_no,
      service_notice: row.tracking_no ? `Başvuru numaranız ${row.tracking_no}` : null,
      account_id: null,
    };
  }

  async requests(query: RequestQuery): Promise<Record<string, Open311Value>[]> {
    const where = ['t.kind <> $1', 'c.id IS NOT NULL'];
    const params: unknown[] = [TicketKind.Ihbar];
    const add = (clause: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(clause(`$${params.length}`));
    };
    // Ids override all other arguments, as the specification says.
    if (query.ids.length) {
      add((n) => `t.tracking_no = ANY(${n}::text[])`, query.ids);
    } else {
      add((n) => `t.created_at >= ${n}`, query.start);
      add((n) => `t.created_at < ${n}`, query.end);
      if (query.serviceCodes.length) add((n) => `c.service_code = ANY(${n}::text[])`, query.serviceCodes);
      if (query.status.length === 1) add((n) => `(t.status = ANY(${n}::ticket_status[])) = ${query.status[0] === 'open'}`, OPEN_STATUSES);
    }
    const rows: Row[] = await this.dataSource.query(
      `SELECT t.tracking_no, t.status, t.created_at, t.updated_at, t.resolution_due_at, t.latitude, t.longitude,
              c.service_code, c.name AS service_name, d.name AS department, m.id AS mahalle_id, m.name AS mahalle,
              (SELECT o.body FROM outbound_messages o
                WHERE o.ticket_id = t.id AND o.citizen_id IS NOT NULL AND o.purpose <> 'survey'
                ORDER BY o.created_at DESC LIMIT 1) AS told,
              (SELECT e.payload ->> 'mediaUrl' FROM inbound_events e
                WHERE e.ticket_id = t.id AND e.channel = '${InboundChannel.Open311}' LIMIT 1) AS media_url
         FROM tickets t
         LEFT JOIN categories c ON c.id = t.category_id
         LEFT JOIN departments d ON d.id = t.department_id
         LEFT JOIN mahalleler m ON m.id = t.mahalle_id
        WHERE ${where.join(' AND ')}
        ORDER BY t.created_at DESC
        LIMIT ${MAX_REQUESTS}`,
      params,
    );
    return rows.map(requestView);
  }

  async request(id: string): Promise<Record<string, Open311Value>[]> {
    if (!TRACKING_NO.test(id)) throw new InvalidFieldException('service_request_id', 'service_request_id: 2026-000123 biçiminde olmalı');
    const found = await this.requests({ ids: [id], serviceCodes: [], start: new Date(0), end: new Date(0), status: [] });
    if (!found.length) throw new ResourceNotFoundException('Başvuru');
    return found;
  }
}

interface Row {
  tracking_no: string;
  status: (typeof OPEN_STATUSES)[number] | string;
  created_at: Date;
  updated_at: Date;
  resolution_due_at: Date | null;
  latitude: number | null;
  longitude: number | null;
  service_code: string;
  service_name: string;
  department: string | null;
  mahalle_id: string | null;
  mahalle: string | null;
  told: string | null;
  media_url: string | null;
}

const round = (value: number | null) => (value === null ? null : Number(value.toFixed(COORDINATE_DECIMALS)));

/** GeoReport v2's service request, in its field order. */
function requestView(row: Row): Record<string, Open311Value> {
  return {
    service_request_id: row.tracking_no,
    status: (OPEN_STATUSES as readonly string[]).includes(row.status) ? 'open' : 'closed',
    status_notes: row.told,
    service_name: row.service_name,
    service_code: row.service_code,
    // The citizen's own words may name people; the public sees the subject only.
    description: null,
    agency_responsible: row.department,
    service_notice: null,
    requested_datetime: isoTurkey(row.created_at),
    updated_datetime: isoTurkey(row.updated_at),
    expected_datetime: isoTurkey(row.resolution_due_at),
    address: row.mahalle,
    address_id: row.mahalle_id,
    zipcode: null,
    lat: round(row.latitude),
    long: round(row.longitude),
    media_url: row.media_url,
  };
}
