import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { withTimeout } from '@app/common';

/**
 * The safety net of the house rules: in worker processes, periodically re-enqueue work whose
 * committed state says it is still pending (its job may have been lost with Redis).
 * Re-enqueueing uses deterministic job ids, so a job still in Redis is not duplicated.
 */
export abstract class IntervalSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  protected readonly logger = new Logger(this.constructor.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  protected constructor(protected readonly config: AppConfig) {}

  /** Re-enqueues what is pending; returns how many jobs it handed out. */
  abstract sweep(): Promise<number>;

  /** How often `sweep` runs; the safety nets share SWEEP_INTERVAL_MS, a timer may tick faster. */
  protected intervalMs(): number {
    return this.config.SWEEP_INTERVAL_MS;
  }

  onApplicationBootstrap(): void {
    if (this.config.APP_ROLE === 'api') return;
    this.timer = setInterval(() => void this.tick(), this.intervalMs());
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Runs one sweep unless the previous one is still going. */
  async tick(): Promise<void> {
    if (this.running) return;
    // A sweep must not hang on a Redis that is down, or no later sweep would run.
    this.running = withTimeout(this.sweep(), Math.max(this.intervalMs() * 4, 5000))
      .then((count) => {
        if (count > 0) this.logger.log({ msg: 'sweep re-enqueued', count });
      })
      .catch((error: Error) => this.logger.warn({ msg: 'sweep failed', error: error.message }))
      .finally(() => (this.running = undefined));
    await this.running;
  }
}
