import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';
import { Client } from 'pg';
import { createTestApp, OwnDovecot, SmtpCapture, TestApp, waitFor } from '@app/testing';
import { emailReplyMeta } from '../src/modules/channels/email/email-reply-meta';
import { OutboundChannel } from '../src/modules/notifications/outbound-message.entity';
import { OutboundMessages } from '../src/modules/notifications/outbound-messages.service';

const DOMAIN = 'belediye.test';

/** A real Dovecot mailbox read over IMAP (mail delivered with APPEND) and a real SMTP server catching what is sent. */
describe('e-mail channel', () => {
  const dovecot = new OwnDovecot();
  const smtp = new SmtpCapture();
  let t: TestApp;
  let seq = 0;
  let appended = 0;

  const boot = (shared: Record<string, string> = {}) =>
    createTestApp({
      env: {
        IMAP_URL: dovecot.url,
        EMAIL_PROVIDER: 'smtp',
        SMTP_URL: smtp.url,
        MAIL_FROM: `"Çözüm Masası" <cozum@${DOMAIN}>`,
        SWEEP_INTERVAL_MS: '300',
        SWEEP_GRACE_MS: '200',
        ...shared,
      },
    });

  beforeAll(async () => {
    await dovecot.start();
    await smtp.start();
    t = await boot();
  });
  afterAll(async () => {
    await t?.close();
    await dovecot.destroy();
    await smtp.stop();
  });

  const mail = async (options: Mail.Options & { messageId?: string }) => {
    seq += 1;
    const messageId = options.messageId ?? `<citizen-${seq}-${Date.now()}@example.com>`;
    const raw = await new MailComposer({ from: 'Ayşe Yılmaz <ayse@example.com>', to: `cozum@${DOMAIN}`, ...options, messageId }).compile().build();
    await dovecot.append(raw);
    appended += 1;
    return messageId;
  };
  const event = (providerId: string) =>
    waitFor(`mail ${providerId} filed`, async () => {
      const [row] = await t.dataSource.query('SELECT * FROM inbound_events WHERE provider_id = $1', [providerId]);
      return row && row.state !== 'received' ? row : null;
    });
  const count = async (sql: string, params: unknown[] = []) => (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${sql}`, params))[0].n as number;
  const timeline = (ticketId: string) => t.dataSource.query('SELECT type, body, data FROM ticket_events WHERE ticket_id = $1 ORDER BY seq', [ticketId]);
  /** Records an e-mail intent the way a staff reply or a notice does, and sends it. */
  const sendToCitizen = async (ticketId: string, purpose: string, body: string) => {
    const outbox = t.app.get(OutboundMessages);
    const message = await t.dataSource.transaction(async (manager) =>
      outbox.record(manager, {
        dedupeKey: `${purpose}-${ticketId}-${(seq += 1)}`,
        channel: OutboundChannel.Email,
        recipient: 'ayse@example.com',
        purpose,
        body,
        ticketId,
        meta: await emailReplyMeta(manager, ticketId),
      }),
    );
    await outbox.dispatch([message]);
    return waitFor('the outbound mail settled', async () => {
      const [row] = await t.dataSource.query('SELECT * FROM outbound_messages WHERE id = $1', [message!.id]);
      return ['sent', 'failed'].includes(row.state) ? row : null;
    });
  };
  const captured = (messageId: string) => waitFor(`mail ${messageId} at the SMTP server`, async () => smtp.mails.find((m) => m.messageId === messageId));

  let ticketId: string;
  let firstMessageId: string;
  let replyMessageId: string;

  it('makes a ticket of a new mail, keeps its photo, skips a file of the wrong type and sanitises its HTML', async () => {
    firstMessageId = await mail({
      subject: 'Sokağımızda çukur var',
      text: 'Atatürk Mahallesi 5. sokakta büyük bir çukur var, araçlar zarar görüyor.',
      html: '<p>Atatürk Mahallesi 5. sokakta büyük bir <b>çukur</b> var.</p><script>alert(1)</script><img src=x onerror=alert(2)>',
      attachments: [
        { filename: 'cukur.pdf', content: Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n'), contentType: 'application/pdf' },
        { filename: 'virus.exe', content: Buffer.from('MZ\x90\x00this is not a photo'), contentType: 'application/octet-stream' },
      ],
    });
    const row = await event(firstMessageId);
    expect(row.state).toBe('processed');
    ticketId = row.ticket_id;
    const [ticket] = await t.dataSource.query('SELECT channel, subject, description FROM tickets WHERE id = $1', [ticketId]);
    expect(ticket).toEqual({ channel: 'email', subject: 'Sokağımızda çukur var', description: expect.stringContaining('büyük bir çukur var') });
    expect(row.payload).toMatchObject({ automatic: false, from: { address: 'ayse@example.com', name: 'Ayşe Yılmaz' } });
    expect(row.payload.html).toContain('<b>çukur</b>');
    expect(row.payload.html).not.toMatch(/script|onerror|<img/);
    expect(row.payload.skippedAttachments).toEqual([
      expect.objectContaining({ filename: 'virus.exe', reason: expect.stringContaining('virus.exe: yalnızca fotoğraf') }),
    ]);
    const [created] = await timeline(ticketId);
    expect(created.data.media).toEqual([
      expect.objectContaining({ contentType: 'application/pdf', filename: 'cukur.pdf', url: expect.stringMatching(/^\/api\/v1\/media\//) }),
    ]);
    const mediaId = created.data.media[0].url.split('/').pop();
    expect(await count(`media_files WHERE id = $1 AND source = 'email'`, [mediaId])).toBe(1);
  });

  it('sends a staff reply over SMTP with a stable Message-ID, In-Reply-To the citizen mail and the tracking number', async () => {
    const sent = await sendToCitizen(ticketId, 'reply', 'Ekiplerimiz yarın bölgede olacak.');
    replyMessageId = `<${sent.id}@${DOMAIN}>`;
    expect(sent).toMatchObject({
      state: 'sent',
      provider: 'smtp',
      provider_id: replyMessageId,
      meta: { messageId: replyMessageId, inReplyTo: firstMessageId },
    });
    const out = await captured(replyMessageId);
    const [{ tracking_no: trackingNo }] = await t.dataSource.query('SELECT tracking_no FROM tickets WHERE id = $1', [ticketId]);
    expect(out.subject).toBe(`[${trackingNo}] Başvurunuz hakkında`);
    expect(out.inReplyTo).toBe(firstMessageId);
    expect(out.references).toBe(firstMessageId);
    expect(out.headers.get('auto-submitted')).toBeUndefined();
    expect(out.text?.trim()).toBe('Ekiplerimiz yarın bölgede olacak.');
  });

  it('threads a reply to our mail, and a mail naming the tracking number, onto the ticket; anything else is a new ticket', async () => {
    const answer = await mail({
      subject: 'Teşekkürler',
      text: 'Çukurun fotoğrafını da ekliyorum.',
      inReplyTo: replyMessageId,
      references: [firstMessageId, replyMessageId],
    });
    expect((await event(answer)).ticket_id).toBe(ticketId);
    const [{ tracking_no: trackingNo }] = await t.dataSource.query('SELECT tracking_no FROM tickets WHERE id = $1', [ticketId]);
    const named = await mail({ subject: `${trackingNo} numaralı başvurum`, text: 'Hâlâ bekliyorum.' });
    expect((await event(named)).ticket_id).toBe(ticketId);
    const entries = await timeline(ticketId);
    expect(entries.filter((e: { type: string }) => e.type === 'message_in').map((e: { body: string }) => e.body)).toEqual([
      'Çukurun fotoğrafını da ekliyorum.',
      'Hâlâ bekliyorum.',
    ]);
    const other = await mail({ subject: 'Başka bir konu', text: 'Parktaki banklar kırık.' });
    const row = await event(other);
    expect(row.ticket_id).not.toBe(ticketId);
    // Someone else naming the same tracking number does not write into this ticket.
    const stranger = await mail({ from: 'baska@example.com', subject: `Re: ${trackingNo}`, text: 'Benim de şikayetim var.' });
    expect((await event(stranger)).ticket_id).not.toBe(ticketId);
  });

  it('marks an auto-reply as automatic and does not answer it automatically', async () => {
    const auto = await mail({
      subject: 'Ofis dışındayım',
      text: 'Şu an ofis dışındayım.',
      inReplyTo: replyMessageId,
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    const row = await event(auto);
    expect(row).toMatchObject({ ticket_id: ticketId, payload: { automatic: true, automaticReason: 'auto-submitted: auto-replied' } });
    expect((await timeline(ticketId)).at(-1)).toMatchObject({ type: 'message_in', data: { automatic: true } });
    const before = smtp.mails.length;
    const notice = await sendToCitizen(ticketId, 'status', 'Başvurunuzun durumu değişti.');
    expect(notice).toMatchObject({ state: 'failed', last_error: 'Otomatik gönderilmiş bir e-postaya otomatik yanıt verilmez', meta: { inReplyTo: auto } });
    expect(smtp.mails.length).toBe(before);
  });

  it('marks an automatic notice with Auto-Submitted and threads it onto the citizen mail', async () => {
    const human = await mail({ subject: 'Yeni başvuru', text: 'Sokak lambası yanmıyor.' });
    const { ticket_id: id } = await event(human);
    const notice = await sendToCitizen(id, 'received', 'Başvurunuz alındı.');
    expect(notice.state).toBe('sent');
    const out = await captured(`<${notice.id}@${DOMAIN}>`);
    expect(out.headers.get('auto-submitted')).toBe('auto-replied');
    expect(out.inReplyTo).toBe(human);
  });

  it('keeps a mail it cannot parse as a failed inbound event with the reason', async () => {
    const failedBefore = await count(`inbound_events WHERE state = 'failed'`);
    await dovecot.append('bu bir e-posta degil, baslik yok\r\n\r\n\u0000\u0001');
    appended += 1;
    const row = await waitFor('the failed event', async () => {
      const rows = await t.dataSource.query(`SELECT * FROM inbound_events WHERE state = 'failed' AND provider_id LIKE 'sha256-%'`);
      return rows.length > failedBefore ? rows[0] : null;
    });
    expect(row).toMatchObject({ channel: 'email', last_error: 'e-posta çözümlenemedi: başlık yok', ticket_id: null });
  });

  it('loses and duplicates nothing across a restart of the app and a changed UIDVALIDITY, and reconnects after the server drops it', async () => {
    const snapshot = async () => ({
      events: await count(`inbound_events WHERE channel = 'email'`),
      tickets: await count('tickets'),
      media: await count('media_files'),
    });
    await waitFor('all mail read', async () => (await count(`inbound_events WHERE state = 'received'`)) === 0);
    const before = await snapshot();
    const shared = { DATABASE_URL: t.env.DATABASE_URL, REDIS_PREFIX: t.env.REDIS_PREFIX, MEDIA_DIR: t.env.MEDIA_DIR };
    await t.app.close();
    const whileDown = [
      await mail({ subject: 'Kapalıyken 1', text: 'Su borusu patladı.' }),
      await mail({ subject: 'Kapalıyken 2', text: 'Çöpler toplanmadı.' }),
    ];
    // As after the server rebuilt the mailbox: every message is read again from the start.
    const db = new Client({ connectionString: shared.DATABASE_URL });
    await db.connect();
    await db.query('UPDATE mailbox_cursors SET uid_validity = 1, last_uid = 999');
    await db.end();
    t = await boot(shared);
    for (const id of whileDown) expect((await event(id)).state).toBe('processed');
    await waitFor('the cursor past every message', async () => {
      const [cursor] = await t.dataSource.query('SELECT uid_validity, last_uid FROM mailbox_cursors');
      return cursor.uid_validity !== '1' && Number(cursor.last_uid) === appended ? cursor : null;
    });
    expect(await snapshot()).toEqual({ events: before.events + 2, tickets: before.tickets + 2, media: before.media });

    await dovecot.stop();
    await dovecot.start();
    const afterDrop = await mail({ subject: 'Sunucu yeniden başladıktan sonra', text: 'Trafik lambası arızalı.' });
    expect((await event(afterDrop)).state).toBe('processed');
    expect(await count(`inbound_events WHERE channel = 'email'`)).toBe(before.events + 3);
  });
});
