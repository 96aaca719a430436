import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { createTestApp, loginAs, Staff, TestApp, waitFor } from '@app/testing';

describe('failed jobs: listed for admins with their error, and re-run', () => {
  let t: TestApp;
  let admin: Staff;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAs(t, 'admin');
  });
  afterAll(() => t.close());

  it('lists a job that cannot succeed, and re-runs it on request', async () => {
    const routing = t.app.get<Queue>(getQueueToken('routing'), { strict: false });
    // A payload that is not an id: the worker refuses it without retrying.
    await routing.add('route-ticket', { ticketId: 'not-a-uuid' }, { jobId: 'broken-1' });
    const failed = await waitFor('the job to fail', async () => {
      const res = await t.http().get('/api/v1/admin/jobs/failed?queue=routing').set('Authorization', `Bearer ${admin.token}`).expect(200);
      return res.body.items.find((j: { id: string }) => j.id === 'broken-1');
    });
    expect(failed).toMatchObject({ queue: 'routing', name: 'route-ticket', data: { ticketId: 'not-a-uuid' }, failedReason: 'invalid payload: ticketId' });

    const retry = await t.http().post('/api/v1/admin/jobs/routing/broken-1/retry').set('Authorization', `Bearer ${admin.token}`).expect(202);
    expect(['waiting', 'active', 'failed', 'prioritized']).toContain(retry.body.state);
    await waitFor('the re-run to fail again', async () => (await routing.getJob('broken-1'))?.attemptsMade === 2);

    await t.http().post('/api/v1/admin/jobs/fax/1/retry').set('Authorization', `Bearer ${admin.token}`).expect(400);
    await t.http().post('/api/v1/admin/jobs/routing/nope/retry').set('Authorization', `Bearer ${admin.token}`).expect(404);
    const agent = await loginAs(t, 'agent');
    await t.http().get('/api/v1/admin/jobs/failed').set('Authorization', `Bearer ${agent.token}`).expect(403);
  });
});
