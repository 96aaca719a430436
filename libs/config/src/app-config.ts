import { DEFAULT_WORKING_HOURS, parseWorkingHours } from '@app/calendar';
import { isIP } from 'node:net';
import { plainToInstance, Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const DEV_JWT_SECRET = 'dev-only-jwt-secret-change-me-0123456789';
const DEV_PII_SECRET = 'dev-only-pii-secret-change-me-0123456789';
const DEV_INTAKE_KEY = 'dev-only-intake-key-change-me';

const toBool = ({ value }: { value: unknown }) =>
  value === undefined ? undefined : value === true || value === 'true' || value === '1' ? true : value === false || value === 'false' || value === '0' ? false : value;

/**
 * Every environment variable the service reads, declared once. `loadConfig` validates them
 * at boot; nothing else in the code reads `process.env`.
 */
export class AppConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  /** api = HTTP only, worker = queue workers only, all = both in one process. */
  @IsIn(['api', 'worker', 'all'])
  APP_ROLE: 'api' | 'worker' | 'all' = 'all';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /** The public base URL as citizens and providers see it (behind a proxy, the proxy's). */
  @Matches(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, { message: 'PUBLIC_URL must be an http(s) URL' })
  PUBLIC_URL = 'http://localhost:3000';

  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/cozum_masasi';

  /** Create the database on boot when it does not exist (handy on a fresh machine). */
  @Transform(toBool)
  @IsBoolean()
  DATABASE_CREATE = true;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Key prefix for every queue key, so several installations can share one Redis. */
  @Matches(/^[a-zA-Z0-9_-]{1,40}$/, { message: 'REDIS_PREFIX must be 1-40 letters, digits, - or _' })
  REDIS_PREFIX = 'cm';

  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET = DEV_JWT_SECRET;

  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(7 * 24 * 3600)
  JWT_TTL_SECONDS = 8 * 3600;

  /** Failed logins allowed per account from one client address per window. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES = 10;

  /** Failed logins allowed per account from all addresses together per window (guessing spread over many addresses). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_MAX_ACCOUNT_FAILURES = 100;

  /** Failed logins allowed from one client address per window, whatever the accounts (password spraying). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_MAX_ADDRESS_FAILURES = 50;

  /** The login throttle's window, in seconds. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(24 * 3600)
  LOGIN_WINDOW_SECONDS = 900;

  /** Key of the HMAC that lets a TC Kimlik No be matched without being stored in clear. */
  @IsString()
  @MinLength(32, { message: 'PII_HASH_SECRET must be at least 32 characters' })
  PII_HASH_SECRET = DEV_PII_SECRET;

  @IsString()
  MUNICIPALITY_FILE = 'data/municipality.json';

  /** Load the demo user of each role (refused when NODE_ENV=production). */
  @Transform(toBool)
  @IsBoolean()
  SEED_DEMO_USERS = true;

  @IsIn(['fatal', 'error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL = 'log';

  @Matches(/^\d+(kb|mb)$/, { message: 'BODY_LIMIT must look like 1mb or 512kb' })
  BODY_LIMIT = '1mb';

  /** Failed look-ups of one tracking number allowed from one client address per hour. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  PUBLIC_LOOKUP_MAX_FAILURES = 10;

  /** Failed look-ups allowed from one client address per hour, whatever the numbers (enumeration). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  PUBLIC_LOOKUP_MAX_ADDRESS_FAILURES = 50;

  /** How long a worker's claim on a job lasts without renewal; a crashed worker's job is retried after it. */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  QUEUE_LOCK_MS = 30_000;

  /** How often workers re-enqueue work that committed but whose job never ran. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  SWEEP_INTERVAL_MS = 5000;

  /** Pending work younger than this is left to its own job before a sweep re-enqueues it. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  SWEEP_GRACE_MS = 5000;

  /** How often the deadline timer looks for warnings and breaches that fell due. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  SLA_TICK_MS = 1000;

  /** A message from a citizen with a ticket open on the same channel, active within this many hours, joins that ticket. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  INTAKE_THREAD_WINDOW_HOURS = 72;

  /**
   * Most inbound events one intake job files in one transaction. A job takes its own event and,
   * when more are waiting, the oldest others: one at a time when it is quiet, whole batches under load.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  INTAKE_BATCH_SIZE = 50;

  /**
   * Intake jobs a worker process runs at once. Batches that create tickets queue on the year's
   * tracking-number row until they commit: fewer at once wait less there but file less in all.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(64)
  INTAKE_CONCURRENCY = 8;

  /**
   * Receipt inserts in flight at once. Receipts that arrive meanwhile wait and are stored
   * together by the next insert (one commit, one intake job), so a flood of requests makes
   * bigger batches instead of taking the pool from the intake jobs that file the events.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  INTAKE_RECEIPT_WRITERS = 1;

  /**
   * At most one intake job is added per this many milliseconds: the events stored meanwhile wait
   * and go as one job (a lone event after a quiet spell goes at once). 0 = a job per receipt batch.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1000)
  INTAKE_JOB_INTERVAL_MS = 5;

  /** Largest raw inbound payload stored as received; larger ones are kept as failed events. */
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  INTAKE_MAX_PAYLOAD_BYTES = 256 * 1024;

  /** The Twilio account (AC…) of the 444 line and the SMS number; unset = Twilio not connected. */
  @IsOptional()
  @Matches(/^AC[0-9a-fA-F]{32}$/, { message: 'TWILIO_ACCOUNT_SID must look like AC followed by 32 hex digits' })
  TWILIO_ACCOUNT_SID?: string;

  /** Checks X-Twilio-Signature on every Twilio webhook; without it the Twilio webhooks answer 503. */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'TWILIO_AUTH_TOKEN must be at least 16 characters' })
  TWILIO_AUTH_TOKEN?: string;

  /** The number (E.164) or Messaging Service (MG…) outbound SMS is sent from. */
  @IsOptional()
  @Matches(/^(\+[1-9]\d{7,14}|MG[0-9a-fA-F]{32})$/, { message: 'TWILIO_SMS_FROM must be an E.164 number or a Messaging Service SID (MG…)' })
  TWILIO_SMS_FROM?: string;

  /** Twilio's REST API base; only changed to reach a stand-in on loopback (tests) or an egress proxy. */
  @Matches(/^https?:\/\/[^\s/]+$/, { message: 'TWILIO_API_URL must be an http(s) origin such as https://api.twilio.com' })
  TWILIO_API_URL = 'https://api.twilio.com';

  /** Who sends SMS: local (kept in the outbox, visible to admins, not sent) or twilio. */
  @IsIn(['local', 'twilio'])
  SMS_PROVIDER: 'local' | 'twilio' = 'local';

  /** Who sends e-mail: local (kept in the outbox) or smtp. */
  @IsIn(['local', 'smtp'])
  EMAIL_PROVIDER: 'local' | 'smtp' = 'local';

  /** Who sends WhatsApp messages: local (kept in the outbox), wwebjs (whatsapp-web.js) or cloud-api. */
  @IsIn(['local', 'wwebjs', 'cloud-api'])
  WHATSAPP_PROVIDER: 'local' | 'wwebjs' | 'cloud-api' = 'local';

  /** The mailbox citizens write to, as imap(s)://user:password@host:port (or the IMAP_HOST… settings); unset = no e-mail intake. */
  @IsOptional()
  @Matches(/^imaps?:\/\/\S+$/, { message: 'IMAP_URL must be an imap:// or imaps:// URL' })
  IMAP_URL?: string;

  @IsOptional()
  @IsString()
  IMAP_HOST?: string;

  /** Defaults to 993 with TLS, 143 without. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  IMAP_PORT?: number;

  @IsOptional()
  @IsString()
  IMAP_USER?: string;

  @IsOptional()
  @IsString()
  IMAP_PASSWORD?: string;

  /** Implicit TLS (imaps); false = plain connection upgraded with STARTTLS when the server offers it. */
  @Transform(toBool)
  @IsBoolean()
  IMAP_TLS = true;

  /** The folder read for new mail; it is opened read-only. */
  @IsString()
  @MinLength(1)
  IMAP_MAILBOX = 'INBOX';

  /** The SMTP server e-mail is sent through when EMAIL_PROVIDER=smtp, as smtp(s)://user:password@host:port (or the SMTP_HOST… settings). */
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsOptional()
  @IsString()
  SMTP_HOST?: string;

  /** Defaults to 465 with TLS, 587 without. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  SMTP_PORT?: number;

  @IsOptional()
  @IsString()
  SMTP_USER?: string;

  @IsOptional()
  @IsString()
  SMTP_PASSWORD?: string;

  /** Implicit TLS (smtps); false = STARTTLS when the server offers it. */
  @Transform(toBool)
  @IsBoolean()
  SMTP_TLS = true;

  /** The sender of outbound e-mail, e.g. "Çözüm Masası" <cozum@belediye.bel.tr>. */
  @IsOptional()
  @Matches(/^(.*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, { message: 'MAIL_FROM must be an e-mail address, optionally as "Name" <address>' })
  MAIL_FROM?: string;

  /** The domain of the Message-IDs the system sends (<outbound-id@domain>); defaults to MAIL_FROM's domain. */
  @IsOptional()
  @Matches(/^[a-zA-Z0-9.-]+$/, { message: 'MAIL_MESSAGE_ID_DOMAIN must be a domain name' })
  MAIL_MESSAGE_ID_DOMAIN?: string;
  /** Where the whatsapp-web.js session (LocalAuth) is kept, so a restart needs no new QR scan. */
  @IsString()
  WHATSAPP_DATA_DIR = 'data/whatsapp';

  /** The system's Chromium that whatsapp-web.js drives (installing the project downloads no browser). */
  @IsString()
  CHROMIUM_PATH = '/usr/bin/chromium';

  /** First wait before a disconnected or failed WhatsApp client is rebuilt; doubles each time up to the max. */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  WHATSAPP_RESTART_MIN_MS = 5000;

  @Type(() => Number)
  @IsInt()
  @Min(10)
  WHATSAPP_RESTART_MAX_MS = 5 * 60_000;

  /** Cloud API: the token typed into Meta's webhook settings, echoed back by the verification handshake. */
  @IsOptional()
  @IsString()
  @MinLength(8, { message: 'WHATSAPP_CLOUD_VERIFY_TOKEN must be at least 8 characters' })
  WHATSAPP_CLOUD_VERIFY_TOKEN?: string;

  /** Cloud API: the Meta app secret that signs every webhook (X-Hub-Signature-256). */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'WHATSAPP_CLOUD_APP_SECRET must be at least 16 characters' })
  WHATSAPP_CLOUD_APP_SECRET?: string;

  /** Cloud API: a (system user) access token allowed to send messages and read media. */
  @IsOptional()
  @IsString()
  WHATSAPP_CLOUD_ACCESS_TOKEN?: string;

  /** Cloud API: the id of the hotline's phone number (not the number itself). */
  @IsOptional()
  @Matches(/^\d{5,30}$/, { message: 'WHATSAPP_CLOUD_PHONE_NUMBER_ID must be digits' })
  WHATSAPP_CLOUD_PHONE_NUMBER_ID?: string;

  /** The Graph API base with its version; only changed for a new version or a stand-in on loopback (tests). */
  @Matches(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, { message: 'WHATSAPP_CLOUD_API_URL must be an http(s) URL such as https://graph.facebook.com/v21.0' })
  WHATSAPP_CLOUD_API_URL = 'https://graph.facebook.com/v21.0';

  /** An approved template with one body parameter, sent when the 24-hour window is closed; unset = fall back to SMS. */
  @IsOptional()
  @Matches(/^[a-z0-9_]{1,512}$/, { message: 'WHATSAPP_CLOUD_TEMPLATE must be a template name (lower-case letters, digits, _)' })
  WHATSAPP_CLOUD_TEMPLATE?: string;

  @Matches(/^[a-z]{2}(_[A-Z]{2})?$/, { message: 'WHATSAPP_CLOUD_TEMPLATE_LANGUAGE must look like tr or en_US' })
  WHATSAPP_CLOUD_TEMPLATE_LANGUAGE = 'tr';

  /** Attempts before an outbound message is given up as failed (and shown to admins). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  NOTIFY_MAX_ATTEMPTS = 6;

  /** Istanbul time during which notices that can wait (received, forwarded, delayed) are held until the end. */
  @Matches(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, { message: 'NOTIFY_QUIET_HOURS must look like 21:00-08:00' })
  NOTIFY_QUIET_HOURS = '21:00-08:00';

  /** Minutes between the answer (or closing) and the satisfaction survey, so it does not arrive with the answer. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10080)
  SURVEY_DELAY_MINUTES = 60;

  /** An SMS/WhatsApp reply within this many hours of the survey is read as its answer (when it parses as one). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(720)
  SURVEY_REPLY_WINDOW_HOURS = 72;

  /** How long the /anket/<token> link accepts an answer. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  SURVEY_LINK_VALID_DAYS = 30;

  /** A score at or below this reopens the ticket for a supervisor ("not solved" always does); 0 = only "not solved". */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(5)
  SURVEY_REOPEN_AT_OR_BELOW = 2;

  /** When the 444 line's agents answer, Monday to Friday, Istanbul time; outside it callers leave a voicemail. */
  @Matches(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, { message: 'VOICE_OPEN_HOURS must look like 08:30-17:30' })
  VOICE_OPEN_HOURS = '08:30-17:30';

  /**
   * Office hours that deadlines in working days and hours count, Monday to Friday, Istanbul
   * time: comma-separated periods, the lunch break left out. Holidays come from the calendar.
   */
  @IsString()
  WORKING_HOURS = DEFAULT_WORKING_HOURS;

  /** How long a caller waits in the agent queue before being offered a voicemail. */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  VOICE_QUEUE_WAIT_SECONDS = 90;

  /** Shared secret of trusted integrations that post to /api/v1/intake/events (header X-Intake-Key). */
  @IsString()
  @MinLength(16, { message: 'INTAKE_API_KEY must be at least 16 characters' })
  INTAKE_API_KEY = DEV_INTAKE_KEY;

  /** Where photos, documents and recordings that citizens send are kept (one file per content hash). */
  @IsString()
  MEDIA_DIR = 'data/media';

  /** Largest file a citizen may send through any channel; larger ones are refused (413). */
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  MEDIA_MAX_BYTES = 10 * 1024 * 1024;

  /**
   * Which proxies' X-Forwarded-For is believed for the client's IP (Express "trust proxy"):
   * false (none, the default), true, a hop count, or addresses/subnets/loopback, comma-separated.
   */
  @IsString()
  TRUST_PROXY = 'false';

  /** Applications one IP address may file through the public web form per window. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  WEB_FORM_RATE_LIMIT = 5;

  /** The web form's rate-limit window, in seconds. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  WEB_FORM_RATE_WINDOW_SECONDS = 600;

  /** Photos a citizen may attach to one web-form application. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10)
  WEB_FORM_MAX_PHOTOS = 3;

  /** Longest period one report may cover, in days; a longer one is refused (400). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3660)
  REPORTS_MAX_PERIOD_DAYS = 366;

  /** How often workers bring the reports' read model up to date with the tickets. */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  REPORTS_REFRESH_INTERVAL_MS = 60_000;

  /** The labelled citizens' messages the classifier learns from before any staff decision. */
  @IsString()
  CLASSIFIER_CORPUS_FILE = 'data/classifier-corpus.json';

  /** Workers train the first model when there is none, and retrain on schedule and after new examples. */
  @Transform(toBool)
  @IsBoolean()
  CLASSIFIER_AUTO_TRAIN = true;

  /** Retrain once this many staff category decisions have come in since the active model. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  CLASSIFIER_RETRAIN_AFTER_EXAMPLES = 200;

  /** Retrain at least this often when new decisions have come in (hours). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  CLASSIFIER_RETRAIN_HOURS = 24;

  /** How often every process checks for a newly activated model version. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  CLASSIFIER_REFRESH_MS = 10_000;

  /** Where export files (CSV, XLSX) are written for download. */
  @IsString()
  REPORTS_EXPORT_DIR = 'data/exports';

  /** Export files older than this many hours are deleted with their record. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  REPORTS_EXPORT_KEEP_HOURS = 72;

  /** Muhtar plan targets (strategic plan H7.4): PG7.4.1 coordination meetings per year. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  MUHTAR_TARGET_MEETINGS_PER_YEAR = 4;

  /** PG7.4.2: periodic muhtar visits per year. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  MUHTAR_TARGET_VISITS_PER_YEAR = 111;

  /** PG7.4.3: share of muhtar complaints and requests fulfilled, in percent (at least). */
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  @Max(100)
  MUHTAR_TARGET_FULFILLED_PERCENT = 85;

  /** PG7.4.4: average days to answer a muhtar complaint (at most). */
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  MUHTAR_TARGET_COMPLAINT_DAYS = 18;

  /** PG7.4.5: average days to answer a muhtar request (at most). */
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  MUHTAR_TARGET_REQUEST_DAYS = 70;

  @IsOptional()
  @IsString()
  TZ?: string;
}

export class ConfigValidationError extends Error {}

const PROXY_PRESETS = ['loopback', 'linklocal', 'uniquelocal'];

/** TRUST_PROXY as Express's "trust proxy" takes it; null when it is not a valid setting. */
export function trustProxySetting(value: string): boolean | number | string[] | null {
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^\d{1,2}$/.test(value)) return Number(value);
  const entries = value.split(',').map((entry) => entry.trim());
  const valid = entries.every((entry) => {
    const [address, bits, extra] = entry.split('/');
    return PROXY_PRESETS.includes(entry) || (isIP(address) !== 0 && extra === undefined && (bits === undefined || /^\d{1,3}$/.test(bits)));
  });
  return valid ? entries : null;
}

export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const declared = new Set(Object.keys(new AppConfig()));
  const input = Object.fromEntries(Object.entries(env).filter(([key, value]) => declared.has(key) && value !== ''));
  const config = plainToInstance(AppConfig, input, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: true });
  const problems = errors.flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `${e.property}: ${m}`));
  const hours = workingHoursProblem(config.WORKING_HOURS);
  if (hours) problems.push(`WORKING_HOURS: ${hours}, e.g. ${DEFAULT_WORKING_HOURS}`);
  if (config.NODE_ENV === 'production') {
    if (config.JWT_SECRET === DEV_JWT_SECRET) problems.push('JWT_SECRET: must be set in production');
    if (config.PII_HASH_SECRET === DEV_PII_SECRET) problems.push('PII_HASH_SECRET: must be set in production');
    if (config.INTAKE_API_KEY === DEV_INTAKE_KEY) problems.push('INTAKE_API_KEY: must be set in production');
    if (env.SEED_DEMO_USERS === 'true') problems.push('SEED_DEMO_USERS: demo users are refused in production');
    config.SEED_DEMO_USERS = false;
  }
  if (config.SMS_PROVIDER === 'twilio') {
    for (const key of ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_SMS_FROM'] as const) {
      if (!config[key]) problems.push(`${key}: required when SMS_PROVIDER=twilio`);
    }
  }
  if (config.IMAP_HOST && !config.IMAP_URL) {
    for (const key of ['IMAP_USER', 'IMAP_PASSWORD'] as const) {
      if (!config[key]) problems.push(`${key}: required when IMAP_HOST is set`);
    }
  }
  if (config.EMAIL_PROVIDER === 'smtp') {
    if (!config.SMTP_URL && !config.SMTP_HOST) problems.push('SMTP_URL: SMTP_URL or SMTP_HOST required when EMAIL_PROVIDER=smtp');
    if (!config.MAIL_FROM) problems.push('MAIL_FROM: required when EMAIL_PROVIDER=smtp');
  }
  if (config.WHATSAPP_PROVIDER === 'cloud-api') {
    for (const key of ['WHATSAPP_CLOUD_VERIFY_TOKEN', 'WHATSAPP_CLOUD_APP_SECRET', 'WHATSAPP_CLOUD_ACCESS_TOKEN', 'WHATSAPP_CLOUD_PHONE_NUMBER_ID'] as const) {
      if (!config[key]) problems.push(`${key}: required when WHATSAPP_PROVIDER=cloud-api`);
    }
  }
  if (config.WHATSAPP_RESTART_MAX_MS < config.WHATSAPP_RESTART_MIN_MS) problems.push('WHATSAPP_RESTART_MAX_MS: must not be less than WHATSAPP_RESTART_MIN_MS');
  if (trustProxySetting(config.TRUST_PROXY) === null) {
    problems.push('TRUST_PROXY: must be true, false, a hop count, or addresses, subnets, loopback, linklocal or uniquelocal separated by commas');
  }
  if (problems.length) {
    throw new ConfigValidationError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return config;
}

function workingHoursProblem(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  try {
    parseWorkingHours(value);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}
