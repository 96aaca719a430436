import { mkdir } from 'node:fs/promises';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { createTestApp, describeInBrowser, loginAs, openBrowser, Staff, TestApp, TestBrowser, screenshot, a11yLog, signIn } from '@app/testing';

const SHOTS = join(__dirname, '..', 'artifacts', 'screenshots');
const FROM = '2026-11-01';
const TO = '2026-11-30';

const describeUi = describeInBrowser('ui-muhtar.e2e');

describeUi('muhtar work on screen: the calendar, the muhtar informed by SMS, a visit held with tickets, the PG7.4 dashboard', () => {
  let t: TestApp;
  let base: string;
  let context: BrowserContext;
  let browser: TestBrowser;
  let supervisor: Staff;
  const a11y = a11yLog('ui-muhtar');

  beforeAll(async () => {
    // A Wednesday morning in Istanbul (10:00).
    t = await createTestApp({ now: new Date('2026-11-25T07:00:00Z') });
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    supervisor = await loginAs(t, 'supervisor');
    await mkdir(SHOTS, { recursive: true });
    browser = await openBrowser();
    context = browser.context;
  }, 120_000);
  afterAll(async () => {
    a11y.print();
    await browser?.close();
    await t?.close();
  });
  afterEach(async () => {
    for (const page of context.pages()) await page.close();
  });

  const shot = (page: Page, name: string, docs = false) => screenshot(page, name, { docs });

  const login = (username: string, password?: string) => signIn(context, base, username, password);

  const axe = (page: Page, screen: string) => a11y.check(page, screen);

  const indicator = async (code: string) => {
    const { body } = await t
      .http()
      .get(`/api/v1/reports/muhtar-indicators?from=${FROM}&to=${TO}`)
      .set('Authorization', `Bearer ${supervisor.token}`)
      .expect(200);
    return body.indicators.find((i: { code: string }) => i.code === code) as { value: number; basis: Record<string, number> };
  };
  const pg742 = async () => (await indicator('PG7.4.2')).value;

  it('plans a visit, informs the muhtar (one SMS in the outbox), holds it with two tickets raised; PG7.4.2 moves by one and links to the visit', async () => {
    const before = await pg742();
    const page = await login('supervisor');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${base}/app#/muhtar`);
    await page.getByLabel('Başlangıç').fill(FROM);
    await page.getByLabel('Bitiş').fill(TO);
    await page.getByRole('heading', { name: 'Toplantı ya da ziyaret planla' }).waitFor();
    await page.getByLabel('Tür').selectOption('visit');
    await page.getByLabel('Başlık').fill('Atatürk Mahallesi periyodik ziyareti');
    await page.locator('#mp-mahalle').selectOption({ label: 'Atatürk Mahallesi' });
    await page.getByLabel('Tarih ve saat').fill('2026-11-25T09:30');
    await page.getByLabel('Yer').fill('Muhtarlık binası');
    await page.getByRole('button', { name: 'Planla' }).click();
    const link = page.getByRole('link', { name: 'Atatürk Mahallesi periyodik ziyareti' });
    await link.waitFor();
    await axe(page, 'muhtar calendar');
    await shot(page, 'muhtar-calendar');
    await link.click();

    await page.getByRole('heading', { name: 'Atatürk Mahallesi periyodik ziyareti' }).waitFor();
    const id = page.url().split('/').pop()!;
    await page.getByRole('button', { name: 'Muhtara SMS ile bildir' }).click();
    await page.getByText(/^Bilgilendirildi:/).waitFor();
    await page.getByText('SMS +905354000021').waitFor();
    const sms = await t.dataSource.query(`SELECT channel, recipient, body FROM outbound_messages WHERE meta->>'muhtarActivityId' = $1`, [id]);
    expect(sms).toEqual([{ channel: 'sms', recipient: '+905354000021', body: expect.stringContaining('Sayın Hüseyin Yılmaz, 25 Kasım 2026 09:30') }]);

    await page.getByLabel('Katılan sayısı').fill('1');
    await page.getByRole('button', { name: 'Yapıldı olarak kaydet' }).click();
    await page.getByTestId('activity-state').getByText('Yapıldı').waitFor();

    for (const [kind, subject] of [
      ['sikayet', 'Parktaki aydınlatma yanmıyor'],
      ['talep', 'Okul önüne yaya geçidi çizilsin'],
    ]) {
      await page.getByLabel('Başvuru türü').selectOption(kind);
      await page.getByLabel('Konu').fill(subject);
      await page.getByLabel('Açıklama').fill(`${subject}; muhtar ziyarette iletti.`);
      await page.getByRole('button', { name: 'Başvuru aç' }).click();
      await page.getByRole('list', { name: 'Ziyarette alınan başvurular' }).getByText(subject).waitFor();
    }
    await page.getByRole('heading', { name: 'Burada alınan başvurular (2)' }).waitFor();
    await axe(page, 'muhtar activity');
    await shot(page, 'muhtar-activity');
    const linked = await t.dataSource.query(
      `SELECT t.channel, m.code FROM muhtar_activity_tickets l JOIN tickets t ON t.id = l.ticket_id JOIN mahalleler m ON m.id = t.mahalle_id WHERE l.activity_id = $1`,
      [id],
    );
    expect(linked).toEqual([
      { channel: 'muhtar', code: 'ATATURK' },
      { channel: 'muhtar', code: 'ATATURK' },
    ]);

    expect(await pg742()).toBe(before + 1);
    await page.goto(`${base}/app#/muhtar/gostergeler/${FROM}/${TO}`);
    const figure = page.locator('tr[data-code="PG7.4.2"] a');
    await figure.waitFor();
    expect(await figure.textContent()).toBe(`${before + 1} adet`);
    expect(await page.locator('tr[data-code="PG7.4.2"] td').nth(4).textContent()).toBe('%30');
    await page.getByTestId('muhtar-score').waitFor();
    await axe(page, 'muhtar dashboard');
    await page.locator('#toast.show').waitFor({ state: 'detached', timeout: 10_000 });
    await shot(page, 'muhtar-dashboard', true);

    await figure.click();
    const visit = page.getByRole('link', { name: 'Atatürk Mahallesi periyodik ziyareti' });
    await visit.waitFor();
    await axe(page, 'muhtar drill-down');
    await visit.click();
    await page.waitForURL(`**/muhtar/etkinlik/${id}`);
    await page.getByRole('heading', { name: 'Burada alınan başvurular (2)' }).waitFor();
  }, 120_000);
});
