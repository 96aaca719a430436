import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { createTestApp, loginAs, TestApp, waitFor } from '@app/testing';
import { MetricsServer } from '../src/modules/health/metrics.server';

const KEY = 'dev-only-intake-key-change-me';
const TOKEN = 'metrics-token-for-the-test';

/** Every metric name a PromQL expression mentions (ours, Node's and the process's). */
function metricNames(expr: string): string[] {
  return expr.match(/\b(cm|process|nodejs)_[a-z0-9_]+/g) ?? [];
}

/** The names a scrape exports: families (# TYPE) and their samples (_bucket, _count, _sum). */
function exported(text: string): Set<string> {
  const names = new Set<string>();
  for (const line of text.split('\n')) {
    const family = /^# TYPE (\S+)/.exec(line);
    if (family) names.add(family[1]);
    else if (line && !line.startsWith('#')) names.add(line.split(/[{ ]/)[0]);
  }
  return names;
}

describe('Prometheus metrics on their own port', () => {
  let t: TestApp;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { METRICS_PORT: '0', METRICS_HOST: '127.0.0.1', METRICS_TOKEN: TOKEN } });
    base = `http://127.0.0.1:${t.app.get(MetricsServer).port}`;
  });
  afterAll(() => t.close());

  const scrape = async () => {
    const res = await fetch(`${base}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    return res.text();
  };

  it('answers a scrape only with the token', async () => {
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    expect((await fetch(`${base}/metrics`, { headers: { Authorization: 'Bearer wrong' } })).status).toBe(401);
    expect((await fetch(`${base}/elsewhere`, { headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
  });

  // The first scrape comes after the event is filed: the table counts are read at most every 30 s.
  it('measures an SMS from receipt to inbox, the job that filed it, and the HTTP route by its pattern', async () => {
    const sent = await t
      .http()
      .post('/api/v1/intake/events')
      .set('X-Intake-Key', KEY)
      .send({ channel: 'sms', providerId: 'SM-metrics-1', payload: { MessageSid: 'SM-metrics-1', From: '+905321110001', Body: 'Sokak lambası yanmıyor' } })
      .expect(202);
    const row = await waitFor('event filed', async () => {
      const [event] = await t.dataSource.query(`SELECT ticket_id FROM inbound_events WHERE id = $1 AND state = 'processed'`, [sent.body.eventId]);
      return event ?? null;
    });
    const agent = await loginAs(t, 'agent');
    await t.http().get(`/api/v1/tickets/${row.ticket_id}`).set('Authorization', `Bearer ${agent.token}`).expect(200);
    const text = await waitFor('the intake job measured', async () => {
      const body = await scrape();
      return /cm_job_duration_seconds_count\{queue="intake",job="process-events",result="completed"\} [1-9]/.test(body) ? body : null;
    });
    expect(text).toMatch(/cm_intake_receipt_to_inbox_seconds_count\{channel="sms"\} 1\n/);
    expect(text).toMatch(/cm_intake_events_filed_total\{channel="sms",outcome="created"\} 1\n/);
    expect(text).toMatch(/cm_inbound_events\{channel="sms",state="processed"\} 1\n/);
    expect(text).toContain('cm_http_request_duration_seconds_count{method="GET",route="/api/v1/tickets/:id",status="200"} 1\n');
    // The raw path (with the ticket's id) never becomes a series of its own.
    expect(text).not.toContain(row.ticket_id);
    expect(text).toMatch(/cm_queue_jobs\{queue="routing",state="waiting"\} \d+/);
    expect(text).toMatch(/cm_db_pool_connections\{pool="primary",state="idle"\} \d+/);
    // Without REPORTS_DATABASE_URL the reports read through the primary's pool: no second pool to show.
    expect(text).not.toContain('pool="reports"');
    expect(text).toContain('process_cpu_seconds_total');
  });

  it('exports every metric the example alert rules and the Grafana dashboard use', async () => {
    const names = exported(await scrape());
    const rules = load(readFileSync(join(__dirname, '../deploy/prometheus/alerts.yml'), 'utf8')) as { groups: { rules: { alert: string; expr: string }[] }[] };
    const dashboard = JSON.parse(readFileSync(join(__dirname, '../deploy/grafana/dashboard.json'), 'utf8')) as { panels: { targets: { expr: string }[] }[] };
    const exprs = [...rules.groups.flatMap((g) => g.rules.map((r) => r.expr)), ...dashboard.panels.flatMap((p) => p.targets.map((x) => x.expr))];
    expect(rules.groups[0].rules.length).toBeGreaterThanOrEqual(10);
    expect(dashboard.panels.length).toBeGreaterThanOrEqual(10);
    const used = new Set(exprs.flatMap(metricNames));
    expect(used).toContain('cm_deadline_steps_total');
    expect([...used].filter((name) => !names.has(name))).toEqual([]);
  });
});
