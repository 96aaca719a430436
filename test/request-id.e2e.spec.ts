import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { createTestApp, TestApp, waitFor } from '@app/testing';
import { QueueName } from '@app/queue';

const KEY = 'dev-only-intake-key-change-me';

describe('a request id goes with the jobs the request causes', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const jobsOf = async (queue: QueueName) =>
    t.app.get<Queue>(getQueueToken(queue)).getJobs(['completed', 'waiting', 'delayed', 'active', 'failed', 'prioritized']);

  it('keeps a proxy’s request id, answers with it, and puts it on the intake job and on the jobs that job adds', async () => {
    const requestId = 'edge-7f3a9c21-req';
    const sent = await t
      .http()
      .post('/api/v1/intake/events')
      .set('X-Intake-Key', KEY)
      .set('X-Request-Id', requestId)
      .send({ channel: 'sms', providerId: 'SM-reqid-1', payload: { MessageSid: 'SM-reqid-1', From: '+905321110002', Body: 'Parktaki bank kırık' } })
      .expect(202);
    expect(sent.headers['x-request-id']).toBe(requestId);
    const intakeJob = (await jobsOf(QueueName.Intake)).find((job) => job.data.eventIds?.includes(sent.body.eventId));
    expect(intakeJob?.data).toEqual({ eventIds: [sent.body.eventId], requestId });
    // The receipt SMS to the citizen: added by the intake job, in the request's scope still.
    const sends = await waitFor('the receipt message queued', async () => {
      const notify = (await jobsOf(QueueName.Notify)).filter((job) => job.data.requestId === requestId);
      return notify.length ? notify : null;
    });
    expect(sends.map((job) => Object.keys(job.data).sort())).toContainEqual(['messageIds', 'requestId']);
    // The worker took the id off before checking the payload: the job ran, not refused as invalid.
    await waitFor('the intake job done', async () => (await intakeJob!.getState()) === 'completed');
  });

  it('gives a request without a usable id a new one', async () => {
    const first = await t.http().get('/health').set('X-Request-Id', 'bad id with spaces').expect(200);
    const second = await t.http().get('/health').expect(200);
    expect(first.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.headers['x-request-id']).not.toBe(second.headers['x-request-id']);
  });
});
