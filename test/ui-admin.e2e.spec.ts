import { mkdir } from 'node:fs/promises';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import {
  categoryId,
  createTestApp,
  describeInBrowser,
  idByCode,
  loginAs,
  openBrowser,
  Staff,
  TestApp,
  TestBrowser,
  ticketInput,
  waitFor,
  screenshot,
  a11yLog,
  signIn,
} from '@app/testing';

const SHOTS = join(__dirname, '..', 'artifacts', 'screenshots');
const describeUi = describeInBrowser('ui-admin.e2e');

/** The admin's editing screens (issue 20d), driven in headless Chromium. */
describeUi('admin screens in the browser', () => {
  let t: TestApp;
  let base: string;
  let browser: TestBrowser;
  let context: BrowserContext;
  let admin: Staff;
  const a11y = a11yLog('ui-admin');

  beforeAll(async () => {
    t = await createTestApp({ now: new Date('2026-11-25T07:00:00Z') });
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    admin = await loginAs(t, 'admin');
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

  const shot = (page: Page, name: string, docs = false) => screenshot(page, name, { docs, fullPage: false });

  /** A new tab has its own sessionStorage, so each tab is its own staff member. */
  const login = (username: string, password?: string) => signIn(context, base, username, password);

  const axe = (page: Page, screen: string) => a11y.check(page, screen);

  async function ticketIn(serviceCode: string, subject: string): Promise<{ id: string; trackingNo: string }> {
    const agent = await loginAs(t, 'agent');
    const res = await t
      .http()
      .post('/api/v1/tickets')
      .set('Authorization', `Bearer ${agent.token}`)
      .send(ticketInput({ subject, categoryId: await categoryId(t.dataSource, serviceCode) }))
      .expect(201);
    return { id: res.body.id, trackingNo: res.body.trackingNo };
  }

  it('an admin creates a department user, who sees only that department; deactivated after a confirmation, their open session is refused', async () => {
    const vet = await ticketIn('VET-001', 'Sokak köpeği yaralı');
    const cleaning = await ticketIn('TEM-001', 'Çöp konteyneri taştı');
    const vetId = await idByCode(t.dataSource, 'departments', 'VETERINER');
    await waitFor('the tickets routed', async () => {
      const rows: { id: string; department_id: string }[] = await t.dataSource.query('SELECT id, department_id FROM tickets WHERE id = ANY($1)', [
        [vet.id, cleaning.id],
      ]);
      return rows.length === 2 && rows.find((r) => r.id === vet.id)?.department_id === vetId && rows.find((r) => r.id === cleaning.id)?.department_id !== vetId;
    });

    const page = await login('admin');
    await page.goto(`${base}/app#/yonetim/kullanicilar`);
    await page.getByRole('heading', { name: 'Kullanıcılar', level: 1 }).waitFor();
    const form = page.getByRole('form', { name: 'Yeni kayıt: Kullanıcılar' });
    await form.getByLabel('Kullanıcı adı').fill('vet.personel');
    await form.getByLabel('Ad soyad').fill('Deniz Kaya');
    await form.getByLabel('Rol', { exact: true }).selectOption({ label: 'Birim personeli' });
    // A department role without a department: the server's message beside the field.
    await form.getByLabel('Parola (en az 10 karakter)').fill('Veteriner-Parola-2026');
    await form.getByRole('button', { name: 'Ekle' }).click();
    await form.locator('#new-departmentId-error', { hasText: 'birim' }).waitFor();
    await form.getByLabel('Birim', { exact: true }).selectOption({ label: 'Veteriner İşleri Müdürlüğü' });
    await form.getByRole('button', { name: 'Ekle' }).click();
    const row = page.getByRole('row', { name: /vet\.personel/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Veteriner İşleri Müdürlüğü');
    await axe(page, 'admin users');
    await shot(page, 'admin-users', true);

    // The new user logs in in another tab and sees their department's ticket only.
    const user = await login('vet.personel', 'Veteriner-Parola-2026');
    await user.getByRole('heading', { name: 'Birim gelen kutusu' }).waitFor();
    await user.locator(`tr[data-id="${vet.id}"]`).waitFor();
    expect(await user.locator(`tr[data-id="${cleaning.id}"]`).count()).toBe(0);
    const bearer = String(await user.evaluate("JSON.parse(sessionStorage.getItem('cm.session') ?? '{}').token"));
    expect(bearer.split('.')).toHaveLength(3);
    // Another department’s ticket does not exist for them (404, not even a 403 to confirm it).
    await t.http().get(`/api/v1/tickets/${cleaning.id}`).set('Authorization', `Bearer ${bearer}`).expect(404);
    await t.http().get(`/api/v1/tickets/${vet.id}`).set('Authorization', `Bearer ${bearer}`).expect(200);

    // Deactivation asks first; "Vazgeç" changes nothing.
    await row.getByRole('button', { name: 'Devre dışı bırak: Deniz Kaya (vet.personel)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Deniz Kaya (vet.personel) devre dışı bırakılsın mı?' });
    await dialog.waitFor();
    await axe(page, 'admin deactivation confirmation');
    await dialog.getByRole('button', { name: 'Vazgeç' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await t.dataSource.query(`SELECT active FROM users WHERE username = 'vet.personel'`))[0].active).toBe(true);
    await row.getByRole('button', { name: 'Devre dışı bırak: Deniz Kaya (vet.personel)' }).click();
    await dialog.getByRole('button', { name: 'Evet, devre dışı bırak' }).click();
    await row.getByRole('button', { name: 'Etkinleştir: Deniz Kaya (vet.personel)' }).waitFor();
    expect((await t.dataSource.query(`SELECT active FROM users WHERE username = 'vet.personel'`))[0].active).toBe(false);

    // Their open session is refused: the API says 401, and the tab falls back to the login page.
    await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${bearer}`).expect(401);
    await user.reload();
    await user.getByRole('button', { name: 'Giriş yap' }).waitFor();
    await user.getByLabel('Kullanıcı adı').fill('vet.personel');
    await user.getByLabel('Parola').fill('Veteriner-Parola-2026');
    await user.getByRole('button', { name: 'Giriş yap' }).click();
    await user.locator('#login-error:not([hidden])').waitFor();
  }, 120_000);

  it('edits a department’s manager and escalation contacts, resets a password, and previews a notice in both languages', async () => {
    const page = await login('admin');
    await page.goto(`${base}/app#/yonetim/birimler`);
    await page.getByRole('heading', { name: 'Birimler', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Düzenle: Park ve Bahçeler Müdürlüğü' }).click();
    const edit = page.getByRole('dialog', { name: 'Düzenle: Park ve Bahçeler Müdürlüğü' });
    await edit.waitFor();
    const managers = await edit.getByLabel('Müdür').locator('option').allTextContents();
    expect(managers.length).toBeGreaterThan(1);
    await edit.getByLabel('Müdür').selectOption({ index: 1 });
    await edit.getByLabel('Eskalasyon kişileri').fill('Ali Veli | Başkan Yardımcısı | ali.veli@ornek-bel.tr | 05321234567');
    await edit.getByRole('button', { name: 'Kaydet' }).click();
    // The phone is not in E.164: the message is under the contacts' field.
    await edit.locator('#edit-escalationContacts-error', { hasText: 'phone' }).waitFor();
    await axe(page, 'admin department edit');
    await shot(page, 'admin-department-edit', true);
    await edit.getByLabel('Eskalasyon kişileri').fill('Ali Veli | Başkan Yardımcısı | ali.veli@ornek-bel.tr | +905321234567');
    await edit.getByRole('button', { name: 'Kaydet' }).click();
    await edit.waitFor({ state: 'hidden' });
    const parkId = await idByCode(t.dataSource, 'departments', 'PARK');
    const [park] = await t.dataSource.query('SELECT manager_user_id, escalation_contacts FROM departments WHERE id = $1', [parkId]);
    expect(park.manager_user_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(park.escalation_contacts).toEqual([{ name: 'Ali Veli', title: 'Başkan Yardımcısı', email: 'ali.veli@ornek-bel.tr', phone: '+905321234567' }]);
    await page.getByRole('cell', { name: 'Ali Veli' }).waitFor();

    // A password reset ends the user's sessions.
    const supervisor = await loginAs(t, 'supervisor');
    await page.goto(`${base}/app#/yonetim/kullanicilar`);
    await page.getByRole('button', { name: /^Parola sıfırla: .*\(supervisor\)$/ }).click();
    const reset = page.getByRole('dialog', { name: /^Parola sıfırla/ });
    await reset.getByLabel('Yeni parola (en az 10 karakter)').fill('Yeni-Sorumlu-Parola-2026');
    await reset.getByRole('button', { name: 'Kaydet' }).click();
    await reset.waitFor({ state: 'hidden' });
    await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${supervisor.token}`).expect(401);
    await loginAs(t, 'supervisor', 'Yeni-Sorumlu-Parola-2026');

    // Notice templates: both languages side by side, a preview filled in with examples.
    await page.goto(`${base}/app#/yonetim/bildirimler`);
    await page.getByRole('heading', { name: 'Bildirim metinleri', level: 1 }).waitFor();
    await page.getByLabel('Bildirim', { exact: true }).selectOption('answered');
    await page.getByLabel('Metin (İngilizce)').waitFor();
    await page.getByLabel('Metin (Türkçe)').fill('{trackingNo} numaralı başvurunuz yanıtlandı: {text} — {municipality} {unknownField}');
    const turkish = page.getByRole('region', { name: /^Türkçe/ });
    await turkish.getByRole('button', { name: 'Önizle' }).click();
    await page.locator('#notice-tr-body-error', { hasText: 'unknownField' }).waitFor();
    await page.getByLabel('Metin (Türkçe)').fill('{trackingNo} numaralı başvurunuz yanıtlandı: {text} — {municipality}');
    await turkish.getByRole('button', { name: 'Önizle' }).click();
    await page.getByRole('region', { name: 'Önizleme (Türkçe)' }).getByText('B-2026-000123 numaralı başvurunuz yanıtlandı').waitFor();
    await axe(page, 'admin notice templates');
    await shot(page, 'admin-notice-templates', true);
  }, 120_000);

  it('every admin section passes axe-core with no serious or critical violation at 1366×768', async () => {
    const page = await login('admin');
    for (const [section, title] of [
      ['birimler', 'Birimler'],
      ['kullanicilar', 'Kullanıcılar'],
      ['konular', 'Konular'],
      ['sureler', 'Süre politikaları'],
      ['yonlendirme', 'Yönlendirme kuralları'],
      ['mahalleler', 'Mahalleler'],
      ['takvim', 'Takvim istisnaları'],
      ['bildirimler', 'Bildirim metinleri'],
      ['isler', 'Başarısız işler'],
      ['whatsapp', 'WhatsApp eşleştirme'],
      ['pano', 'Kuyruk panosu'],
    ]) {
      await page.goto(`${base}/app#/yonetim/${section}`);
      await page.getByRole('heading', { name: title, level: 1 }).waitFor();
      await page.locator('[aria-busy=true]').waitFor({ state: 'detached' });
      await axe(page, `admin ${section}`);
    }
    // A category edited from its dialog.
    await page.goto(`${base}/app#/yonetim/konular`);
    const first = page.getByRole('button', { name: /^Düzenle: / }).first();
    await first.click();
    const dialog = page.getByRole('dialog', { name: /^Düzenle: / });
    await dialog.getByLabel('Anahtar sözcükler (virgülle)').fill('deneme, sınama');
    await dialog.getByRole('button', { name: 'Kaydet' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: 'deneme, sınama' }).waitFor();
    // Its extra fields as lines: a wrong code is refused beside the text, a right one is saved.
    await first.click();
    await dialog.getByLabel('Ek alanlar (başvuruda sorulur)').fill('Plaka | Araç plakası | Kısa metin | evet');
    await dialog.getByRole('button', { name: 'Kaydet' }).click();
    await dialog.locator('#edit-fields-error', { hasText: 'code' }).waitFor();
    await dialog
      .getByLabel('Ek alanlar (başvuruda sorulur)')
      .fill('plaka | Araç plakası | Kısa metin | evet\nagac_turu | Ağaç türü | Listeden birden çok seçim | hayır | cinar=Çınar; cam=Çam');
    await dialog.getByRole('button', { name: 'Kaydet' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: 'Araç plakası, Ağaç türü' }).waitFor();
    const [edited] = await t.dataSource.query(`SELECT fields FROM categories WHERE 'deneme' = ANY(keywords)`);
    expect(edited.fields).toEqual([
      expect.objectContaining({ code: 'plaka', label: 'Araç plakası', datatype: 'string', required: true, options: [] }),
      expect.objectContaining({
        code: 'agac_turu',
        datatype: 'multivaluelist',
        required: false,
        options: [
          { key: 'cinar', name: 'Çınar' },
          { key: 'cam', name: 'Çam' },
        ],
      }),
    ]);
    // An Open311 client's key is shown once, whole, at its issue; the table keeps its prefix only.
    await page.goto(`${base}/app#/yonetim/open311`);
    await page.getByRole('heading', { name: 'Open311 uygulamaları', level: 1 }).waitFor();
    await page.getByLabel('Uygulamanın adı').fill('Belediye mobil uygulaması');
    await page.getByRole('button', { name: 'Ekle' }).click();
    const notice = await page.getByRole('status').filter({ hasText: 'API anahtarı' }).textContent();
    const key = notice!.split(': ').pop()!.trim();
    const [client] = await t.dataSource.query(`SELECT key_prefix, revoked_at FROM open311_clients WHERE name = 'Belediye mobil uygulaması'`);
    expect(key.startsWith(client.key_prefix)).toBe(true);
    expect(client.revoked_at).toBeNull();
    await page.getByRole('cell', { name: `${client.key_prefix}…` }).waitFor();
    expect(await page.locator('table').innerText()).not.toContain(key);
    await axe(page, 'admin open311');
    // The queue board opens in the tab through its cookie (the page's token stays in sessionStorage).
    await page.goto(`${base}/app#/yonetim/pano`);
    await page.getByRole('button', { name: 'Kuyruk panosunu aç' }).click();
    await page.waitForURL(`${base}/api/v1/admin/queues/`);
    await waitFor('the board listing the queues', async () => (await page.locator('body').innerText()).includes('notify'), 20_000, 500);
    await shot(page, 'admin-queue-board');
    expect(admin.token).toBeTruthy();
  }, 120_000);
});
