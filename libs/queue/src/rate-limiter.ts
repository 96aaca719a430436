import { Injectable, Logger } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { AppConfig } from '@app/config';
import { CommonErrorCode, DomainException, ErrorKind, TooManyRequestsException, withTimeout } from '@app/common';
import { RedisClient } from './redis.provider';

/** At most `limit` hits per subject in a fixed window of `windowSeconds`, which starts with the first hit. */
export interface RateRule {
  /** Names the counter in Redis (`<prefix>:rate:<scope>:<hash>`). */
  scope: string;
  limit: number;
  windowSeconds: number;
}

/** One rule applied to one subject: an address, an account, or several parts together. */
export interface RateCheck {
  rule: RateRule;
  subject: string | readonly string[];
}

/** Tells the client, in Turkish, how long to wait. */
export type RateLimitMessage = (retryAfterSeconds: number) => string;

/** A 429 whose Retry-After is the time left in the window that is used up. */
export class RateLimitedException extends TooManyRequestsException {
  constructor(
    override readonly retryAfterSeconds: number,
    message: RateLimitMessage,
  ) {
    super(message(retryAfterSeconds));
  }
}

/** The wait in whole minutes, rounded up, as the messages tell it. */
export function waitMinutes(seconds: number): number {
  return Math.ceil(seconds / 60);
}

/** Redis did not answer: a caller that must not let requests through unchecked answers 503. */
export class RateLimitUnavailableException extends DomainException {
  constructor() {
    super(CommonErrorCode.Unavailable, ErrorKind.Unavailable, 'Hizmet geçici olarak kullanılamıyor; lütfen biraz sonra tekrar deneyin', undefined, 5);
  }
}

// Every check is read first and counted only when none is used up, in one script, so processes
// racing on the same counters never let through more than the limit, and a refused hit counts
// nowhere (a request refused for one counter does not use up another). Returns the seconds to
// wait, 0 when counted. EXPIRE NX never extends a running window.
const TAKE = `
local n = #KEYS
local wait = 0
for i = 1, n do
  if tonumber(redis.call('GET', KEYS[i]) or '0') >= tonumber(ARGV[i]) then
    local ms = redis.call('PTTL', KEYS[i])
    if ms < 0 then
      redis.call('EXPIRE', KEYS[i], ARGV[n + i])
      ms = tonumber(ARGV[n + i]) * 1000
    end
    local ttl = math.max(1, math.ceil(ms / 1000))
    if ttl > wait then wait = ttl end
  end
end
if wait > 0 then return wait end
for i = 1, n do
  redis.call('INCR', KEYS[i])
  redis.call('EXPIRE', KEYS[i], ARGV[n + i], 'NX')
end
return 0`;

// Gives a hit back; a counter whose window ended meanwhile is left alone (no key without a TTL).
const REFUND = `
for i = 1, #KEYS do
  if tonumber(redis.call('GET', KEYS[i]) or '0') > 0 then redis.call('DECR', KEYS[i]) end
end
return 0`;

const REDIS_TIMEOUT_MS = 1000;

/**
 * Fixed-window counters in Redis, shared by every API process. Subjects (addresses, user names,
 * tracking numbers) are kept only as a keyed hash (KVKK): the key says nothing without PII_HASH_SECRET.
 */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger(RateLimiter.name);

  constructor(
    private readonly redis: RedisClient,
    private readonly config: AppConfig,
  ) {}

  /**
   * Counts one hit against every check, or none when one of them is used up: then it throws
   * RateLimitedException with the longest wait. Throws RateLimitUnavailableException when Redis
   * does not answer.
   */
  async take(checks: readonly RateCheck[], message: RateLimitMessage): Promise<void> {
    const args = [...checks.map((c) => c.rule.limit), ...checks.map((c) => c.rule.windowSeconds)];
    const wait = Number(await this.run(TAKE, checks, args));
    if (wait > 0) throw new RateLimitedException(wait, message);
  }

  /** Gives back a hit `take` counted, for an attempt that turned out not to count (a successful login). */
  async refund(checks: readonly RateCheck[]): Promise<void> {
    // Never fails the request: a hit left counted is one failure too many, for one window.
    await this.run(REFUND, checks, []).catch(() => this.logger.warn({ msg: 'rate limit hits not given back' }));
  }

  private async run(script: string, checks: readonly RateCheck[], args: number[]): Promise<unknown> {
    const keys = checks.map((c) => this.keyOf(c));
    try {
      return await withTimeout(this.redis.connection.eval(script, keys.length, ...keys, ...args), REDIS_TIMEOUT_MS);
    } catch {
      throw new RateLimitUnavailableException();
    }
  }

  private keyOf({ rule, subject }: RateCheck): string {
    const parts = typeof subject === 'string' ? [subject] : subject;
    // The NUL separator keeps ("ab", "c") and ("a", "bc") apart.
    const hash = createHmac('sha256', this.config.PII_HASH_SECRET).update(parts.join('\0')).digest('hex').slice(0, 32);
    return this.redis.key('rate', rule.scope, hash);
  }
}
