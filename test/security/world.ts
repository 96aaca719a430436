import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { categoryId, createStaff, idByCode, loginAs, mobile, Staff, TestApp, waitFor } from '@app/testing';
import { QueueName } from '@app/queue';
import { DAILY_COUNTS } from '../../src/modules/reports/read-model/daily-counts.sql';

/** The roles the matrix plays, and a caller with no token. */
export const CALLERS = ['anonymous', 'agent', 'supervisor', 'department_staff', 'department_manager', 'executive', 'admin', 'cimer_officer'] as const;
export type Caller = (typeof CALLERS)[number];
export const DEPARTMENT_CALLERS: readonly Caller[] = ['department_staff', 'department_manager'];
/** Roles that reach only what names them (NARROW_ROLES): "any signed-in user" does not include them. */
export const NARROW_CALLERS: readonly Caller[] = ['cimer_officer'];

/** A citizen whose every detail is recognisable in a response body. */
export interface Marked {
  fullName: string;
  phone: string;
  e164: string;
  email: string;
  tcKimlikNo: string;
  subject: string;
  photo: Buffer;
}

/** What one department holds: its citizen's ticket, a ticket with a photo, a process. */
export interface DepartmentSide {
  departmentId: string;
  code: string;
  citizen: Marked;
  ticket: { id: string; trackingNo: string; citizenId: string };
  mediaUrl: string;
  templateId: string;
  process: { id: string; stepId: string };
  staff: Staff;
  manager: Staff;
}

export interface World {
  t: TestApp;
  callers: Record<Exclude<Caller, 'anonymous'>, Staff>;
  kalem: Staff;
  own: DepartmentSide;
  other: DepartmentSide;
  mahalleId: string;
  activityId: string;
  appointmentId: string;
  inboundEventId: string;
  failedMessageId: string;
  otherExportId: string;
}

/** A valid T.C. Kimlik number from nine digits (the two check digits computed). */
export function tcKimlik(nine: string): string {
  const d = nine.split('').map(Number);
  const odd = d[0] + d[2] + d[4] + d[6] + d[8];
  const even = d[1] + d[3] + d[5] + d[7];
  const tenth = (((odd * 7 - even) % 10) + 10) % 10;
  const eleventh = (d.reduce((a, b) => a + b, 0) + tenth) % 10;
  return `${nine}${tenth}${eleventh}`;
}

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

function marked(tag: string, phone: string, tc: string): Marked {
  return {
    fullName: `Vatandaş ${tag}oğlu`,
    phone,
    e164: `+90${phone.slice(1)}`,
    email: `${tag.toLowerCase()}.vatandas@example.com`,
    tcKimlikNo: tcKimlik(tc),
    subject: `Konu işareti ${tag} bankı kırık`,
    photo: Buffer.concat([PNG, Buffer.from(`photo-bytes-${tag}-${randomBytes(4).toString('hex')}`)]),
  };
}

/** Markers of one side that must never reach a caller who may not read them. */
export function markersOf(side: DepartmentSide): (string | Buffer)[] {
  const { citizen } = side;
  return [citizen.fullName, citizen.e164.slice(3), citizen.email, citizen.tcKimlikNo, citizen.subject, citizen.photo.subarray(PNG.length)];
}

/** Clear contact details of a side: no response but the logged contact reads may carry them. */
export function clearContactOf(side: DepartmentSide): string[] {
  return [side.citizen.e164.slice(3), side.citizen.email, side.citizen.tcKimlikNo];
}

export const bearer = (staff: Staff) => ({ Authorization: `Bearer ${staff.token}` });

/** Waits until no queue has a job waiting or running, so what follows sees a still database. */
export async function quiescent(t: TestApp): Promise<void> {
  const queues = Object.values(QueueName).map((name) => t.app.get<Queue>(getQueueToken(name), { strict: false }));
  await waitFor(
    'queues idle',
    async () => {
      const counts = await Promise.all(queues.map((q) => q.getJobCounts('active', 'waiting', 'prioritized', 'waiting-children')));
      return counts.every((c) => Object.values(c).every((n) => n === 0));
    },
    30_000,
    20,
  );
}

/**
 * A hash of every table a request could change (what background work keeps changing on its
 * own — the reports' read model, its per-day counts and resolution-time histograms, the clocks' next step, the scheduled destructions — is left out): equal before and after
 * a refused request, or it changed something.
 */
export async function fingerprint(t: TestApp): Promise<Record<string, string>> {
  const tables: { table_name: string }[] = await t.dataSource.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
       AND table_name NOT IN ('migrations', 'report_ticket_facts', 'report_dirty_tickets', 'report_work_periods', 'report_state', 'sla_clocks', 'sla_timers', 'mailbox_cursors',
                              'personal_data_destructions', 'personal_data_settings', 'report_duration_histograms', 'report_duration_spans', 'report_duration_changes')
       AND NOT table_name = ANY($1::text[])`,
    [DAILY_COUNTS.map((counts) => counts.table)],
  );
  const rows = await Promise.all(
    tables.map(async ({ table_name }) => {
      const [{ h }] = await t.dataSource.query(`SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${table_name}" x`);
      return [table_name, h] as const;
    }),
  );
  return Object.fromEntries(rows);
}

async function side(
  t: TestApp,
  admin: Staff,
  agent: Staff,
  supervisor: Staff,
  code: string,
  serviceCode: string,
  staff: Staff,
  manager: Staff,
  citizen: Marked,
  mahalleId: string,
): Promise<DepartmentSide> {
  const departmentId = await idByCode(t.dataSource, 'departments', code);
  const ticket = await t
    .http()
    .post('/api/v1/tickets')
    .set(bearer(agent))
    .send({
      channel: 'muhtar',
      kind: 'sikayet',
      departmentId,
      mahalleId,
      subject: citizen.subject,
      description: `${citizen.subject}: çocuklar için tehlikeli.`,
      citizen: { fullName: citizen.fullName, phone: citizen.phone, email: citizen.email, tcKimlikNo: citizen.tcKimlikNo },
    })
    .expect(201);
  const sent = await t
    .http()
    .post('/api/v1/public/applications')
    .set('X-Forwarded-For', `198.51.100.${code.length}`)
    .field('kind', 'sikayet')
    .field('categoryId', await categoryId(t.dataSource, serviceCode))
    .field('description', `${citizen.subject}, fotoğrafı ekledim.`)
    .field('fullName', citizen.fullName)
    .field('phone', citizen.phone)
    .field('kvkkConsent', 'on')
    .field('website', '')
    .attach('photos', citizen.photo, { filename: 'foto.png', contentType: 'image/png' })
    .expect(202);
  const trackingNo = await waitFor(
    'application filed',
    async () => (await t.http().get(`/api/v1/public/applications/${sent.body.receiptId}`)).body.trackingNo ?? null,
  );
  const [{ id: photoTicketId }] = await t.dataSource.query('SELECT id FROM tickets WHERE tracking_no = $1', [trackingNo]);
  const [event] = await t.dataSource.query(`SELECT data FROM ticket_events WHERE ticket_id = $1 AND type = 'created'`, [photoTicketId]);
  const template = await t
    .http()
    .post('/api/v1/process-templates')
    .set(bearer(admin))
    .send({
      code: `SUREC_${code}_${randomBytes(2).toString('hex').toUpperCase()}`,
      name: `${code} süreci`,
      ownerDepartmentId: departmentId,
      steps: [
        { key: '1', name: 'İnceleme', departmentId, duration: { max: 5, unit: 'working_days' } },
        { key: '2', name: 'Karar', departmentId, duration: { max: 5, unit: 'working_days' } },
      ],
    })
    .expect(201);
  const process = await t
    .http()
    .post('/api/v1/processes')
    .set(bearer(supervisor))
    .send({ templateId: template.body.id, title: `${citizen.subject} süreci`, ticketId: ticket.body.id })
    .expect(201);
  return {
    departmentId,
    code,
    citizen,
    ticket: { id: ticket.body.id, trackingNo: ticket.body.trackingNo, citizenId: ticket.body.citizen.id },
    mediaUrl: event.data.media[0].url,
    templateId: template.body.id,
    process: { id: process.body.id, stepId: process.body.steps[0].id },
    staff,
    manager,
  };
}

/** Two departments side by side, each with a marked citizen, and a caller per role. */
export async function buildWorld(t: TestApp): Promise<World> {
  const admin = await loginAs(t, 'admin');
  const agent = await loginAs(t, 'agent');
  const supervisor = await loginAs(t, 'supervisor');
  const executive = await loginAs(t, 'executive');
  const fenStaff = await loginAs(t, 'department-staff');
  const fenManager = await loginAs(t, 'department-manager');
  const park = await idByCode(t.dataSource, 'departments', 'PARK');
  const parkStaff = await createStaff(t, admin, 'department_staff', park);
  const parkManager = await createStaff(t, admin, 'department_manager', park);
  const kalem = await createStaff(t, admin, 'department_staff', await idByCode(t.dataSource, 'departments', 'OZEL_KALEM'));
  const mahalleId = await idByCode(t.dataSource, 'mahalleler', 'ATATURK');
  const own = await side(t, admin, agent, supervisor, 'FEN', 'FEN-001', fenStaff, fenManager, marked('Fenli', '05441230001', '123456780'), mahalleId);
  const other = await side(t, admin, agent, supervisor, 'PARK', 'PRK-001', parkStaff, parkManager, marked('Parkçı', '05447771122', '234567810'), mahalleId);

  const activity = await t
    .http()
    .post('/api/v1/muhtar-activities')
    .set(bearer(executive))
    .send({ kind: 'visit', title: 'Atatürk ziyareti', mahalleId, plannedAt: '2026-05-20T06:00:00Z' })
    .expect(201);
  await t.http().post(`/api/v1/muhtar-activities/${activity.body.id}/tickets`).set(bearer(executive)).send({ ticketId: other.ticket.id }).expect(204);
  const appointment = await t
    .http()
    .post('/api/v1/appointments')
    .set(bearer(supervisor))
    .send({ requesterKind: 'citizen', subject: 'Başkanla görüşme', ticketId: other.ticket.id })
    .expect(201);
  const inbound = await t
    .http()
    .post('/api/v1/intake/events')
    .set('X-Intake-Key', 'dev-only-intake-key-change-me')
    .send({ channel: 'sms', providerId: `SM-world-${randomBytes(4).toString('hex')}`, payload: { From: other.citizen.e164, Body: other.citizen.subject } })
    .expect(202);
  const [failed] = await t.dataSource.query(
    `INSERT INTO outbound_messages (dedupe_key, channel, recipient, ticket_id, citizen_id, purpose, body, state, not_before, attempts, last_error)
     VALUES ($1, 'sms', $2, $3, $4, 'answered', $5, 'failed', now(), 6, 'test') RETURNING id`,
    [`world-failed-${randomBytes(4).toString('hex')}`, other.citizen.e164, other.ticket.id, other.ticket.citizenId, `${other.citizen.subject} yanıtlandı`],
  );
  const otherExport = await t
    .http()
    .post('/api/v1/reports/exports')
    .set(bearer(parkManager))
    .send({ report: 'tickets', from: '2026-01-01', to: '2026-12-31' })
    .expect(202);
  await quiescent(t);
  return {
    t,
    callers: { agent, supervisor, department_staff: fenStaff, department_manager: fenManager, executive, admin, cimer_officer: await loginAs(t, 'cimer') },
    kalem,
    own,
    other,
    mahalleId,
    activityId: activity.body.id,
    appointmentId: appointment.body.id,
    inboundEventId: inbound.body.eventId,
    failedMessageId: failed.id,
    otherExportId: otherExport.body.id,
  };
}

/**
 * A fresh ticket of a side, for a request that changes it. Unmarked: a request may rightly move
 * it into the other department (a transfer), where its markers would read as a leak.
 */
export async function freshTicket(
  w: World,
  side: DepartmentSide,
  extra: Record<string, unknown> = {},
): Promise<{ id: string; version: number; trackingNo: string }> {
  const res = await w.t
    .http()
    .post('/api/v1/tickets')
    .set(bearer(w.callers.agent))
    .send({
      channel: 'phone',
      kind: 'sikayet',
      departmentId: side.departmentId,
      subject: 'Taze başvuru',
      description: 'Taze başvuru, değiştirilecek.',
      citizen: { fullName: 'Taze Başvuru Sahibi', phone: mobile() },
      ...extra,
    })
    .expect(201);
  return res.body;
}
