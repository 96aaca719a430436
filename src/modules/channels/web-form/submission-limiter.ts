import { Injectable, Logger } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { AppConfig } from '@app/config';
import { TooManyRequestsException, withTimeout } from '@app/common';
import { RedisClient } from '@app/queue';

/** The 429 of the web form; the controller turns `retryAfterSeconds` into a Retry-After header. */
export class SubmissionsLimitedException extends TooManyRequestsException {
  constructor(readonly retryAfterSeconds: number) {
    super(`Bu bağlantıdan çok sayıda başvuru yapıldı; lütfen ${Math.ceil(retryAfterSeconds / 60)} dakika sonra tekrar deneyin`);
  }
}

/**
 * WEB_FORM_RATE_LIMIT applications per IP address per window, counted in Redis so that every
 * API process shares the count. The address is kept only as a keyed hash (KVKK).
 */
@Injectable()
export class SubmissionLimiter {
  private readonly logger = new Logger(SubmissionLimiter.name);

  constructor(
    private readonly redis: RedisClient,
    private readonly config: AppConfig,
  ) {}

  /** Counts one application from `ip`, or refuses it when the window's allowance is used up. */
  async take(ip: string): Promise<void> {
    const window = this.config.WEB_FORM_RATE_WINDOW_SECONDS;
    const key = this.redis.key('web-form-rate', createHmac('sha256', this.config.PII_HASH_SECRET).update(ip).digest('hex').slice(0, 32));
    let count: number;
    let ttl: number;
    try {
      // The window starts with the first application (fixed window): EXPIRE NX never extends it.
      const results = await withTimeout(this.redis.multi().incr(key).expire(key, window, 'NX').ttl(key).exec(), 1000);
      count = Number(results?.[0]?.[1]);
      ttl = Number(results?.[2]?.[1]);
    } catch (error) {
      // A citizen's application matters more than spam protection while Redis is unreachable.
      this.logger.warn({ msg: 'web form rate limit not checked', error: (error as Error).message });
      return;
    }
    if (count > this.config.WEB_FORM_RATE_LIMIT) throw new SubmissionsLimitedException(ttl > 0 ? ttl : window);
  }
}
