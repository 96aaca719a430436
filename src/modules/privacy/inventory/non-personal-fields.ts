import { NonPersonalField } from './inventory-types';

const CODE = 'a code, name or setting of the municipality itself';
const STATE = 'a state, kind or channel from a fixed list';
const TEMPLATE = 'wording or structure written by the municipality, about no one';
const NUMBER = 'a number the system or a provider gives; alone it names no one';
const STATS = 'an anonymous figure of the reports';

const none = (table: string, columns: string[], why: string): NonPersonalField[] => columns.map((column) => ({ table, column, why }));

/** Every other text, JSON or number column a person's data could hide in, and why it holds none. */
export const NON_PERSONAL_FIELDS: readonly NonPersonalField[] = [
  ...none('agent_state_changes', ['state', 'source'], STATE),
  ...none('agent_state_changes', ['call_sid'], NUMBER),
  ...none('appointment_slots', ['location'], 'a room of the municipality'),
  ...none('appointments', ['institution_name'], 'the institution asking, not a person'),
  ...none('appointments', ['channel', 'mayor_decision'], STATE),
  ...none('audit_log', ['action', 'entity_type'], STATE),
  ...none('audit_log', ['entity_id'], NUMBER),
  ...none('calendar_overrides', ['reason'], CODE),
  ...none('call_logs', ['call_sid'], NUMBER),
  ...none('call_logs', ['to_number'], 'the municipality’s own 444 number'),
  ...none('call_logs', ['status', 'menu_choice', 'queue_result'], STATE),
  ...none('canned_answers', ['title', 'body'], TEMPLATE),
  ...none('categories', ['service_code', 'name', 'keywords'], CODE),
  ...none('categories', ['fields'], TEMPLATE),
  ...none('classifier_examples', ['source'], STATE),
  ...none('classifier_models', ['reason', 'error'], 'why a version was trained, or why its training failed'),
  ...none('classifier_models', ['evaluation'], STATS),
  // The texts stay on their tickets (and go with them at erasure); a model keeps weights over word stems and letter groups of many messages, linked to no one.
  ...none('classifier_models', ['model'], 'weights learned from many messages, linked to no one'),
  ...none('cimer_applications', ['cimer_no'], 'CİMER’s application number; the applicant is in CİMER’s records, not ours'),
  ...none('deadline_policies', ['code', 'name'], CODE),
  ...none('departments', ['code', 'name', 'email', 'phone'], 'a unit’s own mailbox and switchboard'),
  ...none('duplicate_suspicions', ['reason'], STATE),
  ...none('escalations', ['subject_type'], STATE),
  ...none('inbound_events', ['channel'], STATE),
  // An incident is a water cut or a storm as staff describe it; the citizens' reports stay on their tickets.
  ...none(
    'incidents',
    ['title', 'description', 'search_text', 'answer_text'],
    'an event in the municipality (a water cut, a storm) and its one answer, as staff wrote them',
  ),
  ...none('incidents', ['mahalle_ids'], CODE),
  ...none('information_objections', ['kurul_ref'], 'the Kurul’s file number'),
  ...none('information_requests', ['exemption_articles', 'decision_reason'], 'the articles of Law 4982 and why they apply, as staff wrote them'),
  ...none('institutions', ['code', 'name', 'phone', 'website'], 'an outside institution'),
  ...none('knowledge_answers', ['channel'], STATE),
  ...none('knowledge_articles', ['title', 'body'], TEMPLATE),
  ...none('legal_holds', ['reason'], 'why a ticket is under dispute, as staff wrote it'),
  ...none('mahalleler', ['code', 'name'], CODE),
  ...none('mailbox_cursors', ['mailbox'], 'the municipality’s own mailbox'),
  ...none('media_files', ['source', 'sha256', 'content_type'], 'how and what kind of file; the file goes with its name'),
  ...none('muhtar_activities', ['title', 'location', 'notes'], 'the municipality’s meetings with muhtars, office holders'),
  ...none('notice_templates', ['purpose', 'locale', 'subject', 'body'], TEMPLATE),
  ...none('outbound_messages', ['purpose', 'provider', 'provider_id'], NUMBER),
  ...none('personal_data_actions', ['action', 'details'], 'which right was exercised and counts of what changed, never the values'),
  ...none('personal_data_destructions', ['trigger', 'state', 'retention', 'counts', 'error'], 'a destruction run’s periods and counts'),
  ...none('process_events', ['type', 'body', 'data'], 'steps of the municipality’s own processes'),
  ...none('process_instances', ['definition', 'title'], TEMPLATE),
  ...none('process_steps', ['key', 'name', 'role', 'outcome', 'document', 'note'], 'steps of the municipality’s own processes'),
  ...none('process_templates', ['code', 'name', 'description', 'steps'], TEMPLATE),
  ...none('report_exports', ['report', 'format', 'query', 'state', 'file_name', 'error'], 'a report’s name and filters; exports carry no citizen data'),
  ...none('report_state', ['calendar_signature'], CODE),
  ...none('report_duration_histograms', ['minutes'], STATS),
  ...none('report_duration_histograms', ['dimension', 'key'], 'a grouping of the reports and the group’s kind, channel or id'),
  ...none('report_ticket_facts', ['resolution', 'open_minutes', 'open_working_minutes'], STATS),
  ...none('report_work_periods', ['minutes', 'cum_minutes'], STATS),
  // A phone, e-mail or T.C. number is refused in a view's search (saved-views.service.ts).
  ...none('open311_clients', ['name'], 'a client application of the municipality (its mobile app, a city-app provider)'),
  ...none('open311_clients', ['key_hash', 'key_prefix'], NUMBER),
  ...none('saved_views', ['name', 'query'], 'a staff member’s own filter of the ticket list; it may not search for a person’s phone, e-mail or T.C. number'),
  ...none('sla_clocks', ['subject_type'], STATE),
  ...none('sla_timers', ['subject_type'], STATE),
  ...none('staff_notifications', ['cause', 'link'], NUMBER),
  ...none('ticket_surveys', ['token', 'answered_via'], NUMBER),
  ...none('tickets', ['tracking_no', 'external_ref', 'resolution'], NUMBER),
  ...none(
    'voicemail_recordings',
    ['call_sid', 'state', 'last_error'],
    'the copy of a recording: the call’s id at Twilio, its state, and an HTTP status or timeout',
  ),
  ...none('whatsapp_media_fetches', ['media_ref', 'content_type', 'state'], NUMBER),
];
