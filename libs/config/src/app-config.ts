import { DEFAULT_WORKING_HOURS, parseWeeklyHours, parseWorkingHours } from '@app/calendar';
import { isIP } from 'node:net';
import { plainToInstance, Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';
import { ChannelSettings } from './settings/channel.settings';
import { redisTopologyProblem } from './settings/redis.settings';
import { DEV_INTAKE_KEY, DEV_JWT_SECRET, DEV_PII_SECRET, toBool } from './settings/env-values';

/**
 * Every environment variable the service reads, declared once. `loadConfig` validates them
 * at boot; nothing else in the code reads `process.env`.
 */
export class AppConfig extends ChannelSettings {
  /** The staff map's tile server ({z}/{x}/{y}); its origin is allowed in the /app CSP's img-src. */
  @Matches(/^https?:\/\/[^\s/]+\/\S*\{z\}\S*\{x\}\S*\{y\}\S*$/, { message: 'UI_TILE_URL must be an http(s) URL with {z}, {x} and {y}' })
  UI_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

  /** The tiles' attribution, shown on the map (the OSM licence asks for it). */
  @IsString()
  UI_TILE_ATTRIBUTION = '© OpenStreetMap katkıcıları';

  /** Longest period one report may cover, in days; a longer one is refused (400). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3660)
  REPORTS_MAX_PERIOD_DAYS = 366;

  /**
   * The ticket list counts matching tickets up to this many and answers "this many or more" beyond
   * (`totalCapped`): counting every visible ticket of millions took a second, the page itself milliseconds.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  TICKET_LIST_COUNT_LIMIT = 10_000;

  /** How often workers bring the reports' read model up to date with the tickets. */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  REPORTS_REFRESH_INTERVAL_MS = 60_000;

  /**
   * Resolution times sort a period's durations for their medians and 90th percentiles up to this
   * many resolved tickets; beyond, they read past months from histograms (within 2 %).
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  REPORTS_EXACT_PERCENTILES_MAX = 200_000;

  /**
   * A month's resolution-time histogram is built again after its facts change at most this often
   * (with its quarter and year); meanwhile the reports read that month from its facts.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  REPORTS_HISTOGRAMS_REBUILD_MS = 3_600_000;

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

  @IsOptional()
  @IsString()
  TZ?: string;
}

export class ConfigValidationError extends Error {}

const PROXY_PRESETS = ['loopback', 'linklocal', 'uniquelocal'];

/** TRUST_PROXY as Fastify's `trustProxy` takes it (proxy-addr, as Express's "trust proxy" did); null when it is not a valid setting. */
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
  // Links in citizens' messages must reach this process when PUBLIC_URL is not set: it follows PORT.
  if (!input.PUBLIC_URL && Number.isInteger(config.PORT)) config.PUBLIC_URL = `http://localhost:${config.PORT}`;
  const errors = validateSync(config, { whitelist: true });
  const problems = errors.flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `${e.property}: ${m}`));
  const hours = hoursProblem(config.WORKING_HOURS, parseWorkingHours);
  if (hours) problems.push(`WORKING_HOURS: ${hours}, e.g. ${DEFAULT_WORKING_HOURS}`);
  const voice = hoursProblem(config.VOICE_OPEN_HOURS, parseWeeklyHours);
  if (voice) problems.push(`VOICE_OPEN_HOURS: ${voice}, e.g. Mon-Fri 08:30-17:30; Sat 09:00-13:00`);
  const redis = redisTopologyProblem(input);
  if (redis) problems.push(redis);
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

function hoursProblem(value: unknown, parse: (text: string) => unknown): string | null {
  if (typeof value !== 'string') return null;
  try {
    parse(value);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}
