import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { DEFAULT_WORKING_HOURS } from '@app/calendar';
import { DEV_INTAKE_KEY, toBool } from './env-values';
import { VoiceSettings } from './voice.settings';

/** The channels and providers, the outbox and surveys, media and the web form (the 444 line in VoiceSettings). */
export class ChannelSettings extends VoiceSettings {
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
  @Matches(/^\d{5,30}$/, {
    message: 'WHATSAPP_CLOUD_PHONE_NUMBER_ID must be 5-30 digits: the phone number ID from WhatsApp Manager (API Setup), not the phone number itself',
  })
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

  /**
   * An incident's answer reaches its citizens at most this many a minute (the slowest provider's
   * pace: a Twilio long code sends about one SMS a second); the rest wait their minute in the outbox.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(6000)
  INCIDENT_NOTICES_PER_MINUTE = 60;

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

  /**
   * Office hours that deadlines in working days and hours count, Monday to Friday, Istanbul
   * time: comma-separated periods, the lunch break left out. Holidays come from the calendar.
   */
  @IsString()
  WORKING_HOURS = DEFAULT_WORKING_HOURS;

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
   * How long the link to a document sent by SMS (the citizen has no login) stays valid, in days,
   * counted from when the message was written; the link is signed with a key derived from JWT_SECRET.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(90)
  MEDIA_LINK_TTL_DAYS = 14;

  /**
   * Which proxies' X-Forwarded-For is believed for the client's IP (Fastify's `trustProxy`):
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
}
