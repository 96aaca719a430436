import { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import {
  categoryId,
  createTestApp,
  describeInBrowser,
  idByCode,
  loginAs,
  mobile,
  openBrowser,
  screenshot,
  seriousA11yViolations,
  signIn,
  Staff,
  TestApp,
  TestBrowser,
  waitFor,
} from '@app/testing';

const describeUi = describeInBrowser('ui-incidents.e2e');

describeUi('the bilgi bankası and incident screens in headless Chromium', () => {
  let t: TestApp;
  let base: string;
  let browser: TestBrowser;
  let context: BrowserContext;
  let agent: Staff;
  let fenId: string;
  let cumhuriyet: string;

  const report = async (subject: string, description: string, category: string, kind = 'sikayet') =>
    (
      await t
        .http()
        .post('/api/v1/tickets')
        .set('Authorization', `Bearer ${agent.token}`)
        .send({
          channel: 'phone',
          kind,
          departmentId: fenId,
          categoryId: category,
          mahalleId: cumhuriyet,
          subject,
          description,
          citizen: { fullName: 'Nuri Alço', phone: mobile() },
        })
        .expect(201)
    ).body as { id: string; trackingNo: string };
  const answeredRows = (ids: string[]) =>
    t.dataSource.query(`SELECT ticket_id, body FROM outbound_messages WHERE purpose = 'answered' AND ticket_id = ANY($1::uuid[])`, [ids]) as Promise<
      { ticket_id: string; body: string }[]
    >;
  async function axe(page: Page, screen: string): Promise<void> {
    expect({ screen, violations: await seriousA11yViolations(page) }).toEqual({ screen, violations: [] });
  }

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    agent = await loginAs(t, 'agent');
    fenId = await idByCode(t.dataSource, 'departments', 'FEN');
    cumhuriyet = await idByCode(t.dataSource, 'mahalleler', 'CUMHURIYET');
    browser = await openBrowser();
    context = browser.context;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  afterEach(async () => {
    for (const page of context.pages()) await page.close();
  });

  it('lets a department manager write an article, and an agent answer a request with it in one step from the ticket', async () => {
    const manager = await signIn(context, base, 'department-manager');
    await manager.goto(`${base}/app#/bilgi-bankasi`);
    await manager.getByRole('heading', { name: 'Bilgi bankası', level: 1 }).waitFor();
    await manager.getByLabel('Başlık').fill('Asfalt yenileme takvimi');
    await manager.getByLabel('Konu').selectOption({ label: 'Yolda çukur / bozuk asfalt' });
    await manager.getByLabel('Geçerlilik sonu (boş: süresiz)').fill('2099-12-31');
    await manager.getByLabel('Standart yanıt').fill('Sayın {adSoyad}, asfalt yenileme çalışmaları Nisan ayında başlayacaktır. ({takipNo})');
    await manager.getByRole('button', { name: 'Ekle' }).click();
    await manager.getByRole('heading', { name: 'Asfalt yenileme takvimi', level: 3 }).waitFor();
    await axe(manager, 'bilgi bankası');
    await screenshot(manager, 'knowledge-base');

    const request = await report('Asfalt ne zaman yapılacak?', 'Sokağımızın asfaltı ne zaman yenilenecek?', await categoryId(t.dataSource, 'FEN-001'), 'talep');
    const page = await signIn(context, base, 'agent');
    await page.goto(`${base}/app#/basvuru/${request.id}`);
    // Turkish letters folded: "takvımı" finds "takvimi".
    await page.getByLabel('Bilgi bankasında ara').fill('ASFALT takvımı');
    await page.getByRole('button', { name: /^Bilgi verildi\s*: Asfalt yenileme takvimi$/ }).waitFor();
    await axe(page, 'bilgi bankası beside the ticket');
    await screenshot(page, 'knowledge-answer');
    await page.getByRole('button', { name: /^Bilgi verildi\s*: Asfalt yenileme takvimi$/ }).click();
    const [row] = await waitFor('the citizen’s answer', async () => {
      const rows = await answeredRows([request.id]);
      return rows.length ? rows : null;
    });
    expect(row.body).toContain(`Sayın Nuri Alço, asfalt yenileme çalışmaları Nisan ayında başlayacaktır. (${request.trackingNo})`);
    // Answered, the ticket no longer offers the knowledge base.
    await page.getByLabel('Bilgi bankasında ara').waitFor({ state: 'detached' });
  });

  it('opens an incident, links the suggested reports and answers them all at once', async () => {
    const flooding = await categoryId(t.dataSource, 'FEN-004');
    const text = 'Fırtınadan sonra caddede yağmur suyu birikti, ızgaralar tıkalı, evlere su giriyor.';
    const reports = [
      await report('Cadde su altında', text, flooding),
      await report('Cadde su altında', text, flooding),
      await report('Cadde su altında', text, flooding),
    ];

    const page = await signIn(context, base, 'department-manager');
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${base}/app#/olaylar`);
    await page.getByLabel('Başlık').fill('Fırtına: yağmur suyu baskınları');
    await page.getByLabel('Ne oldu (benzer ihbarlar bu metne göre önerilir)').fill('Fırtınadan sonra caddede yağmur suyu birikti, ızgaralar tıkalı');
    await page.getByLabel('Konu').selectOption({ label: 'Yağmur suyu ızgarası / su birikintisi' });
    await page.getByLabel('Cumhuriyet').check();
    await page.getByRole('button', { name: 'Olayı aç' }).click();
    await page.getByRole('heading', { name: 'Fırtına: yağmur suyu baskınları', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Önerilen yeni ihbarlar (3)' }).waitFor();
    await axe(page, 'olay');
    await page.getByRole('button', { name: 'Tümünü seç' }).click();
    await page.getByRole('button', { name: 'Seçilenleri olaya bağla' }).click();
    await page.getByRole('heading', { name: 'Bağlı başvurular (3)' }).waitFor();
    await screenshot(page, 'incident', { fullPage: true });

    // Renamed while open: the page shows the new title; an end before its start is refused, naming the field.
    await page.getByText('Olayı düzenle').click();
    await page.getByLabel('Olayın başlığı').fill('Fırtına: Cumhuriyet’te su baskınları');
    await page.getByLabel('Bitiş (boş: yanıtlanana dek)').fill('2020-01-01T10:00');
    await page.getByRole('button', { name: 'Değişiklikleri kaydet' }).click();
    await page.getByText('endsAt: olayın başlangıcından sonra olmalı').first().waitFor();
    await page.getByLabel('Bitiş (boş: yanıtlanana dek)').fill('');
    await page.getByRole('button', { name: 'Değişiklikleri kaydet' }).click();
    await page.getByRole('heading', { name: 'Fırtına: Cumhuriyet’te su baskınları', level: 1 }).waitFor();

    await page.getByLabel('Her bağlı başvuruya gidecek yanıt').fill('Izgaralar açıldı, biriken su tahliye edildi.');
    await page.getByRole('button', { name: 'Tüm başvuruları yanıtla (3)' }).click();
    await page.getByRole('heading', { name: 'Yanıt', exact: true }).waitFor();
    const rows = await waitFor('three answers', async () => {
      const found = await answeredRows(reports.map((r) => r.id));
      return found.length === 3 ? found : null;
    });
    expect(rows.every((r) => r.body.includes('Izgaralar açıldı, biriken su tahliye edildi.'))).toBe(true);

    // The list shows it among the answered ones.
    await page.goto(`${base}/app#/olaylar`);
    await page.getByRole('button', { name: 'Yanıtlanan' }).click();
    await page.getByRole('link', { name: 'Fırtına: Cumhuriyet’te su baskınları' }).waitFor();
    await axe(page, 'olaylar');
  });
});
