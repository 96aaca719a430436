import { mkdir } from 'node:fs/promises';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import {
  createTestApp,
  describeInBrowser,
  idByCode,
  loginAs,
  openBrowser,
  Staff,
  TestApp,
  TestBrowser,
  waitFor,
  screenshot,
  a11yLog,
  signIn,
} from '@app/testing';

const SHOTS = join(__dirname, '..', 'artifacts', 'screenshots');
const MONDAY_0900 = new Date('2026-11-02T06:00:00Z'); // Monday 2 November 2026, 09:00 in Istanbul
const istanbul = (iso: string) => new Date(`${iso}+03:00`);
const PASSWORD = 'Test-Parola-12345';

const describeUi = describeInBrowser('ui-office.e2e');

/** Özel Kalem's calendar and the documented processes on screen, in headless Chromium. */
describeUi('the mayor’s office and processes in headless Chromium', () => {
  let t: TestApp;
  let base: string;
  let browser: TestBrowser;
  let context: BrowserContext;
  let admin: Staff;
  let agent: Staff;
  let kalem: Staff;
  const a11y = a11yLog('ui-office');

  beforeAll(async () => {
    t = await createTestApp({ now: MONDAY_0900 });
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    admin = await loginAs(t, 'admin');
    agent = await loginAs(t, 'agent');
    const ozelKalem = await idByCode(t.dataSource, 'departments', 'OZEL_KALEM');
    await t
      .http()
      .post('/api/v1/users')
      .set(as(admin))
      .send({ username: 'kalem-ayse', fullName: 'Ayşe Kalem', role: 'department_staff', departmentId: ozelKalem, password: PASSWORD })
      .expect(201);
    kalem = await loginAs(t, 'kalem-ayse', PASSWORD);
    await mkdir(SHOTS, { recursive: true });
    browser = await openBrowser();
    context = browser.context;
    // The page's clock stands where the service's does, so "2 gün kaldı" reads as the service counts.
    await context.clock.setFixedTime(MONDAY_0900);
  }, 120_000);
  afterAll(async () => {
    a11y.print();
    await browser?.close();
    await t?.close();
  });
  afterEach(async () => {
    for (const page of context.pages()) await page.close();
  });

  function as(who: Staff) {
    return { Authorization: `Bearer ${who.token}` };
  }

  const shot = (page: Page, name: string, docs = false) => screenshot(page, name, { docs, fullPage: true });

  const login = (username: string, password?: string) => signIn(context, base, username, password);

  const axe = (page: Page, screen: string) => a11y.check(page, screen);

  async function request(body: Record<string, unknown>): Promise<{ id: string }> {
    const res = await t
      .http()
      .post('/api/v1/appointments')
      .set(as(agent))
      .send({ requesterKind: 'citizen', phone: '0532 111 22 33', channel: 'phone', ...body })
      .expect(201);
    return res.body;
  }

  it('two pages book two requests into the same slot at once: one gets it, the other sees the conflict', async () => {
    const ayse = await request({ requesterName: 'Ayşe Yılmaz', subject: 'Mahallemizdeki park hakkında görüşmek istiyorum' });
    const esnaf = await request({
      requesterKind: 'institution',
      requesterName: 'Mehmet Demir',
      institutionName: 'Esnaf Odası',
      subject: 'Pazar yeri düzenlemesi',
    });
    await request({ requesterName: 'Zeynep Kaya', subject: 'Engelli rampası talebi', walkIn: true });
    const later = await t
      .http()
      .post('/api/v1/appointments/slots')
      .set(as(kalem))
      .send({ startsAt: istanbul('2026-11-05T14:00:00').toISOString(), durationMinutes: 30, location: 'Başkanlık Makamı' })
      .expect(201);
    expect(later.body.id).toBeTruthy();

    const first = await login('kalem-ayse', PASSWORD);
    await first.goto(`${base}/app#/ozel-kalem/2026-11-02`);
    await first.getByRole('heading', { name: /Özel Kalem/ }).waitFor();
    // Özel Kalem opens a slot on Wednesday 11:30 from the screen.
    await first.getByLabel('Başlangıç').fill('2026-11-04T11:30');
    await first.getByLabel('Süre (dakika)').fill('20');
    await first.getByRole('button', { name: 'Saati aç' }).click();
    const day = first.locator('.ok-day[data-day="2026-11-04"] .ok-slot.free');
    await day.waitFor();
    const slotId = await day.getAttribute('data-slot');
    expect(slotId).toBeTruthy();

    const second = await login('kalem-ayse', PASSWORD);
    await second.goto(`${base}/app#/ozel-kalem/2026-11-02`);
    await second.locator(`li[data-appointment="${esnaf.id}"]`).waitFor();
    await first.locator(`#ok-slot-${ayse.id}`).selectOption(slotId!);
    await second.locator(`#ok-slot-${esnaf.id}`).selectOption(slotId!);
    await Promise.all([
      first.locator(`li[data-appointment="${ayse.id}"]`).getByRole('button', { name: 'Randevu ver' }).click(),
      second.locator(`li[data-appointment="${esnaf.id}"]`).getByRole('button', { name: 'Randevu ver' }).click(),
    ]);
    const held: { id: string }[] = await waitFor('one booking', async () => {
      const rows = await t.dataSource.query(`SELECT id FROM appointments WHERE slot_id = $1 AND status = 'scheduled'`, [slotId]);
      return rows.length ? rows : undefined;
    });
    expect(held).toHaveLength(1);
    const [winner, loser] = held[0].id === ayse.id ? [first, second] : [second, first];
    const loserId = held[0].id === ayse.id ? esnaf.id : ayse.id;
    await loser.locator(`#ok-slot-${loserId}-error`, { hasText: 'başka bir talebe verildi' }).waitFor();
    await winner.locator('.ok-day[data-day="2026-11-04"] .ok-slot.taken').waitFor();
    // The confirmation to the requester is in the outbox.
    const sent: { purpose: string }[] = await t.dataSource.query(`SELECT purpose FROM outbound_messages WHERE meta->>'appointmentId' = $1`, [held[0].id]);
    expect(sent.map((m) => m.purpose)).toContain('appointment');
    await winner.locator('#ok-status').selectOption('');
    await winner.locator(`li[data-appointment="${held[0].id}"] [data-status="scheduled"]`).waitFor();
    await winner.locator(`li[data-appointment="${held[0].id}"]`).getByText('Gönderilen mesajlar').click();
    await winner.locator(`li[data-appointment="${held[0].id}"] .ok-messages li[data-purpose="appointment_reminder"]`).waitFor();
    await axe(winner, 'ozel-kalem week');
    await shot(winner, 'ozel-kalem-calendar', true);
    await winner.goto(`${base}/app#/ozel-kalem/2026-11-04/gun`);
    await winner.locator('.ok-calendar.ok-days-1 .ok-slot.taken').waitFor();
    await axe(winner, 'ozel-kalem day');
  }, 120_000);

  it('a request goes to the mayor and comes back declined with a note, which the requester is told; the messages sent are listed', async () => {
    const kemal = await request({ requesterName: 'Kemal Aksoy', subject: 'Spor kulübümüze destek talebi' });
    const page = await login('kalem-ayse', PASSWORD);
    await page.goto(`${base}/app#/ozel-kalem/2026-11-02`);
    const row = page.locator(`li[data-appointment="${kemal.id}"]`);
    await row.waitFor();
    await row.getByLabel('Gerekçe / not').fill('Kulüp desteği Başkan’ın takdirinde');
    await row.getByRole('button', { name: 'Başkan’a ilet' }).click();
    await row.locator('.ok-mayor[data-decision="awaiting"]').waitFor();
    await row.getByLabel('Gerekçe / not').fill('Bu yıl bütçede kulüplere ayrılan pay kalmadı');
    await row.getByRole('button', { name: 'Başkan reddetti' }).click();
    await page.locator('#ok-status').selectOption('declined');
    const declined = page.locator(`li[data-appointment="${kemal.id}"]`);
    await declined.locator('.ok-mayor[data-decision="declined"]', { hasText: 'bütçede' }).waitFor();
    await declined.locator('.ok-reason', { hasText: 'bütçede' }).waitFor();
    await declined.getByText('Gönderilen mesajlar').click();
    await declined.locator('.ok-messages li[data-purpose="appointment"]').waitFor();
    const [sms]: { body: string }[] = await t.dataSource.query(`SELECT body FROM outbound_messages WHERE meta->>'appointmentId' = $1 AND channel = 'sms'`, [
      kemal.id,
    ]);
    expect(sms.body).toContain('bütçede');
    await axe(page, 'ozel-kalem declined requests');
  }, 120_000);

  it('a sister-city instance started from the screen: the first step completed with its document number, the next appears with its deadline', async () => {
    const page = await login('kalem-ayse', PASSWORD);
    await page.goto(`${base}/app#/surecler`);
    await page.getByRole('heading', { name: 'Yeni süreç başlat' }).waitFor();
    await page.locator('#pr-start-template option', { hasText: 'Kardeş şehir protokolü' }).waitFor({ state: 'attached' });
    await page.locator('#pr-start-template').selectOption({ label: 'Kardeş şehir protokolü' });
    await axe(page, 'process list');
    await page.getByLabel('Başlık').fill('Batum kardeş şehir talebi');
    await page.getByRole('button', { name: 'Başlat' }).click();
    await page.getByRole('heading', { name: 'Batum kardeş şehir talebi' }).waitFor();
    const id = page.url().split('#/surec/')[1];
    await page.locator('li.pr-step.open[data-step="1"]').waitFor();
    await page.getByLabel('Belge sayısı').fill('E-12345678-010.06-2026/141');
    await page.getByRole('button', { name: 'Adımı tamamla' }).click();
    const next = page.locator('li.pr-step.open[data-step="2"]');
    await next.waitFor();
    await page.locator('li.pr-step.done[data-step="1"] .pr-document', { hasText: 'E-12345678-010.06-2026/141' }).waitFor();
    const [step2]: { due_at: Date }[] = await t.dataSource.query(`SELECT due_at FROM process_steps WHERE instance_id = $1 AND key = '2'`, [id]);
    const due = new Intl.DateTimeFormat('tr-TR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Istanbul' }).format(step2.due_at);
    expect(await next.locator('.pr-due').textContent()).toBe(due);
    const [step1]: { document: string; completed_by_id: string }[] = await t.dataSource.query(
      `SELECT document, completed_by_id FROM process_steps WHERE instance_id = $1 AND key = '1'`,
      [id],
    );
    expect(step1).toEqual({ document: 'E-12345678-010.06-2026/141', completed_by_id: kalem.id });
    await axe(page, 'process instance');
    await shot(page, 'process-instance', true);
  }, 120_000);

  it('the template editor shows the rules’ errors at their step', async () => {
    const page = await login('admin', 'Demo-admin-2026');
    await page.goto(`${base}/app#/surecler`);
    await page.getByRole('link', { name: 'KARDES_SEHIR' }).click();
    await page.getByRole('heading', { name: /Süreç şablonu: Kardeş şehir/ }).waitFor();
    await page.locator('#ps-2-max').fill('0');
    await page.getByRole('button', { name: 'Şablonu kaydet' }).click();
    await page.locator('li.pr-editor-step.invalid[data-step-index="2"] #ps-2-max-error', { hasText: 'sıfırdan büyük' }).waitFor();
    expect(await page.locator('li.pr-editor-step.invalid').count()).toBe(1);
    await axe(page, 'process template editor');
  }, 120_000);
});
