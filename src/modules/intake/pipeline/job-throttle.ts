/** Adds one intake job for these events; never throws (a job not added is the sweeper's to add). */
export type AddJob = (eventIds: string[]) => Promise<void>;

/**
 * Hands stored events to the intake queue at most once every `intervalMs`. The first events
 * after a quiet spell go at once; those stored within the interval wait for its end and go
 * together, up to `maxEvents` a job. Under load that makes a few large jobs instead of one
 * per receipt batch: each job costs BullMQ some forty Redis commands and the worker a turn,
 * whether or not another job's batch has already filed its events. 0 = one job per call.
 */
export class JobThrottle {
  private pending: string[] = [];
  private timer: NodeJS.Timeout | null = null;
  private lastAddAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly intervalMs: number,
    private readonly maxEvents: number,
    private readonly addJob: AddJob,
  ) {}

  push(eventIds: string[]): void {
    this.pending.push(...eventIds);
    if (this.timer) return;
    const wait = this.lastAddAt + this.intervalMs - performance.now();
    if (wait <= 0) void this.flush();
    else this.timer = setTimeout(() => void this.flush(), wait);
  }

  /** Adds what waits now (on shutdown, so that nothing waits for the sweeper). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.lastAddAt = performance.now();
    const pending = this.pending;
    this.pending = [];
    const jobs: Promise<void>[] = [];
    for (let i = 0; i < pending.length; i += this.maxEvents) jobs.push(this.addJob(pending.slice(i, i + this.maxEvents)));
    await Promise.all(jobs);
  }
}
