import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { RedisSettings } from './redis.settings';
import { DEV_JWT_SECRET, DEV_PII_SECRET, toBool } from './env-values';

/** The process itself: HTTP, PostgreSQL, Redis, sign-in, the sweepers and timers, intake's batching. */
export class ServiceSettings extends RedisSettings {
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

  /**
   * The hot paths' statements go as named prepared statements (parsed and planned once per
   * connection). Off behind a pooler in transaction mode that does not carry them (PgBouncer before 1.21).
   */
  @Transform(toBool)
  @IsBoolean()
  DATABASE_PREPARED_STATEMENTS = true;

  /**
   * A PostgreSQL streaming replica (hot standby) that reports and exports read from; unset, they
   * read the primary. The report read model is refreshed on the primary and reaches it by replication.
   */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'REPORTS_DATABASE_URL must be a postgres:// URL' })
  REPORTS_DATABASE_URL?: string;

  /** Connections per process to REPORTS_DATABASE_URL (only used when it is set). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  REPORTS_DATABASE_POOL_SIZE = 4;

  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET = DEV_JWT_SECRET;

  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(7 * 24 * 3600)
  JWT_TTL_SECONDS = 8 * 3600;

  /** How often an open live stream checks that its sign-in still holds (a revoked one is closed). */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(600_000)
  LIVE_SESSION_CHECK_MS = 25_000;

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

  /**
   * How long a stopping worker waits for its jobs in flight to finish; after it, the process goes
   * on stopping and those jobs come back as stalled (every handler is idempotent).
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  WORKER_DRAIN_MS = 30_000;

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

  /**
   * How often workers merge the tickets' search index's pending entries into it, so that no
   * intake transaction does it while holding the year's tracking-number lock.
   */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  SEARCH_INDEX_FLUSH_MS = 1000;

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
   * 15 rather than 5 since 2026-12-07: fewer, larger batches at 250–500/s cut the wait (README, Benchmark).
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1000)
  INTAKE_JOB_INTERVAL_MS = 15;

  /**
   * Every process (API and worker) serves Prometheus metrics at /metrics on this port of its
   * own, apart from the public HTTP port; unset = no metrics server, 0 = a free port (tests).
   * Keep it off the ingress.
   */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  METRICS_PORT?: number;

  @IsString()
  METRICS_HOST = '0.0.0.0';

  /** When set, a scrape must bring `Authorization: Bearer <token>` (for a port reachable beyond the cluster). */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters' })
  METRICS_TOKEN?: string;

  /**
   * On SIGTERM, how long the API answers "not ready" while still serving, before it stops
   * accepting: the time a load balancer (Kubernetes endpoints) takes to stop sending to it.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(60_000)
  SHUTDOWN_DELAY_MS = 0;
}
