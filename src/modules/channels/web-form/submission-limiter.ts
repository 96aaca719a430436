import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { RateLimiter, RateLimitUnavailableException, RateRule, waitMinutes } from '@app/queue';

/**
 * WEB_FORM_RATE_LIMIT applications per IP address per window, counted by the shared limiter so
 * that every API process shares the count.
 */
@Injectable()
export class SubmissionLimiter {
  private readonly logger = new Logger(SubmissionLimiter.name);
  private readonly rule: RateRule;

  constructor(
    private readonly limiter: RateLimiter,
    config: AppConfig,
  ) {
    this.rule = { scope: 'web-form', limit: config.WEB_FORM_RATE_LIMIT, windowSeconds: config.WEB_FORM_RATE_WINDOW_SECONDS };
  }

  /** Counts one application from `ip`, or refuses it (429) when the window's allowance is used up. */
  async take(ip: string): Promise<void> {
    try {
      await this.limiter.take(
        [{ rule: this.rule, subject: ip }],
        (wait) => `Bu bağlantıdan çok sayıda başvuru yapıldı; lütfen ${waitMinutes(wait)} dakika sonra tekrar deneyin`,
      );
    } catch (error) {
      if (!(error instanceof RateLimitUnavailableException)) throw error;
      // A citizen's application matters more than spam protection while Redis is unreachable.
      this.logger.warn({ msg: 'web form rate limit not checked' });
    }
  }
}
