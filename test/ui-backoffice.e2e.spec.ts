import { mkdir, readFile } from 'node:fs/promises';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { ReportExports } from '../src/modules/reports/exports/report-exports.service';
import { SlaTicker } from '../src/modules/sla/sla-ticker';
import {
  categoryId,
  createTestApp,
  loginAs,
  Staff,
  TestApp,
  ticketInput,
  waitFor,
  describeInBrowser,
  openBrowser,
  TestBrowser,
  screenshot,
  a11yLog,
  signIn,
} from '@app/testing';

const SHOTS = join(__dirname, '..', 'artifacts', 'screenshots');
const MONDAY_0900 = new Date('2026-11-02T06:00:00Z'); // Monday 2 November 2026, 09:00 in Istanbul

const describeUi = describeInBrowser('ui-backoffice.e2e');

/**
 * The back office screens of issue 20 (part c) in headless Chromium: the notification bell, live
 * when a deadline passes on the app's moved clock; the outbox with a failed message retried; an
 * export started, watched progressing and downloaded; axe-core on each.
 */
describeUi('back office: bell, outbox and exports in headless Chromium', () => {
  let t: TestApp;
  let base: string;
  let context: BrowserContext;
  let browser: TestBrowser;
  let admin: Staff;
  let ticket: { id: string; trackingNo: string };
  const a11y = a11yLog('ui-backoffice');

  beforeAll(async () => {
    // The deadline timer is driven by hand; the notify jobs, the outbox and the exports run as in production.
    t = await createTestApp({ now: MONDAY_0900, env: { SLA_TICK_MS: '3600000' } });
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    admin = await loginAs(t, 'admin');
    // Road holes get the urgent clock: two working days, so the breach is Wednesday 17:30.
    await t.dataSource.query(
      `UPDATE categories SET deadline_policy_id = (SELECT id FROM deadline_policies WHERE code = 'ACIL_MUDAHALE') WHERE service_code = 'FEN-001'`,
    );
    const created = await t
      .http()
      .post('/api/v1/tickets')
      .set('Authorization', `Bearer ${admin.token}`)
      .send(ticketInput({ categoryId: await categoryId(t.dataSource, 'FEN-001'), subject: 'Yolda büyük çukur' }))
      .expect(201);
    ticket = { id: created.body.id, trackingNo: created.body.trackingNo };
    await waitFor(
      'routed to Fen İşleri',
      async () => (await t.dataSource.query('SELECT department_id FROM tickets WHERE id = $1', [ticket.id]))[0]?.department_id,
    );
    await mkdir(SHOTS, { recursive: true });
    browser = await openBrowser({ width: 1366, height: 768 });
    context = browser.context;
  }, 120_000);
  afterAll(async () => {
    a11y.print();
    await browser?.close();
    await t?.close();
  });

  const login = (username: string, password?: string) => signIn(context, base, username, password);

  /** axe-core run in the page (evaluated through the DevTools protocol, so the CSP stays as it is). */
  const axe = (page: Page, screen: string) => a11y.check(page, screen);

  /** The README's pictures are refreshed on request only (UPDATE_DOCS_SCREENSHOTS=1), so a run leaves the tree clean. */
  const shot = (page: Page, name: string, docs = false) => screenshot(page, name, { docs, fullPage: false });

  it('the bell shows the breach live when the deadline passes on the moved clock, and opening it marks it read', async () => {
    const page = await login('department-manager');
    const bell = page.locator('#bell');
    await expect(bell.getAttribute('aria-label')).resolves.toBe('Bildirimler: okunmamış yok');

    const [clock] = await t.dataSource.query(`SELECT warning_at, due_at FROM sla_clocks WHERE subject_id = $1`, [ticket.id]);
    const ticker = t.app.get(SlaTicker);
    t.clock.set(clock.warning_at);
    await ticker.sweep();
    await page.locator('#bell-count').filter({ hasText: '1' }).waitFor({ timeout: 20_000 });
    t.clock.set(clock.due_at);
    await ticker.sweep();
    // No reload: the live stream tells the page, which re-reads its list.
    await page.locator('#bell-count').filter({ hasText: '2' }).waitFor({ timeout: 20_000 });
    expect(await bell.getAttribute('aria-label')).toBe('Bildirimler: 2 okunmamış');

    await bell.click();
    const panel = page.getByRole('region', { name: 'Okunmamış bildirimler' });
    const items = panel.locator('li.bell-item');
    expect(await items.count()).toBe(2);
    expect(await items.first().locator('strong').textContent()).toBe(`Süre aşıldı: ${ticket.trackingNo} — Yolda büyük çukur`);
    expect(await items.first().getAttribute('class')).toContain('breach');
    expect(await items.nth(1).locator('strong').textContent()).toMatch(/^Süre uyarısı: /);
    await axe(page, 'notification bell (open)');
    await shot(page, 'notification-bell', true);

    const breachId = await items.first().getAttribute('data-id');
    await items.first().getByRole('link').click();
    await page.waitForURL(`**/app#/basvuru/${ticket.id}`);
    await page.locator('#bell-count').filter({ hasText: '1' }).waitFor();
    const [row] = await t.dataSource.query(`SELECT read_at FROM staff_notifications WHERE id = $1`, [breachId]);
    expect(row.read_at).not.toBeNull();
    await page.close();
  }, 90_000);

  it('the outbox lists messages by state and channel; a failed one shows its error and goes out again on retry', async () => {
    const [failed] = await t.dataSource.query(
      `INSERT INTO outbound_messages (dedupe_key, channel, recipient, ticket_id, purpose, body, state, not_before, attempts, last_error)
       VALUES ('ui-outbox-failed', 'sms', '+905321110077', $1, 'answered', 'Başvurunuz yanıtlandı.', 'failed', now(), 6, 'Twilio 21211: geçersiz numara') RETURNING id`,
      [ticket.id],
    );
    const page = await login('admin');
    await page.goto(`${base}/app#/giden-mesajlar`);
    await page.getByRole('heading', { name: 'Giden mesajlar', exact: true }).waitFor();
    await page.locator('#outbox-table tbody tr').first().waitFor();
    await page.locator('button[data-state=failed]', { hasText: 'Gönderilemedi: 1' }).waitFor();
    await axe(page, 'outbox');

    await page.locator('button[data-state=failed]').click();
    const rows = page.locator('#outbox-table tbody tr');
    // The unfiltered table also holds the failed row: wait for the filtered one to replace it.
    await waitFor('the failed messages only', async () => ((await rows.count()) === 1 ? true : undefined), 10_000, 100);
    await rows.filter({ hasText: 'Twilio 21211' }).waitFor();
    const row = rows.first();
    expect(await row.getAttribute('data-id')).toBe(failed.id);
    expect(await row.textContent()).toContain('+90 5** *** ** 77');
    await page.getByLabel('Kanal').selectOption('email');
    await page.getByText('Bu seçimde mesaj yok.').waitFor();
    await page.getByLabel('Kanal').selectOption('sms');
    await rows.filter({ hasText: 'Twilio 21211' }).waitFor();
    await shot(page, 'outbox', true);

    await row.getByRole('button', { name: /^Yeniden dene/ }).click();
    await page.locator('#toast').filter({ hasText: 'yeniden gönderilmek üzere sıraya alındı' }).waitFor();
    const after = await waitFor('the message sent again', async () => {
      const [m] = await t.dataSource.query(`SELECT state, attempts FROM outbound_messages WHERE id = $1`, [failed.id]);
      return m.state !== 'failed' && m.state !== 'pending' ? m : undefined;
    });
    expect(['sending', 'sent', 'delivered']).toContain(after.state);
    await page.locator('button[data-state=failed]', { hasText: 'Gönderilemedi: 0' }).waitFor();
    await page.close();
  }, 90_000);

  it('an export is started from the screen, its progress shown, and its file downloaded', async () => {
    await t.http().post('/api/v1/reports/refresh').set('Authorization', `Bearer ${admin.token}`).expect(200);
    const exportsService = t.app.get(ReportExports);
    // The job is held back at first, so the screen shows the export queued and then part-way.
    const held = jest.spyOn(exportsService, 'enqueue').mockResolvedValueOnce(undefined as never);
    const page = await login('admin');
    await page.goto(`${base}/app#/disa-aktarimlar`);
    await page.getByRole('heading', { name: 'Dışa aktarımlar', exact: true }).waitFor();
    await page.getByText('Son günlerde dışa aktarım yok.').waitFor();
    await page.getByLabel('Rapor').selectOption('tickets');
    await page.getByLabel('Başlangıç tarihi').fill('2026-11-01');
    await page.getByLabel('Bitiş tarihi').fill('2026-11-30');
    await page.getByRole('button', { name: 'Dışa aktarmayı başlat' }).click();
    const row = page.locator('#exports-table tbody tr').first();
    await row.waitFor();
    expect(await row.getAttribute('data-state')).toBe('queued');
    expect(held).toHaveBeenCalledTimes(1);
    held.mockRestore();
    const [{ id }] = await t.dataSource.query(`SELECT id FROM report_exports ORDER BY created_at DESC LIMIT 1`);

    // Part-way, as the job writes it every 10,000 rows.
    await t.dataSource.query(`UPDATE report_exports SET state = 'running', rows_written = 2, rows_total = 5 WHERE id = $1`, [id]);
    await page.locator(`#exports-table tr[data-id="${id}"][data-state=running]`).waitFor();
    expect(await row.locator('progress').getAttribute('value')).toBe('40');
    expect(await row.textContent()).toContain('%40 · 2 / 5 satır');
    await axe(page, 'exports (running)');

    await t.dataSource.query(`UPDATE report_exports SET state = 'queued', rows_written = 0, rows_total = NULL WHERE id = $1`, [id]);
    await exportsService.enqueue(id);
    await page.locator(`#exports-table tr[data-id="${id}"][data-state=done]`).waitFor({ timeout: 30_000 });
    expect(await row.textContent()).toContain('%100');
    await shot(page, 'exports', true);
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: /^İndir/ }).click()]);
    expect(download.suggestedFilename()).toBe(`tickets-${id.slice(0, 8)}.csv`);
    const file = await readFile((await download.path())!, 'utf8');
    expect(file).toContain(ticket.trackingNo);

    // The list of the last days still holds it after a reload.
    await page.reload();
    await page.locator(`#exports-table tr[data-id="${id}"][data-state=done]`).waitFor();
    await page.close();
  }, 90_000);
});
