import { mkdir } from 'node:fs/promises';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { categoryId, createTestApp, idByCode, loginAs, Staff, TestApp, ticketInput, waitFor, describeInBrowser, openBrowser, TestBrowser } from '@app/testing';

const SHOTS = join(__dirname, '..', 'artifacts', 'screenshots');
const DAY = 86_400_000;

const describeUi = describeInBrowser('ui-reports.e2e');

/**
 * The manager view's charts over three tickets of today (the app's clock is the real time, so the
 * page's default period, the last 30 days in the browser, holds them): two by phone in Atatürk for
 * Fen İşleri, one over the web in Cumhuriyet for Park ve Bahçeler; one Fen ticket answered a day later.
 */
describeUi('manager view charts in headless Chromium', () => {
  let t: TestApp;
  let base: string;
  let context: BrowserContext;
  let browser: TestBrowser;
  let admin: Staff;
  let park: string;

  const post = (path: string, body: object) => t.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${admin.token}`).send(body);

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    admin = await loginAs(t, 'admin');
    park = await idByCode(t.dataSource, 'departments', 'PARK');
    const [atatürk, cumhuriyet] = await Promise.all([idByCode(t.dataSource, 'mahalleler', 'ATATURK'), idByCode(t.dataSource, 'mahalleler', 'CUMHURIYET')]);
    const [{ id: pavement }] = await t.dataSource.query(`SELECT id FROM categories WHERE service_code = 'FEN-002'`);
    const parkCategory = await categoryId(t.dataSource, 'PRK-001');
    const created: string[] = [];
    for (const input of [
      { channel: 'phone', categoryId: pavement, mahalleId: atatürk, subject: 'Kaldırım kırık' },
      { channel: 'phone', categoryId: pavement, mahalleId: atatürk, subject: 'Kaldırım yine kırık' },
      { channel: 'web', categoryId: parkCategory, mahalleId: cumhuriyet, subject: 'Parkın çimleri biçilmedi' },
    ])
      created.push((await post('/tickets', ticketInput(input)).expect(201)).body.id);
    await waitFor('routed', async () => (await t.dataSource.query('SELECT count(*)::int AS n FROM tickets WHERE department_id IS NOT NULL'))[0].n === 3);

    t.clock.advance(DAY);
    const [{ version }] = await t.dataSource.query('SELECT version FROM tickets WHERE id = $1', [created[0]]);
    await post(`/tickets/${created[0]}/status`, { status: 'answered', note: 'Kaldırım onarıldı.', version }).expect(200);
    // A breach step on the park ticket, as the ladder records it (notified, so no message goes out).
    await t.dataSource.query(
      `INSERT INTO escalations (clock_id, subject_type, subject_id, department_id, level, due_at, fired_at, notified_at)
       SELECT id, 'ticket', $1, $2, 2, now(), now(), now() FROM sla_clocks WHERE subject_type = 'ticket' AND subject_id = $1`,
      [created[2], park],
    );
    await post('/reports/refresh', {}).expect(200);

    await mkdir(SHOTS, { recursive: true });
    browser = await openBrowser({ width: 1366, height: 900 });
    context = browser.context;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function login(username: string): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (error) => process.stderr.write(`browser error (${username}): ${error.message}\n`));
    await page.goto(`${base}/app`);
    await page.getByLabel('Kullanıcı adı').fill(username);
    await page.getByLabel('Parola').fill(`Demo-${username}-2026`);
    await page.getByRole('button', { name: 'Giriş yap' }).click();
    await page.locator('#live-state[data-state=on]').waitFor();
    await page.goto(`${base}/app#/yonetici`);
    await page.locator('#chart-volume').waitFor();
    return page;
  }

  const texts = (page: Page, selector: string) => page.locator(selector).allTextContents();

  it('an executive sees the last 30 days charted: volume by channel, resolution, compliance, escalations and the mahalle table', async () => {
    const page = await login('executive');
    const from = await page.getByLabel('Başlangıç tarihi').inputValue();
    const to = await page.getByLabel('Bitiş tarihi').inputValue();
    expect((Date.parse(to) - Date.parse(from)) / DAY).toBe(29);

    const volume = page.getByRole('img', { name: /Kanallara göre başvuru sayısı/ });
    expect(await volume.locator('g.column').count()).toBe(30);
    expect(await volume.locator('rect.bar[data-series=phone]').count()).toBe(1);
    expect(await volume.locator('rect.bar[data-series=web]').count()).toBe(1);
    expect(await volume.locator('rect.bar').count()).toBe(2);
    expect(await texts(page, '#chart-volume .legend li')).toEqual(['Telefon', 'Web formu']);
    expect(await page.locator('#chart-volume rect[data-series=phone] title').textContent()).toMatch(/Telefon: 2$/);

    const resolution = page.getByRole('img', { name: 'Birimlere göre sonuçlandırma süresi (iş günü)' });
    expect(await resolution.locator('g.row').count()).toBe(1);
    expect(await resolution.locator('g.row text.axis').textContent()).toBe('Fen İşleri Müdürlüğü');
    expect(await resolution.locator('rect[data-series=workingDaysMedian]').count()).toBe(1);
    expect(await page.locator('#chart-resolution tbody tr').count()).toBe(1);
    // Today's tickets are sorted exactly: no note that the percentiles come from histograms.
    expect(await page.locator('#chart-resolution .chart-note').count()).toBe(0);

    expect(await page.locator('#chart-compliance g.row').count()).toBeGreaterThan(0);
    expect(await page.locator('#chart-compliance tbody').textContent()).toMatch(/3071|İç hedef|KVKK|4982/);

    expect(await texts(page, '#chart-escalations g.row text.axis')).toEqual(['Park ve Bahçeler Müdürlüğü']);
    expect(await page.locator('#chart-escalations rect[data-series=breaches]').count()).toBe(1);

    const rows = page.locator('#mahalle-table tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.first().locator('th').textContent()).toBe('Atatürk Mahallesi');
    expect(await rows.first().locator('td').first().textContent()).toBe('2');
    expect(await page.locator('#mahalle-table th[aria-sort]').getAttribute('aria-sort')).toBe('descending');
    await page
      .locator('#mahalle-table')
      .getByRole('button', { name: /Başvuru/ })
      .click();
    expect(await page.locator('#mahalle-table th[aria-sort]').getAttribute('aria-sort')).toBe('ascending');
    expect(await rows.first().locator('th').textContent()).toBe('Cumhuriyet Mahallesi');
    await page.getByText('koordinatları kayıtlı olmadığından harita gösterilemiyor').waitFor();
    expect(await page.locator('.figures dd').first().textContent()).toBe('3');
    await page.screenshot({ path: join(SHOTS, 'manager-reports.png'), fullPage: true });

    await page.getByLabel('Birim', { exact: true }).selectOption(park);
    await page.getByRole('button', { name: 'Raporları göster' }).click();
    await page.locator('#chart-volume rect.bar[data-series=phone]').waitFor({ state: 'detached' });
    expect(await page.locator('#chart-volume rect.bar').count()).toBe(1);
    expect(await texts(page, '#mahalle-table tbody th')).toEqual(['Cumhuriyet Mahallesi']);

    await page.getByLabel('Başlangıç tarihi').fill(to);
    await page.getByLabel('Bitiş tarihi').fill(from);
    await page.getByRole('button', { name: 'Raporları göster' }).click();
    await page.locator('#rp-to-error').waitFor({ state: 'visible' });
    expect(await page.locator('#rp-to-error').textContent()).toMatch(/önce olamaz/);
    expect(await page.getByLabel('Bitiş tarihi').getAttribute('aria-invalid')).toBe('true');
    await page.close();
  });

  it('a department manager gets no department picker and only their department’s figures', async () => {
    const page = await login('department-manager');
    expect(await page.locator('#rp-dept').count()).toBe(0);
    expect(await page.locator('#chart-volume rect.bar').count()).toBe(1);
    expect(await page.locator('#chart-volume rect.bar').getAttribute('data-series')).toBe('phone');
    expect(await texts(page, '#mahalle-table tbody th')).toEqual(['Atatürk Mahallesi']);
    expect(await page.locator('#chart-escalations tbody').textContent()).toContain('Bu dönemde veri yok');
    await page.close();
  });
});
