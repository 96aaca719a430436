import { copyFile, mkdir } from 'node:fs/promises';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { getExpectedTwilioSignature } from 'twilio';
import { categoryId, createTestApp, idByCode, loginAs, Staff, TestApp, ticketInput, waitFor, describeInBrowser, openBrowser, TestBrowser } from '@app/testing';

const KEY = 'dev-only-intake-key-change-me';
const TWILIO_TOKEN = 'test-twilio-auth-token-0123456789';
const PUBLIC_URL = 'https://cozum.ornek-bel.tr';
const VOICE = `${PUBLIC_URL}/api/v1/channels/twilio/voice`;
const SHOTS = join(__dirname, '..', 'artifacts', 'screenshots');

// Debian's chromium package (`apt-get install -y chromium`); no browser is ever downloaded.
const describeUi = describeInBrowser('ui.e2e');

describeUi('staff screens in headless Chromium', () => {
  let t: TestApp;
  let base: string;
  let context: BrowserContext;
  let browser: TestBrowser;
  let admin: Staff;
  let agentPage: Page;
  let deptPage: Page;
  let ticketId: string;
  let trackingNo: string;

  beforeAll(async () => {
    // A weekday morning in Istanbul, inside the 444 line's opening hours.
    t = await createTestApp({ env: { TWILIO_AUTH_TOKEN: TWILIO_TOKEN, PUBLIC_URL }, now: new Date('2026-11-25T07:00:00Z') });
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    admin = await loginAs(t, 'admin');
    await mkdir(SHOTS, { recursive: true });
    browser = await openBrowser();
    context = browser.context;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });

  /** A new tab has its own sessionStorage, so each tab is its own staff member. */
  async function login(username: string): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (error) => process.stderr.write(`browser error (${username}): ${error.message}\n`));
    await page.goto(`${base}/app`);
    await page.getByLabel('Kullanıcı adı').fill(username);
    await page.getByLabel('Parola').fill(`Demo-${username}-2026`);
    if (username === 'agent') await shot(page, 'login');
    await page.getByRole('button', { name: 'Giriş yap' }).click();
    await page.locator('#live-state[data-state=on]').waitFor();
    return page;
  }

  it('an agent logs in to the queue and a WhatsApp message appears in it without a reload', async () => {
    agentPage = await login('agent');
    await agentPage.getByRole('heading', { name: 'Başvuru kuyruğu' }).waitFor();
    expect(agentPage.url()).toContain('#/kuyruk');
    await agentPage.evaluate('window.stillHere = true');

    const res = await t
      .http()
      .post('/api/v1/intake/events')
      .set('X-Intake-Key', KEY)
      .send({
        channel: 'whatsapp',
        providerId: 'wamid.ui.1',
        payload: { id: 'wamid.ui.1', from: '905321230011@c.us', body: 'Merhaba, size bir şey danışmak istiyorum', type: 'chat' },
      })
      .expect(202);
    ticketId = await waitFor(
      'ticket',
      async () => (await t.dataSource.query('SELECT ticket_id FROM inbound_events WHERE id = $1', [res.body.eventId]))[0]?.ticket_id,
    );
    trackingNo = (await t.dataSource.query('SELECT tracking_no FROM tickets WHERE id = $1', [ticketId]))[0].tracking_no;

    const row = agentPage.locator(`tr[data-id="${ticketId}"]`);
    await row.waitFor({ timeout: 15_000 });
    expect(await row.textContent()).toContain('WhatsApp');
    expect(await row.locator('td.due').textContent()).toMatch(/kaldı|gecikti|Süre yok/);
    expect(await agentPage.evaluate('window.stillHere')).toBe(true);
    await shot(agentPage, 'agent-queue');
    // The README's picture is refreshed on request only, so a test run leaves the tree clean.
    if (process.env.UPDATE_DOCS_SCREENSHOTS === '1')
      await copyFile(join(SHOTS, 'agent-queue.png'), join(__dirname, '..', 'docs', 'screenshots', 'agent-queue.png'));

    await agentPage.keyboard.press('?');
    await agentPage.getByRole('dialog', { name: 'Klavye kısayolları' }).waitFor();
    await shot(agentPage, 'shortcuts-help');
    await agentPage.keyboard.press('Escape');
    expect(await agentPage.locator('#help').isHidden()).toBe(true);
  });

  it('the agent routes it by category (searched without Turkish letters) to Fen İşleri', async () => {
    const triage = (await t.dataSource.query('SELECT triage FROM tickets WHERE id = $1', [ticketId]))[0].triage;
    expect(triage).toBe(true);
    await agentPage.locator(`tr[data-id="${ticketId}"] a`).click();
    await agentPage.getByRole('heading', { name: new RegExp(trackingNo) }).waitFor();
    await agentPage.getByLabel('Konu ara (Türkçe harfsiz de yazılabilir)').fill('bordur');
    // Nothing is chosen for the agent: the match is offered, the agent takes it.
    expect(await agentPage.locator('#cat-id-chosen').textContent()).toBe('seçilmedi');
    await agentPage.getByRole('radio', { name: /^Kırık kaldırım veya bordür/ }).check();
    expect(await agentPage.locator('#cat-id-chosen').textContent()).toBe('Kırık kaldırım veya bordür');
    await agentPage.getByRole('button', { name: 'Sınıflandır' }).click();
    await waitFor(
      'routed to FEN',
      async () =>
        (await t.dataSource.query(`SELECT d.code FROM tickets t JOIN departments d ON d.id = t.department_id WHERE t.id = $1`, [ticketId]))[0]?.code === 'FEN',
    );
    await agentPage.locator('.facts', { hasText: 'Fen İşleri Müdürlüğü' }).waitFor();
    await shot(agentPage, 'ticket-page');
  });

  it('the department user sees it in the inbox, claims and answers; the agent sees the answer live', async () => {
    deptPage = await login('department-staff');
    await deptPage.getByRole('heading', { name: 'Birim gelen kutusu' }).waitFor();
    expect(deptPage.url()).toContain('#/gelen-kutusu');
    await deptPage.locator(`tr[data-id="${ticketId}"]`).waitFor();
    await shot(deptPage, 'department-inbox');
    await deptPage.locator(`tr[data-id="${ticketId}"]`).getByRole('button', { name: 'Üstlen' }).click();
    await deptPage
      .locator(`tr[data-id="${ticketId}"] td`, { hasText: /Atandı|İşlemde/ })
      .first()
      .waitFor();
    await deptPage.locator(`tr[data-id="${ticketId}"] a`).click();
    await deptPage.getByRole('heading', { name: new RegExp(trackingNo) }).waitFor();
    await deptPage.locator('#act-resolve').waitFor({ state: 'attached' });
    // The shortcut opens the form; a key pressed while the page still settles (live reloads
    // after the claim) may land before the view takes the keys, so it is pressed again if not.
    await waitFor(
      'the resolve form opened by its shortcut',
      async () => {
        if (await deptPage.getByLabel('Sonuç', { exact: true }).isVisible()) return true;
        await deptPage.keyboard.press('c');
        return null;
      },
      15_000,
      500,
    );
    await deptPage.getByLabel('Sonuç', { exact: true }).selectOption('answered');
    const answer = 'Kaldırım ekiplerimizce bugün onarıldı, bilginize.';
    await deptPage.getByLabel('Vatandaşa verilecek yanıt').fill(answer);
    await deptPage.getByRole('button', { name: 'Kaydet' }).click();
    await deptPage.locator('#ticket-status', { hasText: 'Yanıtlandı' }).waitFor();
    await shot(deptPage, 'ticket-answered');

    await agentPage.locator('.timeline li.ev-reply_out', { hasText: answer }).waitFor({ timeout: 15_000 });
    expect(await agentPage.locator('#ticket-status').textContent()).toBe('Yanıtlandı');
    const notice = agentPage.locator('.timeline li.ev-notice').first();
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/Bildirim \(whatsapp\)/);
  });

  it('a department user cannot open another department’s ticket by its URL, and the API refuses it too', async () => {
    const park = await t
      .http()
      .post('/api/v1/tickets')
      .set('Authorization', `Bearer ${admin.token}`)
      .send(ticketInput({ categoryId: await categoryId(t.dataSource, 'PRK-001'), subject: 'Parkın çimleri biçilmedi' }))
      .expect(201);
    const parkId = await idByCode(t.dataSource, 'departments', 'PARK');
    await waitFor(
      'routed to PARK',
      async () => (await t.dataSource.query('SELECT department_id FROM tickets WHERE id = $1', [park.body.id]))[0].department_id === parkId,
    );
    await deptPage.goto(`${base}/app#/basvuru/${park.body.id}`);
    await deptPage.getByRole('heading', { name: 'Başvuru bulunamadı veya erişim yetkiniz yok' }).waitFor();
    expect(await deptPage.locator('body').textContent()).not.toContain('Parkın çimleri biçilmedi');
    await shot(deptPage, 'forbidden-ticket');
    const token = await deptPage.evaluate<string>(`JSON.parse(sessionStorage.getItem('cm.session')).token`);
    await t.http().get(`/api/v1/tickets/${park.body.id}`).set('Authorization', `Bearer ${token}`).expect(404);
  });

  it('the new-ticket form shows a bad phone next to the field, then saves and shows the tracking number', async () => {
    await agentPage.goto(`${base}/app#/yeni`);
    await agentPage.getByRole('heading', { name: 'Yeni başvuru' }).waitFor();
    await agentPage.getByLabel('Telefon').fill('12ab');
    await agentPage.getByLabel('Ad soyad').fill('Fatma Demir');
    await agentPage.getByLabel('Konu ara (Türkçe harfsiz de yazılabilir)').fill('cop');
    // Enter in the search box takes the first match: the agent's choice, never a default.
    await agentPage.getByLabel('Konu ara (Türkçe harfsiz de yazılabilir)').press('Enter');
    expect(await agentPage.locator('#nt-category-chosen').textContent()).toMatch(/[Çç]öp/);
    await agentPage.getByLabel('Başlık').fill('Çöpler alınmadı');
    await agentPage.getByLabel('Açıklama').fill('Üç gündür sokağımızın çöpleri alınmadı.');
    await agentPage.getByRole('button', { name: 'Başvuruyu kaydet' }).click();
    const error = agentPage.locator('#nt-phone-error');
    await error.waitFor({ state: 'visible' });
    expect(await error.textContent()).toMatch(/telefon/i);
    expect(await agentPage.getByLabel('Telefon').getAttribute('aria-invalid')).toBe('true');
    await shot(agentPage, 'new-ticket-bad-phone');
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM tickets WHERE subject = 'Çöpler alınmadı'`))[0].n).toBe(0);

    await agentPage.getByLabel('Telefon').fill('0532 123 00 99');
    await agentPage.getByRole('button', { name: 'Başvuruyu kaydet' }).click();
    const result = agentPage.locator('#nt-result');
    await result.waitFor({ state: 'visible' });
    const saved = (await t.dataSource.query(`SELECT tracking_no FROM tickets WHERE subject = 'Çöpler alınmadı'`))[0].tracking_no;
    expect(await result.textContent()).toContain(saved);
    expect(await error.isHidden()).toBe(true);
    await shot(agentPage, 'new-ticket-saved');
  });

  it('the manager summary and the admin pages render', async () => {
    const manager = await login('department-manager');
    await manager.goto(`${base}/app#/yonetici`);
    await manager.getByRole('table', { name: 'Birim ve konu bazında başvurular' }).waitFor();
    expect(await manager.locator('table.summary').textContent()).toContain('Kırık kaldırım veya bordür');
    expect(await manager.locator('table.summary').textContent()).not.toContain('Park bakımı');
    await shot(manager, 'manager-summary');
    const adminPage = await login('admin');
    await adminPage.getByRole('heading', { name: 'Birimler' }).waitFor();
    await adminPage.locator('table.admin td', { hasText: 'Fen İşleri Müdürlüğü' }).first().waitFor();
    await shot(adminPage, 'admin-departments');
    await adminPage.goto(`${base}/app#/yonetim/isler`);
    await adminPage.getByRole('heading', { name: 'Başarısız işler' }).waitFor();
    await adminPage.goto(`${base}/app#/yonetim/whatsapp`);
    await adminPage.getByText('Sağlayıcı', { exact: true }).waitFor();
    await adminPage.locator('#wa-state').waitFor();
    await Promise.all([manager.close(), adminPage.close()]);
  });

  it('a 444 call reaching the agent pops up the caller; one click closes it as solved during the call', async () => {
    const hook = (path: string, params: Record<string, string>) =>
      t
        .http()
        .post(`/api/v1/channels/twilio/voice/${path}`)
        .type('form')
        .set('X-Twilio-Signature', getExpectedTwilioSignature(TWILIO_TOKEN, `${VOICE}/${path}`, params))
        .send(params)
        .expect(200);
    const agentId = (await loginAs(t, 'agent')).id;
    // Chromium opens at most 6 HTTP/1.1 connections per host and each tab holds its event streams.
    await Promise.all([agentPage.close(), deptPage.close()]);
    const page = await login('agent');
    await page.locator('body[data-calls=on]').waitFor();
    const from = '+905321239944';
    const CallSid = 'CA00000000000000000000000000000001';
    await hook('incoming', { CallSid, From: from, To: '+904440444', CallStatus: 'ringing' });
    await hook('menu', { CallSid, From: from, Digits: '0' });
    await hook('dequeue', { CallSid: 'CAagentleg', From: `client:${agentId}` });
    await hook(`connected?agentId=${agentId}`, { CallSid, From: from });

    const panel = page.getByRole('complementary', { name: 'Gelen çağrı' });
    await panel.getByRole('heading', { name: /Gelen çağrı: \+90 5\*\* \*\*\* \*\* 44/ }).waitFor({ timeout: 15_000 });
    expect(await panel.textContent()).toContain('Bu numarayla kayıtlı vatandaş yok');
    expect(await panel.getByLabel('Telefon').inputValue()).toBe('+90 5** *** ** 44');
    await panel.getByLabel('Tür', { exact: true }).selectOption('bilgi_edinme');
    await panel.getByLabel('Başlık').fill('Çöp toplama saati');
    await panel.getByLabel('Açıklama').fill('Çöplerin hangi saatte alındığını sordu.');
    await panel.getByLabel('Görüşmede verilen yanıt (çözüldüyse)').fill('Her gün 22:00 sonrası toplanıyor.');
    await shot(page, 'call-panel');
    await panel.getByRole('button', { name: 'Görüşmede çözüldü, kapat' }).click();
    await panel
      .getByText(/Kapatıldı: \d{4}-\d{6}/)
      .waitFor({ timeout: 5000 })
      .catch(async (e) => {
        throw new Error(`${e.message}: ${await panel.locator('#call-result').textContent()}`);
      });
    const [row] = await t.dataSource.query(`SELECT t.status, t.subject, t.kind FROM call_logs c JOIN tickets t ON t.id = c.ticket_id WHERE c.call_sid = $1`, [
      CallSid,
    ]);
    expect(row).toEqual({ status: 'closed', subject: 'Çöp toplama saati', kind: 'bilgi_edinme' });
  });
});
