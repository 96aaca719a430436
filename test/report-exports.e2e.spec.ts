import { get as httpGet } from 'node:http';
import { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createTestApp, loginAs, Staff, TestApp, waitFor } from '@app/testing';
import { ReportsSweeper } from '../src/modules/reports/reports.sweeper';

const ROWS = 100_000;

// Live memory is what a full collection leaves: garbage not yet collected says nothing about streaming.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Exports stream: 100,000 tickets go out through a cursor without being held in memory. */
describe('report exports', () => {
  let t: TestApp;
  let admin: Staff;
  let executive: Staff;
  let port: number;
  const period = 'from=2026-01-01&to=2026-12-31';

  beforeAll(async () => {
    t = await createTestApp({ now: new Date('2026-12-31T12:00:00Z') });
    [admin, executive] = await Promise.all([loginAs(t, 'admin'), loginAs(t, 'executive')]);
    const [{ id: citizen }] = await t.dataSource.query(`INSERT INTO citizens (full_name) VALUES ('Test') RETURNING id`);
    // Long subjects, so that holding every row at once would show plainly in the heap.
    await t.dataSource.query(
      `INSERT INTO tickets (tracking_no, kind, channel, status, citizen_id, legal_basis, subject, description, search_text, created_at, updated_at, routed_at, answered_at, resolution)
       SELECT 'E-' || g, 'sikayet', 'web', 'answered', $1, 'law_3071', 'Sokak lambası yanmıyor, ' || repeat('çok uzun bir konu ', 9) || g, 'x', 'x',
              '2026-01-01T06:00:00Z'::timestamptz + g * interval '5 minutes', now(), now(), '2026-01-01T06:00:00Z'::timestamptz + g * interval '5 minutes' + interval '2 days', 'answered'
         FROM generate_series(1, $2) g`,
      [citizen, ROWS],
    );
    await t.http().post('/api/v1/reports/refresh').set('Authorization', `Bearer ${admin.token}`).expect(200);
    await new Promise<void>((resolve) => t.app.getHttpServer().listen(0, '127.0.0.1', resolve));
    port = (t.app.getHttpServer().address() as AddressInfo).port;
  }, 120_000);
  afterAll(() => t.close());

  it('streams 100,000 tickets as CSV with bounded memory', async () => {
    gc();
    const base = process.memoryUsage();
    let peakHeap = base.heapUsed;
    let peakRss = base.rss;
    // Every 20,000 rows the download pauses for a full collection and a reading. A server that
    // held the rows would hold them by the first reading; a forced collection every few hundred
    // milliseconds instead would cost more than the export in a worker whose heap earlier suites grew.
    const SAMPLE_EVERY = 20_000;
    let lines = 0;
    let bytes = 0;
    let first = '';
    await new Promise<void>((resolve, reject) => {
      httpGet(
        { port, host: '127.0.0.1', path: `/api/v1/reports/tickets/export?${period}&format=csv`, headers: { authorization: `Bearer ${executive.token}` } },
        (res) => {
          expect(res.statusCode).toBe(200);
          expect(res.headers['content-type']).toContain('text/csv');
          res.on('data', (chunk: Buffer) => {
            if (!first) first = chunk.toString('utf8', 0, 200);
            bytes += chunk.length;
            const before = lines;
            for (const byte of chunk) if (byte === 10) lines += 1;
            if (Math.floor(lines / SAMPLE_EVERY) > Math.floor(before / SAMPLE_EVERY)) {
              res.pause();
              setImmediate(() => {
                gc();
                const now = process.memoryUsage();
                peakHeap = Math.max(peakHeap, now.heapUsed);
                peakRss = Math.max(peakRss, now.rss);
                res.resume();
              });
            }
          });
          res.on('end', resolve);
          res.on('error', reject);
        },
      ).on('error', reject);
    });
    expect(lines).toBe(ROWS + 1);
    expect(first).toMatch(/^\uFEFFtrackingNo,createdAt,kind,channel,status/);
    // The file is far larger than what the process may grow by: its rows were never all in memory.
    const heapGrowthMb = (peakHeap - base.heapUsed) / 2 ** 20;
    const rssGrowthMb = (peakRss - base.rss) / 2 ** 20;
    expect(bytes / 2 ** 20).toBeGreaterThan(30);
    process.stdout.write(`export of ${(bytes / 2 ** 20).toFixed(1)} MB: heap grew ${heapGrowthMb.toFixed(1)} MB, RSS ${rssGrowthMb.toFixed(1)} MB\n`);
    expect(heapGrowthMb).toBeLessThan(25);
    expect(rssGrowthMb).toBeLessThan(120);
  }, 120_000);

  it('runs a long XLSX export as a job with progress and a file to download', async () => {
    const started = await t
      .http()
      .post('/api/v1/reports/exports')
      .set('Authorization', `Bearer ${executive.token}`)
      .send({ report: 'tickets', format: 'xlsx', from: '2026-01-01', to: '2026-12-31' })
      .expect(202);
    expect(started.body).toMatchObject({ state: 'queued', percent: 0, download: null });
    const seen = new Set<string>();
    const done = await waitFor(
      'export done',
      async () => {
        const { body } = await t.http().get(`/api/v1/reports/exports/${started.body.id}`).set('Authorization', `Bearer ${executive.token}`).expect(200);
        seen.add(body.state);
        return body.state === 'done' ? body : null;
      },
      120_000,
    );
    expect(done).toMatchObject({ rowsWritten: ROWS, rowsTotal: ROWS, percent: 100, download: `/api/v1/reports/exports/${started.body.id}/file` });
    const file = await t
      .http()
      .get(done.download)
      .set('Authorization', `Bearer ${executive.token}`)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect((file.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    expect(file.headers['content-type']).toContain('spreadsheetml');
    // Someone else's export does not exist for them.
    const manager = await loginAs(t, 'department-manager');
    await t.http().get(`/api/v1/reports/exports/${started.body.id}`).set('Authorization', `Bearer ${manager.token}`).expect(404);
    // Kept REPORTS_EXPORT_KEEP_HOURS (72) on the app's clock, then the sweeper deletes it.
    const sweeper = t.app.get(ReportsSweeper);
    await sweeper.sweep();
    await t.http().get(`/api/v1/reports/exports/${started.body.id}`).set('Authorization', `Bearer ${executive.token}`).expect(200);
    const now = t.clock.now();
    t.clock.advance(73 * 3_600_000);
    try {
      await sweeper.sweep();
    } finally {
      t.clock.set(now);
    }
    await t.http().get(`/api/v1/reports/exports/${started.body.id}`).set('Authorization', `Bearer ${executive.token}`).expect(404);
  }, 180_000);

  it('exports a report as CSV straight away', async () => {
    const res = await t.http().get(`/api/v1/reports/volume/export?${period}&interval=month`).set('Authorization', `Bearer ${executive.token}`).expect(200);
    const lines = res.text.trim().split('\r\n');
    // (the client strips the BOM the file starts with)
    expect(lines[0].replace(/^\uFEFF/, '')).toBe('period,channel,tickets');
    // 100,000 tickets 5 minutes apart from 1 January: 347 days, so 12 months.
    expect(lines).toHaveLength(13);
    expect(lines.slice(1).reduce((sum, line) => sum + Number(line.split(',')[2]), 0)).toBe(ROWS);
    await t.http().get(`/api/v1/reports/nonsense/export?${period}`).set('Authorization', `Bearer ${executive.token}`).expect(400);
  });
});
