import { randomUUID } from 'node:crypto';
import { SEND_JOB_SIZE, sendJobs } from './outbound-messages.service';

describe('sendJobs', () => {
  const at = (iso: string) => new Date(iso);
  const message = (notBefore: Date, attempts = 0) => ({ id: randomUUID(), attempts, notBefore });

  it('puts the messages due at one moment in one job, named after the first one’s attempt and time', () => {
    const now = at('2026-11-26T09:00:00Z');
    const morning = at('2026-11-27T05:00:00Z');
    const [a, b, c, d] = [message(now), message(morning), message(now), message(now, 2)];
    const jobs = sendJobs([a, b, c, d], '');
    expect(jobs).toEqual([
      { name: 'send-messages', dueAt: now.getTime(), data: { messageIds: [a.id, c.id, d.id] }, opts: { jobId: `send-${a.id}-0-${now.getTime()}` } },
      { name: 'send-messages', dueAt: morning.getTime(), data: { messageIds: [b.id] }, opts: { jobId: `send-${b.id}-0-${morning.getTime()}` } },
    ]);
    expect(sendJobs([a], '-rerun-1')[0].opts.jobId).toBe(`send-${a.id}-0-${now.getTime()}-rerun-1`);
  });

  it(`splits a larger group into jobs of ${SEND_JOB_SIZE}`, () => {
    const now = at('2026-11-26T09:00:00Z');
    const many = Array.from({ length: SEND_JOB_SIZE * 2 + 1 }, () => message(now));
    const jobs = sendJobs(many, '');
    expect(jobs.map((j) => j.data.messageIds.length)).toEqual([SEND_JOB_SIZE, SEND_JOB_SIZE, 1]);
    expect(jobs.flatMap((j) => j.data.messageIds)).toEqual(many.map((m) => m.id));
    expect(new Set(jobs.map((j) => j.opts.jobId)).size).toBe(3);
  });
});
