import { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { categoryId, createTestApp, describeInBrowser, loginAs, openBrowser, signIn, TestApp, TestBrowser } from '@app/testing';

const describeUi = describeInBrowser('ui-category-fields.e2e');

/** A category's extra field on the agent's form and the citizen's, and the status page starting clean on each look-up. */
describeUi('category fields and the status page in Chromium', () => {
  let t: TestApp;
  let base: string;
  let browser: TestBrowser;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    const admin = await loginAs(t, 'admin');
    const fields = [{ code: 'agac_sayisi', label: 'Ağaç sayısı', datatype: 'number', required: true }];
    await t
      .http()
      .patch(`/api/v1/categories/${await categoryId(t.dataSource, 'PRK-001')}`)
      .set('Authorization', `Bearer ${admin.token}`)
      .send({ fields })
      .expect(200);
    browser = await openBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('the agent’s form asks the field, shows its error beside it and saves its value', async () => {
    const page: Page = await signIn(browser.context, base, 'agent');
    await page.goto(`${base}/app#/yeni`);
    await page.getByRole('heading', { name: 'Yeni başvuru' }).waitFor();
    await page.getByLabel('Telefon').fill('0532 123 77 66');
    await page.getByLabel('Ad soyad').fill('Kemal Ağaç');
    await page.getByLabel('Konu ara (Türkçe harfsiz de yazılabilir)').fill('park bakimi');
    await page.getByLabel('Konu ara (Türkçe harfsiz de yazılabilir)').press('Enter');
    await page.getByLabel('Ağaç sayısı *').waitFor();
    await page.getByLabel('Başlık').fill('Ağaç budaması');
    await page.getByLabel('Açıklama').fill('Parktaki ağaçların budanması gerekiyor.');
    await page.getByLabel('Ağaç sayısı *').fill('çok');
    await page.getByRole('button', { name: 'Başvuruyu kaydet' }).click();
    const error = page.locator('#nt-attr-agac_sayisi-error');
    await error.waitFor({ state: 'visible' });
    expect(await error.textContent()).toMatch(/sayı/);
    await page.getByLabel('Ağaç sayısı *').fill('4');
    await page.getByRole('button', { name: 'Başvuruyu kaydet' }).click();
    await page.locator('#nt-result').waitFor({ state: 'visible' });
    const [row] = await t.dataSource.query(`SELECT attributes FROM tickets WHERE subject = 'Ağaç budaması'`);
    expect(row.attributes).toEqual({ agac_sayisi: 4 });
  });

  it('the citizen’s form asks the chosen subject’s field', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${base}/basvuru`);
    await page.getByLabel('Konu ara').fill('park bakimi');
    await page.locator('#categoryId option', { hasText: 'Park bakımı' }).waitFor({ state: 'attached' });
    await page.locator('#categoryId').selectOption({ label: 'Park bakımı' });
    await page.getByLabel('Ağaç sayısı *').waitFor();
    expect(await page.getByLabel('Ağaç sayısı *').getAttribute('name')).toBe('attributes[agac_sayisi]');
  });

  it('the status page clears the previous result when a look-up fails', async () => {
    const agent = await loginAs(t, 'agent');
    const ticket = await t
      .http()
      .post('/api/v1/tickets')
      .set('Authorization', `Bearer ${agent.token}`)
      .send({
        channel: 'phone',
        kind: 'talep',
        subject: 'Bank isteği',
        description: 'Parka bank istiyoruz',
        citizen: { fullName: 'Sevgi Yıldız', phone: '0532 555 12 34' },
      })
      .expect(201);
    const page = await browser.context.newPage();
    await page.goto(`${base}/basvuru/durum`);
    await page.getByLabel('Başvuru numarası').fill(ticket.body.trackingNo);
    await page.getByLabel('Telefon numaranızın son 4 hanesi').fill('1234');
    await page.getByRole('button', { name: 'Sorgula' }).click();
    await page.locator('#result h2').waitFor();
    expect(await page.locator('#result').textContent()).toContain(ticket.body.trackingNo);
    await page.getByLabel('Telefon numaranızın son 4 hanesi').fill('9999');
    await page.getByRole('button', { name: 'Sorgula' }).click();
    await page.locator('#form-error').waitFor({ state: 'visible' });
    expect(await page.locator('#result').isHidden()).toBe(true);
    expect(await page.locator('#result').textContent()).toBe('');
  });
});
