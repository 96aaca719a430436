import { MigrationInterface, QueryRunner } from 'typeorm';

/** Every table whose uuid key the database fills (`TimeOrderedPrimaryKey`), as of this migration. */
const TABLES = [
  'appointment_slots',
  'appointments',
  'audit_log',
  'calendar_overrides',
  'call_logs',
  'canned_answers',
  'categories',
  'cimer_answers',
  'citizen_identities',
  'citizens',
  'classifier_examples',
  'classifier_models',
  'deadline_policies',
  'departments',
  'duplicate_suspicions',
  'escalations',
  'inbound_events',
  'incidents',
  'information_objections',
  'institutions',
  'knowledge_answers',
  'knowledge_articles',
  'legal_holds',
  'mahalleler',
  'media_files',
  'muhtar_activities',
  'notice_templates',
  'open311_clients',
  'outbound_messages',
  'personal_data_actions',
  'personal_data_destructions',
  'pii_access_log',
  'process_instances',
  'process_steps',
  'process_templates',
  'report_exports',
  'routing_rules',
  'saved_views',
  'sla_clocks',
  'staff_notifications',
  'ticket_events',
  'ticket_surveys',
  'tickets',
  'users',
  'whatsapp_media_fetches',
];

/**
 * Time-ordered ids (UUID version 7, RFC 9562) as the default of every generated uuid key. With
 * random (version 4) keys, each insert went to a random leaf of its primary-key index; at ten million
 * tickets those indexes no longer fit in memory and intake waited on disk reads (0.35 of its
 * throughput on an empty database). `uuid_v7()` is the 48-bit Unix time in milliseconds, the
 * version and variant bits, and 74 random bits of `gen_random_uuid()`. Existing ids stay as they are;
 * both kinds are uuids and nothing reads meaning from them.
 */
export class TimeOrderedIds1796750000000 implements MigrationInterface {
  name = 'TimeOrderedIds1796750000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE FUNCTION uuid_v7() RETURNS uuid LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
         SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
                  PLACING substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6),
                52, 1), 53, 1), 'hex')::uuid
       $$`,
    );
    for (const table of TABLES) await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "id" SET DEFAULT uuid_v7()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "id" SET DEFAULT gen_random_uuid()`);
    await queryRunner.query(`DROP FUNCTION uuid_v7()`);
  }
}
