import type { ClassConstructor } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, isObject, IsUUID, isUUID, Matches } from 'class-validator';
import { QueueName } from './queue-name';

const MAX_IDS = 500;

/**
 * The quick test of an id-list payload (see QuickAccepting): the field alone, 1–MAX_IDS ids
 * that class-validator's own isUUID takes, as the decorators say; anything else is validated
 * in full. Intake and send jobs come by the hundred a second, and a class-validator pass looks
 * through the metadata of every validated class of the app for each of them.
 */
function idListAccepted(value: unknown, field: string): boolean {
  if (!isObject(value)) return false;
  const keys = Object.keys(value);
  if (keys.length !== 1 || keys[0] !== field) return false;
  const ids = (value as Record<string, unknown>)[field];
  return Array.isArray(ids) && ids.length > 0 && ids.length <= MAX_IDS && ids.every((id) => isUUID(id, 'all'));
}

/** Inbound events stored together; at most INTAKE_BATCH_SIZE (≤ 500). */
export class EventsJob {
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_IDS)
  @IsUUID('all', { each: true })
  eventIds: string[];

  static quickAccept(value: unknown): boolean {
    return idListAccepted(value, 'eventIds');
  }
}

/** A file a WhatsApp message announced, still to be fetched from the Graph API. */
export class MediaFetchJob {
  @IsUUID()
  fetchId: string;
}

/** A voicemail's recording to copy from Twilio to its ticket's files, by the call's CallSid. */
export class RecordingJob {
  @Matches(/^CA[0-9a-zA-Z]{1,62}$/)
  callSid: string;
}

export class TicketJob {
  @IsUUID()
  ticketId: string;
}

export class DepartmentJob {
  @IsUUID()
  departmentId: string;
}

/** Outbound messages due at the same moment; at most 500. */
export class MessagesJob {
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_IDS)
  @IsUUID('all', { each: true })
  messageIds: string[];

  static quickAccept(value: unknown): boolean {
    return idListAccepted(value, 'messageIds');
  }
}

export class EscalationBatchJob {
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_IDS)
  @IsUUID('all', { each: true })
  escalationIds: string[];

  static quickAccept(value: unknown): boolean {
    return idListAccepted(value, 'escalationIds');
  }
}

export class ExportJob {
  @IsUUID()
  exportId: string;
}

/** A classifier version to train (its row holds why and from what). */
export class ModelJob {
  @IsUUID()
  modelId: string;
}

/** An answered incident whose linked tickets are to be answered. */
export class IncidentJob {
  @IsUUID()
  incidentId: string;
}

/** A periodic destruction of personal data (KVKK), recorded before it runs. */
export class DestructionJob {
  @IsUUID()
  runId: string;
}

/** A payload class as class-transformer instantiates it. */
export type PayloadClass = ClassConstructor<object>;

/**
 * Every job the system runs: queue → job name → payload class (ids only, validated with
 * class-validator before a handler sees it). Boot fails unless each job here has exactly
 * one handler, and no handler exists for a job not listed here.
 */
export const JOBS = {
  [QueueName.Intake]: { 'process-events': EventsJob, 'fetch-whatsapp-media': MediaFetchJob, 'fetch-voicemail-recording': RecordingJob },
  [QueueName.Routing]: { 'route-ticket': TicketJob, 'assign-backlog': DepartmentJob },
  [QueueName.Sla]: { 'notify-escalations': EscalationBatchJob },
  [QueueName.Notify]: { 'send-messages': MessagesJob, 'answer-incident': IncidentJob },
  [QueueName.Reports]: { 'export-report': ExportJob, 'destroy-personal-data': DestructionJob },
  [QueueName.Classifier]: { 'train-model': ModelJob },
} as const satisfies Record<QueueName, Record<string, PayloadClass>>;

export type JobCatalogue = Record<QueueName, Record<string, PayloadClass>>;
export type JobName<Q extends QueueName> = Extract<keyof (typeof JOBS)[Q], string>;
export type JobPayload<Q extends QueueName, N extends JobName<Q>> = InstanceType<Extract<(typeof JOBS)[Q][N], PayloadClass>>;

/** The key of job data that carries the causing request's id (not a payload field: no handler sees it). */
export const REQUEST_ID_KEY = 'requestId';
