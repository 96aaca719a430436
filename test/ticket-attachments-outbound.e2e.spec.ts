import {
  categoryId,
  createStaff,
  createTestApp,
  FakeTwilioApi,
  FakeWhatsappFactory,
  idByCode,
  loginAs,
  SmtpCapture,
  Staff,
  TestApp,
  ticketInput,
  waitFor,
} from '@app/testing';
import { WHATSAPP_CLIENT_FACTORY } from '../src/modules/channels/whatsapp/wwebjs-client.factory';

const ACCOUNT = `AC${'b2'.repeat(16)}`;
const TOKEN = 'documents-twilio-token-0123456789';
const PUBLIC_URL = 'https://cozum.ornek-bel.tr';
const NOON = new Date('2026-11-25T09:00:00Z'); // 12:00 in Istanbul, outside the quiet hours
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('4982 sayılı Kanun kapsamında istenen belge'), Buffer.from('\n%%EOF\n')]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF-imzali-dilekce-taramasi')]);
const MAX_BYTES = 4096;

/** Documents staff attach to a reply, delivered in each provider's own form, and read only through the ticket. */
describe('answers with documents', () => {
  const smtp = new SmtpCapture();
  const twilio = new FakeTwilioApi(ACCOUNT, TOKEN);
  const whatsapp = new FakeWhatsappFactory();
  let t: TestApp;
  let agent: Staff;
  let fen: Staff;
  let park: Staff;

  beforeAll(async () => {
    await smtp.start();
    const api = await twilio.start();
    t = await createTestApp({
      now: NOON,
      env: {
        PUBLIC_URL,
        EMAIL_PROVIDER: 'smtp',
        SMTP_URL: smtp.url,
        MAIL_FROM: '"Çözüm Masası" <cozum@ornek-bel.tr>',
        SMS_PROVIDER: 'twilio',
        TWILIO_ACCOUNT_SID: ACCOUNT,
        TWILIO_AUTH_TOKEN: TOKEN,
        TWILIO_SMS_FROM: '+908502220444',
        TWILIO_API_URL: api,
        WHATSAPP_PROVIDER: 'wwebjs',
        MEDIA_MAX_BYTES: String(MAX_BYTES),
        MEDIA_LINK_TTL_DAYS: '7',
      },
      override: (builder) => builder.overrideProvider(WHATSAPP_CLIENT_FACTORY).useValue(whatsapp),
    });
    const admin = await loginAs(t, 'admin');
    [agent, fen] = await Promise.all([loginAs(t, 'agent'), loginAs(t, 'department-staff')]);
    park = await createStaff(t, admin, 'department_staff', await idByCode(t.dataSource, 'departments', 'PARK'));
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
    await twilio.stop();
  });

  const as = (staff: Staff) => ({
    get: (path: string) => t.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`),
    post: (path: string, body: object) => t.http().post(`/api/v1${path}`).set('Authorization', `Bearer ${staff.token}`).send(body),
    upload: (ticketId: string, data: Buffer, filename: string) =>
      t.http().post(`/api/v1/tickets/${ticketId}/attachments`).set('Authorization', `Bearer ${staff.token}`).attach('file', data, { filename }),
  });
  const fenTicket = async (overrides: Record<string, unknown>) =>
    (
      await as(agent)
        .post(
          '/tickets',
          ticketInput({
            categoryId: await categoryId(t.dataSource, 'FEN-001'),
            departmentId: await idByCode(t.dataSource, 'departments', 'FEN'),
            ...overrides,
          }),
        )
        .expect(201)
    ).body;
  const replyOf = (ticketId: string) =>
    waitFor('the reply sent', async () => {
      const [row] = await t.dataSource.query(`SELECT * FROM outbound_messages WHERE ticket_id = $1 AND purpose = 'reply' AND state = 'sent'`, [ticketId]);
      return row ?? null;
    });

  it('sends a reply’s document by e-mail as a real MIME attachment; the outbox row names it by id only', async () => {
    const ticket = await fenTicket({ channel: 'email', citizen: { fullName: 'Belge Bekleyen', email: 'belge@example.com' } });
    const uploaded = await as(fen).upload(ticket.id, PDF, 'bilgi-edinme-cevabı.pdf').expect(201);
    expect(uploaded.body).toEqual({
      id: expect.any(String),
      kind: 'document',
      contentType: 'application/pdf',
      filename: 'bilgi-edinme-cevabı.pdf',
      size: PDF.length,
      createdAt: expect.any(String),
      source: 'staff',
      url: `/api/v1/media/${uploaded.body.id}`,
    });
    await as(fen)
      .post(`/tickets/${ticket.id}/entries`, { type: 'reply', body: 'İstediğiniz belge ektedir.', attachmentIds: [uploaded.body.id] })
      .expect(201);

    const row = await replyOf(ticket.id);
    expect(row.channel).toBe('email');
    expect(row.meta.attachments).toEqual([uploaded.body.id]);
    expect(row.body).not.toContain('%PDF');
    const mail = await waitFor('the mail at the SMTP server', async () => smtp.mails.find((m) => m.messageId === row.provider_id));
    expect(mail.text?.trim()).toMatch(/^İstediğiniz belge ektedir\./);
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]).toMatchObject({ filename: 'bilgi-edinme-cevabı.pdf', contentType: 'application/pdf', contentDisposition: 'attachment' });
    expect(Buffer.compare(mail.attachments[0].content, PDF)).toBe(0);
    // The reply's timeline entry carries the file, which the ticket page lists.
    const [entry] = await t.dataSource.query(`SELECT data FROM ticket_events WHERE ticket_id = $1 AND type = 'reply_out'`, [ticket.id]);
    expect(entry.data.media).toEqual([expect.objectContaining({ id: uploaded.body.id, filename: 'bilgi-edinme-cevabı.pdf' })]);
  });

  it('refuses the file, its upload and its use to another department’s user', async () => {
    const ticket = await fenTicket({ channel: 'email', citizen: { fullName: 'Başka Birim', email: 'baska@example.com' } });
    const { body: file } = await as(fen).upload(ticket.id, PDF, 'cevap.pdf').expect(201);
    expect(Buffer.compare((await as(fen).get(`/media/${file.id}`).buffer(true).expect(200)).body as Buffer, PDF)).toBe(0);
    await as(park).get(`/media/${file.id}`).expect(404);
    await as(park).upload(ticket.id, PDF, 'cevap.pdf').expect(404);
    // A file of one ticket cannot ride on a reply to another.
    const other = await fenTicket({ channel: 'email', citizen: { fullName: 'Diğer', email: 'diger@example.com' } });
    const refused = await as(fen)
      .post(`/tickets/${other.id}/entries`, { type: 'reply', body: 'Ek', attachmentIds: [file.id] })
      .expect(400);
    expect(refused.body.details).toEqual([{ field: 'attachmentIds', message: 'attachmentIds: ekler önce bu başvuruya yüklenmiş dosyalar olmalı' }]);
  });

  it('refuses, in Turkish and naming the field, a file too large, of a type not kept, or none', async () => {
    const ticket = await fenTicket({ channel: 'email', citizen: { fullName: 'Sınır', email: 'sinir@example.com' } });
    const large = await as(fen)
      .upload(ticket.id, Buffer.concat([PDF, Buffer.alloc(MAX_BYTES)]), 'buyuk.pdf')
      .expect(413);
    expect(large.body.details).toEqual([{ field: 'file', message: 'file: dosya 4 KB sınırını aşıyor' }]);
    const script = await as(fen).upload(ticket.id, Buffer.from('<html><script>alert(1)</script>'), 'cevap.pdf').expect(415);
    expect(script.body.details[0]).toEqual({ field: 'file', message: expect.stringMatching(/^file: yalnızca fotoğraf .*PDF/) });
    const elsewhere = await t
      .http()
      .post(`/api/v1/tickets/${ticket.id}/attachments`)
      .set('Authorization', `Bearer ${fen.token}`)
      .attach('belge', PDF, { filename: 'cevap.pdf' })
      .expect(400);
    expect(elsewhere.body.details).toEqual([{ field: 'belge', message: 'belge: bu alanda dosya gönderilemez' }]);
    const none = await as(fen).post(`/tickets/${ticket.id}/attachments`, {}).expect(400);
    expect(none.body.details).toEqual([{ field: 'file', message: 'file: eklenecek dosyayı seçin' }]);
    expect(await t.dataSource.query('SELECT id FROM media_files WHERE ticket_id = $1', [ticket.id])).toEqual([]);
  });

  it('sends a WhatsApp reply’s file as a whatsapp-web.js document, captioned with the reply', async () => {
    await waitFor('client initialised', async () => whatsapp.current?.initialized);
    const client = whatsapp.current;
    client.emit('ready');
    const chat = '905321119901@c.us';
    const incoming = client.receive({ from: chat, body: 'İmzalı dilekçemin bir örneğini istiyorum', notifyName: 'Dilekçe Sahibi' });
    const ticketId = await waitFor('the WhatsApp ticket', async () => {
      const [row] = await t.dataSource.query(`SELECT ticket_id FROM inbound_events WHERE provider_id = $1 AND state = 'processed'`, [incoming.id._serialized]);
      return (row?.ticket_id as string) ?? null;
    });
    const { body: file } = await as(agent).upload(ticketId, JPEG, 'imzali-dilekce.jpg').expect(201);
    await as(agent)
      .post(`/tickets/${ticketId}/entries`, { type: 'reply', body: 'Dilekçenizin taranmış örneği ektedir.', attachmentIds: [file.id] })
      .expect(201);

    const row = await replyOf(ticketId);
    const sent = client.sent.find((s) => s.message.id._serialized === row.provider_id)!;
    expect(sent.chatId).toBe(chat);
    // The caption is the reply as the citizen reads it (the notice's wording, with the tracking number).
    expect(sent.options).toEqual({ sendMediaAsDocument: true, caption: row.body });
    expect(row.body).toMatch(/^Dilekçenizin taranmış örneği ektedir\.\n\n\(\d{4}-\d{6} — /);
    expect(sent.content).toMatchObject({ mimetype: 'image/jpeg', filename: 'imzali-dilekce.jpg', filesize: JPEG.length });
    expect(Buffer.from((sent.content as { data: string }).data, 'base64').equals(JPEG)).toBe(true);
    expect(sent.content!.constructor.name).toBe('MessageMedia');
  });

  it('sends an SMS reply’s file as a signed link that downloads without a login, and expires', async () => {
    const phone = '+905321119902';
    const ticket = await fenTicket({ channel: 'phone', citizen: { fullName: 'Link Alan', phone } });
    const { body: file } = await as(fen).upload(ticket.id, PDF, 'karar.pdf').expect(201);
    await as(fen)
      .post(`/tickets/${ticket.id}/entries`, { type: 'reply', body: 'Kararın örneği aşağıdaki bağlantıdadır.', attachmentIds: [file.id] })
      .expect(201);
    const row = await replyOf(ticket.id);
    expect(row.channel).toBe('sms');
    const sms = twilio.messages.find((m) => m.sid === row.provider_id)!;
    const link = new RegExp(`^karar\\.pdf: ${PUBLIC_URL}(/api/v1/public/files/${file.id}\\?expires=(\\d+)&signature=[\\w-]{22})$`);
    const [text, , ...lines] = sms.body.split('\n');
    expect(text).toBe('Kararın örneği aşağıdaki bağlantıdadır.');
    expect(lines.slice(-2)[0]).toBe('Ekler:');
    const [, path, expires] = link.exec(lines.slice(-1)[0])!;
    // Seven days (MEDIA_LINK_TTL_DAYS) from when the reply could go: at once, on the test's clock.
    expect(Number(expires)).toBe(Math.floor(NOON.getTime() / 1000) + 7 * 86_400);

    const downloaded = await t.http().get(path).buffer(true).expect(200);
    expect(downloaded.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''karar.pdf`);
    expect(Buffer.compare(downloaded.body as Buffer, PDF)).toBe(0);
    // Another file, an altered expiry or signature: nothing.
    await t.http().get(path.replace(file.id, '00000000-0000-4000-8000-000000000000')).expect(404);
    await t
      .http()
      .get(path.replace(`expires=${expires}`, `expires=${Number(expires) + 86_400}`))
      .expect(404);
    await t
      .http()
      .get(path.replace(/signature=.*/, `signature=${'A'.repeat(22)}`))
      .expect(404);

    t.clock.advance(7 * 86_400_000 + 1000);
    const expired = await t.http().get(path).expect(404);
    expect(expired.body.message).toMatch(/Dosya/);
  });
});
