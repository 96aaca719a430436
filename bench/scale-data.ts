import { resolve } from 'node:path';
import { Client } from 'pg';

/**
 * Five years of a metropolitan desk, written set-based (INSERT … SELECT over generate_series,
 * one chunk of tickets per statement), so a machine shared with others spends its time in
 * PostgreSQL's executor and not in round trips. Every ticket has its timeline, its clock
 * (stopped once it was answered, with the ladder steps a late answer took), and, when it came
 * by SMS, WhatsApp, e-mail or the web form, its inbound event and the messages sent back. Citizens write again: a ticket's citizen is
 * drawn with a square skew, so the first tenth of the citizens files about a third of the tickets.
 */
const YEARS = 5;
const CHUNK = 250_000;
// A fifth of the tickets are open, as in the ten million tickets with two million open
// clocks: more of the recent ones (36 % of the last weeks) than of the old (4 %).
const OPEN_SHARE_OLDEST = 0.04;
const OPEN_SHARE_SPREAD = 0.32;

const SUBJECTS = [
  'Yolda çukur var',
  'Su kesintisi hakkında',
  'Çöp konteyneri boşaltılmadı',
  'Sokak lambası yanmıyor',
  'Park bakımı yapılmıyor',
  'Gece gürültü şikayeti',
  'Kaldırım işgali',
  'Ağaç budama talebi',
  'Otobüs seferi gelmedi',
  'Kaçak yapı ihbarı',
  'Sokak hayvanları için talep',
  'Yağmur suyu ızgarası tıkalı',
];

const TICKETS = `
INSERT INTO tickets (id, tracking_no, kind, channel, status, citizen_id, department_id, category_id, mahalle_id, legal_basis, subject, description,
                     search_text, contact_phone, created_at, updated_at, routed_at, resolution, answered_at, closed_at, first_responded_at,
                     first_response_due_at, resolution_due_at, deadline_policy_id)
SELECT md5('t' || g)::uuid, 'S' || lpad(g::text, 9, '0'), kind::ticket_kind, channel::ticket_channel, status::ticket_status,
       md5('c' || citizen)::uuid, deps[ci], cats[ci], mh[1 + floor(r5 * array_length(mh, 1))::int],
       CASE kind WHEN 'bilgi_edinme' THEN 'law_4982' ELSE 'law_3071' END::legal_basis, subjects[1 + g % array_length(subjects, 1)],
       'Üretilmiş başvuru ' || g, 's' || lpad(g::text, 9, '0') || ' ' || folded[1 + g % array_length(subjects, 1)] || ' mahalle ' || (g % 97),
       '+90555' || lpad(citizen::text, 7, '0'), created, coalesce(done, created), created + interval '2 minutes',
       CASE WHEN status IN ('new', 'assigned', 'in_progress') THEN NULL
            WHEN status = 'closed' THEN (CASE WHEN channel = 'phone' AND r4 < 0.2 THEN 'solved_during_call' ELSE 'answered' END) ELSE status END,
       CASE WHEN status = 'closed' THEN done END, done, CASE WHEN status <> 'new' THEN created + interval '3 hours' END,
       created + interval '2 days', created + CASE kind WHEN 'bilgi_edinme' THEN interval '15 days' ELSE interval '30 days' END, $5
FROM (
  SELECT g, created, r4, r5, 1 + floor(r6 * array_length(cats, 1))::int AS ci, cats, deps, mh, subjects, folded,
         1 + floor(r7 * r7 * $4)::bigint AS citizen,
         CASE WHEN r3 < open_share THEN NULL ELSE least(created + (r4 * r4 * 40 * 86400) * interval '1 second' + interval '10 minutes', now()) END AS done,
         CASE WHEN r1 < 0.45 THEN 'sikayet' WHEN r1 < 0.80 THEN 'talep' WHEN r1 < 0.88 THEN 'bilgi_edinme' WHEN r1 < 0.93 THEN 'oneri' WHEN r1 < 0.97 THEN 'ihbar' ELSE 'tesekkur' END AS kind,
         CASE WHEN r2 < 0.35 THEN 'phone' WHEN r2 < 0.55 THEN 'whatsapp' WHEN r2 < 0.70 THEN 'web' WHEN r2 < 0.78 THEN 'sms' WHEN r2 < 0.85 THEN 'email'
              WHEN r2 < 0.90 THEN 'walk_in' WHEN r2 < 0.94 THEN 'field_team' WHEN r2 < 0.98 THEN 'muhtar' ELSE 'cimer' END AS channel,
         CASE WHEN r3 < open_share * 0.1 THEN 'new' WHEN r3 < open_share * 0.5 THEN 'assigned' WHEN r3 < open_share THEN 'in_progress'
              WHEN r3 < open_share + 0.02 THEN 'rejected' WHEN r3 < open_share + 0.04 THEN 'referred' ELSE 'closed' END AS status
    FROM (SELECT g, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6, random() r7,
                 ${OPEN_SHARE_OLDEST} + ${OPEN_SHARE_SPREAD} * g / $3::float8 AS open_share,
                 $6::timestamptz + floor((g - 1 + random()) / $3::float8 * ${YEARS * 365}) * interval '1 day' + interval '5 hours' + random() * interval '12 hours' AS created
            FROM generate_series($1::bigint, $2::bigint) g) s
    CROSS JOIN (SELECT array_agg(c.id ORDER BY c.id) cats, array_agg(coalesce(c.default_department_id, $7) ORDER BY c.id) deps FROM categories c) c
    CROSS JOIN (SELECT array_agg(id ORDER BY id) mh FROM mahalleler) m
    CROSS JOIN (SELECT $8::text[] AS subjects, $9::text[] AS folded) w
) x`;

const CITIZENS = `
INSERT INTO citizens (id, full_name, phone, contact_consent, created_at)
SELECT md5('c' || k)::uuid, 'Vatandaş ' || k, '+90555' || lpad(k::text, 7, '0'), true, $2::timestamptz
  FROM generate_series(1, $1::bigint) k`;

// created, routed, assigned; the answer (or rejection, referral) for the ones done; a citizen's
// second message for one in five; a reopening and second answer for 3 %.
const EVENTS = `
INSERT INTO ticket_events (ticket_id, type, body, data, created_at)
SELECT t.id, e.type::ticket_event_type, e.body, e.data, e.at
  FROM tickets t
  CROSS JOIN LATERAL (VALUES
    ('created', NULL, '{}'::jsonb, t.created_at, true),
    ('routed', NULL, jsonb_build_object('departmentId', t.department_id), t.routed_at, true),
    ('assigned', NULL, '{"automatic": true}'::jsonb, t.first_responded_at, t.status <> 'new'),
    ('message_in', 'Ek bilgi gönderiyorum', '{}'::jsonb, t.created_at + interval '1 day', right(t.tracking_no, 1) IN ('3', '8')),
    ('status_changed', NULL, jsonb_build_object('from', 'in_progress', 'to', CASE t.status WHEN 'closed' THEN 'answered' ELSE t.status::text END), t.closed_at, t.closed_at IS NOT NULL),
    ('status_changed', NULL, '{"from": "answered", "to": "reopened"}'::jsonb, t.closed_at + interval '1 day', t.status = 'closed' AND right(t.tracking_no, 2) IN ('07', '42', '99')),
    ('status_changed', NULL, '{"from": "reopened", "to": "answered"}'::jsonb, t.closed_at + interval '3 days', t.status = 'closed' AND right(t.tracking_no, 2) IN ('07', '42', '99'))
  ) e(type, body, data, at, present)
 WHERE t.tracking_no BETWEEN $1 AND $2 AND e.present`;

// What came in by a provider (SMS, WhatsApp, e-mail, the web form) and what went back: the
// receipt, and the answer for the closed ones.
const INBOUND = `
INSERT INTO inbound_events (channel, provider_id, payload, received_at, state, ticket_id, processed_at)
SELECT t.channel::text, 'scale-' || t.tracking_no, jsonb_build_object('from', t.contact_phone, 'text', t.subject), t.created_at, 'processed', t.id, t.routed_at
  FROM tickets t WHERE t.tracking_no BETWEEN $1 AND $2 AND t.channel IN ('sms', 'whatsapp', 'email', 'web')`;

const OUTBOUND = `
INSERT INTO outbound_messages (dedupe_key, channel, recipient, ticket_id, purpose, body, state, not_before, attempts, created_at, updated_at)
SELECT m.purpose || '-' || t.id, CASE WHEN t.channel IN ('whatsapp', 'email') THEN t.channel::text ELSE 'sms' END::outbound_channel, t.contact_phone, t.id,
       m.purpose, m.body, 'delivered', m.at, 1, m.at, m.at
  FROM tickets t
  CROSS JOIN LATERAL (VALUES ('received', 'Başvurunuz alındı: ' || t.tracking_no, t.created_at + interval '3 seconds', true),
                             ('answered', 'Başvurunuz yanıtlandı: ' || t.tracking_no, t.closed_at, t.status = 'closed')) m(purpose, body, at, present)
 WHERE t.tracking_no BETWEEN $1 AND $2 AND t.channel IN ('sms', 'whatsapp', 'email', 'web', 'phone') AND m.present`;

// The ladder step a done ticket's clock had reached when it was answered: the warning six hours before the
// deadline, the breach at it, and, for one late ticket in five answered more than two days late, the step above.
const STEP_REACHED = `CASE WHEN t.closed_at IS NULL THEN 0
     WHEN t.closed_at > t.resolution_due_at + interval '2 days' AND right(t.tracking_no, 1) IN ('1', '6') THEN 3
     WHEN t.closed_at > t.resolution_due_at THEN 2 WHEN t.closed_at > t.resolution_due_at - interval '6 hours' THEN 1 ELSE 0 END`;
// A clock's id is time-ordered by its ticket's filing, as the service makes them (uuid version 7: the millisecond,
// then bits of the ticket's id hashed), so the escalations find it without an index and the timers lie in filing order.
const CLOCK_ID = `(lpad(to_hex((extract(epoch FROM t.created_at) * 1000)::bigint), 12, '0') || '7'
                   || substr(md5('k' || t.id::text), 1, 3) || '8' || substr(md5('k' || t.id::text), 4, 15))::uuid`;

// Open tickets run their clock, due within the next 60 days (the timer's worst case: every open
// clock has a step pending), and have its timer; the others' clocks stopped when they were answered.
// As in the service, a deadline follows the filing by the policy's time (15 days for Law 4982, 30
// otherwise): five years of filings are laid over 44 days, and the 30-day policy comes 15 days later.
const DUE = `CASE WHEN t.closed_at IS NULL
                  THEN now() + interval '1 day' + (t.resolution_due_at - t.created_at - interval '15 days')
                       + extract(epoch FROM t.created_at - (now() - interval '${YEARS * 365} days')) / ${YEARS * 365 * 86400} * interval '44 days'
                  ELSE t.resolution_due_at END`;
const CLOCKS = `
WITH clocks AS (
  INSERT INTO sla_clocks (id, subject_type, subject_id, unit, started_at, warning_at, due_at, level, stopped_at, created_at, updated_at)
  SELECT ${CLOCK_ID}, 'ticket', t.id, 'calendar_days', t.created_at, c.due - interval '6 hours', c.due,
         CASE WHEN t.closed_at IS NOT NULL THEN ${STEP_REACHED} END, t.closed_at, t.created_at, coalesce(t.closed_at, t.created_at)
    FROM tickets t CROSS JOIN LATERAL (SELECT ${DUE} AS due) c
   WHERE t.tracking_no BETWEEN $1 AND $2
  RETURNING id, subject_type, subject_id, warning_at, due_at, stopped_at)
INSERT INTO sla_timers (clock_id, subject_type, subject_id, level, next_level, next_at, due_at)
SELECT id, subject_type, subject_id, 0, 1, warning_at, due_at FROM clocks WHERE stopped_at IS NULL ORDER BY id`;

// The steps those clocks took, each fired at its instant and told a minute later, to the ticket's department.
const ESCALATIONS = `
INSERT INTO escalations (clock_id, subject_type, subject_id, department_id, level, due_at, fired_at, notified_at)
SELECT ${CLOCK_ID}, 'ticket', t.id, t.department_id, s.level, s.due, s.due + interval '1 second', s.due + interval '1 minute'
  FROM tickets t
  CROSS JOIN LATERAL (VALUES (1, t.resolution_due_at - interval '6 hours'), (2, t.resolution_due_at), (3, t.resolution_due_at + interval '2 days')) s(level, due)
 WHERE t.tracking_no BETWEEN $1 AND $2 AND s.level <= ${STEP_REACHED}`;

const GENERATED_TABLES = ['citizens', 'tickets', 'ticket_events', 'inbound_events', 'outbound_messages', 'sla_clocks', 'sla_timers', 'escalations'];

// The secondary indexes of the generated tables, but the one each chunk's statements find their tickets by
// (tracking_no) and those behind a constraint: dropped while generating and built again at the end, as a bulk
// load is done. Keeping them row by row (fifteen on tickets, one of them a trigram GIN) cost most of the time.
const SECONDARY_INDEXES = `
SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
  FROM pg_index i
 WHERE i.indrelid = ANY($1::regclass[])
   AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
   AND pg_get_indexdef(i.indexrelid) NOT LIKE '%(tracking_no)'`;

export interface Generated {
  tickets: number;
  seconds: number;
  rows: Record<string, number>;
}

/** Writes `tickets` tickets over the five years before now into a database migrated by the service. */
export async function generateScale(pg: Client, tickets: number, log: (line: string) => void): Promise<Generated> {
  const started = performance.now();
  const [{ id: policy }] = (await pg.query(`SELECT id FROM deadline_policies WHERE code = 'DILEKCE_3071'`)).rows;
  const [{ id: fen }] = (await pg.query(`SELECT id FROM departments WHERE code = 'FEN'`)).rows;
  const start = new Date(Date.now() - YEARS * 365 * 86_400_000);
  const citizens = Math.ceil(tickets * 0.45);
  // The built service's folding, as the search box folds what staff type.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built service's function, found by path at run time
  const { foldTurkish } = require(resolve(__dirname, '../dist/libs/common/src/text/turkish.js')) as { foldTurkish: (text: string) => string };
  // Triggers (the read model's dirty queue, foreign keys) are left out while generating: the data is consistent by
  // construction, and the read model is built afterwards by the service's own refresh, every ticket queued at once.
  await pg.query(`SET session_replication_role = replica`);
  const { rows: indexes } = await pg.query<{ name: string; definition: string }>(SECONDARY_INDEXES, [GENERATED_TABLES]);
  for (const { name } of indexes) await pg.query(`DROP INDEX ${name}`);
  await pg.query(CITIZENS, [citizens, start]);
  log(`citizens: ${citizens}`);
  for (let from = 1; from <= tickets; from += CHUNK) {
    const to = Math.min(tickets, from + CHUNK - 1);
    const [lo, hi] = [`S${String(from).padStart(9, '0')}`, `S${String(to).padStart(9, '0')}`];
    await pg.query(TICKETS, [from, to, tickets, citizens, policy, start, fen, SUBJECTS, SUBJECTS.map((s) => foldTurkish(s))]);
    for (const statement of [EVENTS, INBOUND, OUTBOUND, CLOCKS, ESCALATIONS]) await pg.query(statement, [lo, hi]);
    log(`tickets ${to} of ${tickets} (${Math.round((performance.now() - started) / 1000)} s)`);
  }
  const indexing = performance.now();
  await pg.query(`SET maintenance_work_mem = '1GB'`);
  for (const { definition } of indexes) await pg.query(definition);
  log(`${indexes.length} indexes built again in ${Math.round((performance.now() - indexing) / 1000)} s`);
  await pg.query(`INSERT INTO report_dirty_tickets (ticket_id) SELECT id FROM tickets ON CONFLICT DO NOTHING`);
  // Their told steps too, as the escalations' trigger would have queued them.
  await pg.query(
    `INSERT INTO report_escalated_tickets (ticket_id) SELECT DISTINCT subject_id FROM escalations WHERE notified_at IS NOT NULL ON CONFLICT DO NOTHING`,
  );
  await pg.query(`SET session_replication_role = origin`);
  await pg.query('VACUUM ANALYZE');
  const rows: Record<string, number> = {};
  for (const table of GENERATED_TABLES) rows[table] = Number((await pg.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
  return { tickets, seconds: Math.round((performance.now() - started) / 1000), rows };
}
