import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createTestApp,
  describeInBrowser,
  idByCode,
  loginAs,
  openBrowser,
  screenshot,
  seriousA11yViolations,
  signIn,
  TestApp,
  TestBrowser,
  ticketInput,
  waitFor,
} from '@app/testing';

const describeUi = describeInBrowser('ui-documents.e2e');
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('imzalı dilekçe örneği'), Buffer.from('\n%%EOF\n')]);

/** The reply form's file upload and the admins' audit log screen, in a real browser. */
describeUi('documents on replies and the audit log on screen', () => {
  let t: TestApp;
  let browser: TestBrowser;
  let base: string;
  let files: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { MEDIA_MAX_BYTES: '4096' } });
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await openBrowser();
    files = await mkdtemp(join(tmpdir(), 'cm-ui-files-'));
    await writeFile(join(files, 'dilekçe.pdf'), PDF);
    await writeFile(join(files, 'buyuk.pdf'), Buffer.concat([PDF, Buffer.alloc(5000)]));
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await rm(files, { recursive: true, force: true });
  });

  it('uploads a document in the reply form, refuses a file too large in Turkish, and sends the reply with the file', async () => {
    const agent = await loginAs(t, 'agent');
    const departmentId = await idByCode(t.dataSource, 'departments', 'FEN');
    const ticket = (await t.http().post('/api/v1/tickets').set('Authorization', `Bearer ${agent.token}`).send(ticketInput({ departmentId })).expect(201)).body;
    const page = await signIn(browser.context, base, 'department-staff');
    await page.goto(`${base}/app#/basvuru/${ticket.id}`);
    await page.locator('#act-reply summary').click();
    await page.getByLabel('Yanıt metni (vatandaşın kanalından gider)').fill('İstediğiniz belge ektedir.');

    const input = page.locator('#reply-files');
    await input.setInputFiles(join(files, 'buyuk.pdf'));
    await page.locator('#reply-files-error').getByText('dosya 4 KB sınırını aşıyor').waitFor();
    await input.setInputFiles(join(files, 'dilekçe.pdf'));
    await page.getByRole('list', { name: 'Eklenen dosyalar' }).getByText(`dilekçe.pdf (${PDF.length} B)`).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'reply-with-document');
    await page.getByRole('button', { name: 'Yanıtı gönder' }).click();

    const entry = await waitFor('the reply with its file', async () => {
      const [row] = await t.dataSource.query(`SELECT data FROM ticket_events WHERE ticket_id = $1 AND type = 'reply_out'`, [ticket.id]);
      return row ?? null;
    });
    expect(entry.data.media).toEqual([expect.objectContaining({ filename: 'dilekçe.pdf', contentType: 'application/pdf', size: PDF.length })]);
    const [outbox] = await t.dataSource.query(`SELECT meta FROM outbound_messages WHERE ticket_id = $1 AND purpose = 'reply'`, [ticket.id]);
    expect(outbox.meta.attachments).toEqual([entry.data.media[0].id]);
    await page.close();
  });

  it('shows the audit log to an admin, filtered by action', async () => {
    await t.http().post('/api/v1/auth/login').send({ username: 'supervisor', password: 'yanlis-parola-1' }).expect(401);
    const page = await signIn(browser.context, base, 'admin');
    await page.goto(`${base}/app#/denetim-kaydi`);
    await page.locator('#audit-table').waitFor();
    await page.getByLabel('İşlem').selectOption({ label: 'Başarısız oturum açma' });
    const rows = page.locator('#audit-table tbody tr');
    await waitFor('only the failed login', async () => (await rows.count()) === 1 && (await rows.first().getAttribute('data-action')) === 'login_failed');
    expect(await rows.first().innerText()).toContain('supervisor');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'audit-log');
    await page.close();
  });
});
