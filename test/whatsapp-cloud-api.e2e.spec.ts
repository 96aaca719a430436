import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { QueueName } from '@app/queue';
import { createTestApp, loginAs, Staff, TestApp, waitFor } from '@app/testing';
import { hubSignature } from '../src/modules/channels/whatsapp/cloud-api-signature';
import { FetchWhatsappMediaProcessor } from '../src/modules/channels/whatsapp/fetch-whatsapp-media.processor';
import { mediaFetchJobId, WhatsappMediaSweeper } from '../src/modules/channels/whatsapp/whatsapp-media.sweeper';
import { OutboundChannel } from '../src/modules/notifications/outbound-message.entity';
import { OutboundMessages } from '../src/modules/notifications/outbound-messages.service';

const SECRET = 'test-meta-app-secret-0123456789';
const VERIFY = 'dogrulama-belirteci-42';
const ACCESS = 'EAAG-test-access-token';
const PHONE_ID = '106540352242922';
const PNG = Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), Buffer.from('test-png-bytes')]);

/** A stand-in for graph.facebook.com on loopback: media look-ups and downloads, sends recorded. */
class GraphStandIn {
  readonly sent: Record<string, unknown>[] = [];
  /** The HTTP statuses the next look-ups of a media id answer with, in order; then the file is given. */
  readonly mediaFailures = new Map<string, number[]>();
  /** Numbers Meta would refuse a free-form message to (error 131047, window closed). */
  readonly windowClosedFor = new Set<string>();
  private server!: Server;
  base = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const json = (status: number, body: unknown) => void res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    if (req.headers.authorization !== `Bearer ${ACCESS}`) return json(401, { error: { code: 190, message: 'Invalid OAuth access token' } });
    const path = req.url ?? '';
    if (req.method === 'GET' && path === '/files/photo-1') return void res.writeHead(200, { 'Content-Type': 'image/png' }).end(PNG);
    const media = /^\/v21\.0\/(media-[\w-]+)$/.exec(path);
    if (req.method === 'GET' && media) {
      const status = this.mediaFailures.get(media[1])?.shift();
      // Meta's own answers: 100 for a media id it does not (or no longer) know, 1 for its own trouble.
      if (status === 404) return json(404, { error: { message: 'Unsupported get request', type: 'GraphMethodException', code: 100 } });
      if (status) return json(status, { error: { message: 'An unknown error occurred', type: 'OAuthException', code: 1 } });
      return json(200, { messaging_product: 'whatsapp', url: `${this.base}/files/photo-1`, mime_type: 'image/png', file_size: PNG.length, id: media[1] });
    }
    if (req.method === 'POST' && path === `/v21.0/${PHONE_ID}/messages`) {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = JSON.parse(Buffer.concat(chunks).toString());
      if (body.type === 'text' && this.windowClosedFor.has(body.to)) {
        return json(400, { error: { message: 'Re-engagement message', type: 'OAuthException', code: 131047, fbtrace_id: 'A1' } });
      }
      this.sent.push(body);
      return json(200, { messaging_product: 'whatsapp', contacts: [{ input: body.to, wa_id: body.to }], messages: [{ id: `wamid.OUT${this.sent.length}` }] });
    }
    json(404, { error: { code: 100, message: 'Unknown path' } });
  }
}

const graph = new GraphStandIn();
let seq = 0;

/** Meta's webhook body for one message from `waId`. */
const messageWebhook = (waId: string, message: Record<string, unknown>, name = 'Mehmet Demir') => {
  seq += 1;
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '908502220444', phone_number_id: PHONE_ID },
              contacts: [{ profile: { name }, wa_id: waId }],
              messages: [{ from: waId, id: `wamid.HBgM${waId}${seq}`, timestamp: String(Math.floor(Date.now() / 1000)), ...message }],
            },
          },
        ],
      },
    ],
  };
};

const wamidOf = (webhook: ReturnType<typeof messageWebhook>) => webhook.entry[0].changes[0].value.messages[0].id;

const statusWebhook = (wamid: string, status: string, errors?: unknown[]) => ({
  object: 'whatsapp_business_account',
  entry: [
    {
      id: '102290129340398',
      changes: [
        {
          field: 'messages',
          value: {
            messaging_product: 'whatsapp',
            metadata: { phone_number_id: PHONE_ID },
            statuses: [{ id: wamid, status, timestamp: '1750000000', recipient_id: '905321112233', ...(errors ? { errors } : {}) }],
          },
        },
      ],
    },
  ],
});

async function bootApp(env: Record<string, string>): Promise<TestApp> {
  return createTestApp({
    env: {
      WHATSAPP_PROVIDER: 'cloud-api',
      WHATSAPP_CLOUD_VERIFY_TOKEN: VERIFY,
      WHATSAPP_CLOUD_APP_SECRET: SECRET,
      WHATSAPP_CLOUD_ACCESS_TOKEN: ACCESS,
      WHATSAPP_CLOUD_PHONE_NUMBER_ID: PHONE_ID,
      WHATSAPP_CLOUD_API_URL: `${graph.base}/v21.0`,
      ...env,
    },
  });
}

const post = (t: TestApp, body: object, signature: string | null = hubSignature(SECRET, JSON.stringify(body))) => {
  const req = t.http().post('/api/v1/channels/whatsapp/cloud').set('Content-Type', 'application/json');
  if (signature !== null) req.set('X-Hub-Signature-256', signature);
  return req.send(JSON.stringify(body));
};
const processed = (t: TestApp, wamid: string) =>
  waitFor(`${wamid} processed`, async () => {
    const [row] = await t.dataSource.query('SELECT * FROM inbound_events WHERE provider_id = $1', [wamid]);
    return row && row.state !== 'received' ? row : null;
  });
const count = async (t: TestApp, table: string) => (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
const intent = async (t: TestApp, key: string, waId: string, body: string) => {
  const outbox = t.app.get(OutboundMessages);
  const row = await t.dataSource.transaction((m) =>
    outbox.record(m, { dedupeKey: key, channel: OutboundChannel.Whatsapp, recipient: `+${waId}`, purpose: 'reply', body, meta: { chatId: `${waId}@c.us` } }),
  );
  await outbox.dispatch([row]);
  return row!.id;
};
const outbound = async (t: TestApp, where: string, params: unknown[]) =>
  (await t.dataSource.query(`SELECT * FROM outbound_messages WHERE ${where}`, params))[0];
const settledMessage = (t: TestApp, id: string) =>
  waitFor(`message ${id} settled`, async () => {
    const row = await outbound(t, 'id = $1', [id]);
    return ['sent', 'delivered', 'failed'].includes(row.state) ? row : null;
  });

beforeAll(() => graph.start());
afterAll(() => graph.stop());

describe('WhatsApp hotline through the Cloud API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootApp({ WHATSAPP_CLOUD_TEMPLATE: 'basvuru_yaniti' });
  });
  afterAll(() => t.close());

  it('answers the verification handshake only with the right token', async () => {
    const ok = await t
      .http()
      .get('/api/v1/channels/whatsapp/cloud')
      .query({ 'hub.mode': 'subscribe', 'hub.verify_token': VERIFY, 'hub.challenge': '1158201444' })
      .expect(200);
    expect(ok.text).toBe('1158201444');
    await t
      .http()
      .get('/api/v1/channels/whatsapp/cloud')
      .query({ 'hub.mode': 'subscribe', 'hub.verify_token': 'yanlis-belirtec', 'hub.challenge': '1' })
      .expect(403);
    await t.http().get('/api/v1/channels/whatsapp/cloud').query({ 'hub.mode': 'unsubscribe', 'hub.verify_token': VERIFY, 'hub.challenge': '1' }).expect(403);
  });

  it('turns a signed text message into a ticket and stores the same wamid once', async () => {
    const webhook = messageWebhook('905321112233', { type: 'text', text: { body: 'Caddede su borusu patladı' } });
    await post(t, webhook).expect(200);
    const wamid = webhook.entry[0].changes[0].value.messages[0].id;
    const event = await processed(t, wamid);
    const [ticket] = await t.dataSource.query('SELECT t.channel, c.full_name, c.phone FROM tickets t JOIN citizens c ON c.id = t.citizen_id WHERE t.id = $1', [
      event.ticket_id,
    ]);
    expect(ticket).toEqual({ channel: 'whatsapp', full_name: 'Mehmet Demir', phone: '+905321112233' });
    const [identity] = await t.dataSource.query(`SELECT value FROM citizen_identities WHERE kind = 'whatsapp' AND value LIKE '905321112233%'`);
    expect(identity.value).toBe('905321112233@c.us');

    const [events, tickets] = [await count(t, 'inbound_events'), await count(t, 'tickets')];
    await post(t, webhook).expect(200);
    expect([await count(t, 'inbound_events'), await count(t, 'tickets')]).toEqual([events, tickets]);
  });

  it('refuses a forged or missing signature with 403 and stores nothing', async () => {
    const events = await count(t, 'inbound_events');
    const webhook = messageWebhook('905321112244', { type: 'text', text: { body: 'Sahte' } });
    const forged = await post(t, webhook, hubSignature('someone-elses-app-secret-000', JSON.stringify(webhook))).expect(403);
    expect(forged.body).toMatchObject({ statusCode: 403, message: 'WhatsApp imzası geçersiz' });
    await post(t, webhook, null).expect(403);
    // Signed, then changed: the signature covers the exact bytes.
    const signature = hubSignature(SECRET, JSON.stringify(webhook));
    await post(t, { ...webhook, object: 'whatsapp_business_account ' }, signature).expect(403);
    expect(await count(t, 'inbound_events')).toBe(events);
  });

  it('downloads a photo through the Graph API and gives a shared location coordinates', async () => {
    const photo = messageWebhook('905321112255', {
      type: 'image',
      image: { id: 'media-photo-1', mime_type: 'image/png', sha256: 'x', caption: 'Kaldırım kırık' },
    });
    await post(t, photo).expect(200);
    const event = await processed(t, photo.entry[0].changes[0].value.messages[0].id);
    expect(event.payload.media).toMatchObject({ mimetype: 'image/png', size: PNG.length });
    const [ticket] = await t.dataSource.query('SELECT description FROM tickets WHERE id = $1', [event.ticket_id]);
    expect(ticket.description).toBe('Kaldırım kırık');

    const pin = messageWebhook('905321112266', { type: 'location', location: { latitude: 39.9208, longitude: 32.8541, name: 'Kızılay' } });
    await post(t, pin).expect(200);
    const located = await processed(t, pin.entry[0].changes[0].value.messages[0].id);
    const [row] = await t.dataSource.query('SELECT latitude, longitude FROM tickets WHERE id = $1', [located.ticket_id]);
    expect([Number(row.latitude), Number(row.longitude)]).toEqual([39.9208, 32.8541]);
  });

  it('keeps the name and address of a shared place: on a new ticket, and on a threaded one that has no address', async () => {
    const place = { latitude: 39.9208, longitude: 32.8541, name: 'Kızılay Meydanı', address: 'Atatürk Blv., 06420 Çankaya/Ankara' };
    const pin = messageWebhook('905321112311', { type: 'location', location: place });
    await post(t, pin).expect(200);
    const created = await processed(t, wamidOf(pin));
    expect((await t.dataSource.query('SELECT address FROM tickets WHERE id = $1', [created.ticket_id]))[0].address).toBe(place.address);
    const [first] = await t.dataSource.query(`SELECT data FROM ticket_events WHERE ticket_id = $1 AND type = 'created'`, [created.ticket_id]);
    expect(first.data.location).toEqual(place);

    // A text opens a ticket without an address; the place sent next joins it and gives it one, a later place does not replace it.
    const text = messageWebhook('905321112322', { type: 'text', text: { body: 'Parktaki salıncak kırık' } });
    await post(t, text).expect(200);
    const opened = await processed(t, wamidOf(text));
    const later = messageWebhook('905321112322', { type: 'location', location: place });
    await post(t, later).expect(200);
    expect((await processed(t, wamidOf(later))).ticket_id).toBe(opened.ticket_id);
    const elsewhere = { latitude: 39.9419, longitude: 32.8543, name: 'Ulus Meydanı', address: 'Ulus, 06050 Altındağ/Ankara' };
    const other = messageWebhook('905321112322', { type: 'location', location: elsewhere });
    await post(t, other).expect(200);
    expect((await processed(t, wamidOf(other))).ticket_id).toBe(opened.ticket_id);
    const [threaded] = await t.dataSource.query('SELECT address, search_text FROM tickets WHERE id = $1', [opened.ticket_id]);
    expect(threaded.address).toBe(place.address);
    expect(threaded.search_text).toContain('ataturk blv., 06420 cankaya/ankara');
    const messages = await t.dataSource.query(`SELECT data FROM ticket_events WHERE ticket_id = $1 AND type = 'message_in' ORDER BY seq`, [opened.ticket_id]);
    expect(messages.map((m: { data: { location: unknown } }) => m.data.location)).toEqual([place, elsewhere]);
  });

  it('keeps a message whose file the Graph API refuses for good, noting it, and fetches nothing later', async () => {
    graph.mediaFailures.set('media-gone-1', [404]);
    const doc = messageWebhook('905321112333', {
      type: 'document',
      document: { id: 'media-gone-1', mime_type: 'application/pdf', filename: 'dilekce.pdf', caption: 'Dilekçem ektedir' },
    });
    await post(t, doc).expect(200);
    const event = await processed(t, wamidOf(doc));
    const [ticket] = await t.dataSource.query('SELECT description FROM tickets WHERE id = $1', [event.ticket_id]);
    expect(ticket.description).toBe('Dilekçem ektedir\n[Gönderilen dosya alınamadı: Graph API 100: Unsupported get request]');
    expect(await count(t, 'whatsapp_media_fetches')).toBe(0);
  });

  it('sends a reply inside the window as text and follows the status callbacks', async () => {
    const id = await intent(t, 'reply-cloud-1', '905321112233', 'Ekiplerimiz yönlendirildi.');
    const sent = await settledMessage(t, id);
    expect(sent).toMatchObject({ state: 'sent', provider: 'cloud-api' });
    expect(graph.sent.at(-1)).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '905321112233',
      type: 'text',
      text: { body: 'Ekiplerimiz yönlendirildi.', preview_url: false },
    });
    await post(t, statusWebhook(sent.provider_id, 'delivered')).expect(200);
    expect((await outbound(t, 'id = $1', [id])).state).toBe('delivered');
    await post(t, statusWebhook(sent.provider_id, 'sent')).expect(200);
    expect((await outbound(t, 'id = $1', [id])).state).toBe('delivered');
  });

  it("records a failed status with Meta's reason", async () => {
    const id = await intent(t, 'reply-cloud-2', '905321112255', 'Fotoğrafınız alındı.');
    const sent = await settledMessage(t, id);
    await post(t, statusWebhook(sent.provider_id, 'failed', [{ code: 131026, title: 'Message undeliverable' }])).expect(200);
    expect(await outbound(t, 'id = $1', [id])).toMatchObject({ state: 'failed', last_error: 'WhatsApp 131026: Message undeliverable' });
  });

  it('outside the 24-hour window replies with the approved template', async () => {
    t.clock.advance(25 * 3600_000);
    const id = await intent(t, 'reply-cloud-3', '905321112266', 'Başvurunuz çözüldü.');
    const sent = await settledMessage(t, id);
    expect(sent).toMatchObject({ state: 'sent', meta: { chatId: '905321112266@c.us', sentAs: 'template' } });
    expect(graph.sent.at(-1)).toMatchObject({
      to: '905321112266',
      type: 'template',
      template: {
        name: 'basvuru_yaniti',
        language: { code: 'tr' },
        components: [{ type: 'body', parameters: [{ type: 'text', text: 'Başvurunuz çözüldü.' }] }],
      },
    });
  });

  it('when Meta says the window closed, the template goes instead', async () => {
    const waId = '905321112277';
    await post(t, messageWebhook(waId, { type: 'text', text: { body: 'Merhaba' } })).expect(200);
    graph.windowClosedFor.add(waId);
    const sent = await settledMessage(t, await intent(t, 'reply-cloud-4', waId, 'Size dönüş yapacağız.'));
    expect(sent).toMatchObject({ state: 'sent', meta: { sentAs: 'template' } });
  });
});

describe('Cloud API without a template, outside the window', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootApp({});
  });
  afterAll(() => t.close());

  it('sends the reply as an SMS instead and records why', async () => {
    const before = graph.sent.length;
    const id = await intent(t, 'reply-cloud-sms', '905321112288', 'Başvurunuz kapatıldı.');
    const original = await settledMessage(t, id);
    expect(original.state).toBe('failed');
    expect(original.last_error).toBe(`24 saatlik WhatsApp penceresi kapalı ve onaylı şablon yok: SMS olarak gönderildi (sms-fallback-${id})`);
    const sms = await waitFor('sms sent', async () => {
      const row = await outbound(t, 'dedupe_key = $1', [`sms-fallback-${id}`]);
      return row?.state === 'sent' ? row : null;
    });
    expect(sms).toMatchObject({ channel: 'sms', recipient: '+905321112288', body: 'Başvurunuz kapatıldı.', purpose: 'reply', meta: { fallbackFor: id } });
    expect(graph.sent.length).toBe(before);
  });

  it('answers 503 naming the missing setting when the Cloud API is not configured, storing nothing', async () => {
    const plain = await createTestApp();
    try {
      const res = await post(plain, messageWebhook('905321112299', { type: 'text', text: { body: 'x' } })).expect(503);
      expect(res.body.code).toBe('WHATSAPP_CLOUD_NOT_CONFIGURED');
      await plain.http().get('/api/v1/channels/whatsapp/cloud').query({ 'hub.mode': 'subscribe', 'hub.verify_token': 'x', 'hub.challenge': '1' }).expect(503);
      expect(await count(plain, 'inbound_events')).toBe(0);
    } finally {
      await plain.close();
    }
  });
});

describe('Cloud API files the Graph API cannot give when the message comes', () => {
  let t: TestApp;
  let supervisor: Staff;
  beforeAll(async () => {
    t = await bootApp({});
    supervisor = await loginAs(t, 'supervisor');
  });
  afterAll(() => t.close());

  const fetchOf = async (eventId: string) => (await t.dataSource.query('SELECT * FROM whatsapp_media_fetches WHERE event_id = $1', [eventId]))[0];
  /** Moves the clock past the file's next attempt, lets the sweeper hand it out, and waits for the attempt's outcome. */
  const nextAttempt = async (eventId: string): Promise<string> => {
    const fetch = await fetchOf(eventId);
    t.clock.set(new Date(fetch.next_attempt_at.getTime() + 6_000));
    await t.app.get(WhatsappMediaSweeper).sweep();
    const queue = t.app.get<Queue>(getQueueToken(QueueName.Intake), { strict: false });
    return waitFor(`attempt ${fetch.attempts + 1}`, async () => {
      const job = await queue.getJob(mediaFetchJobId(fetch));
      return job && (await job.isCompleted()) ? job.returnvalue : null;
    });
  };
  const attachments = async (ticketId: string) => {
    const res = await t.http().get(`/api/v1/tickets/${ticketId}`).set('Authorization', `Bearer ${supervisor.token}`).expect(200);
    return res.body.timeline.filter((e: { type: string }) => e.type === 'attachment') as { body: string; data: Record<string, unknown> }[];
  };
  const photo = async (waId: string, mediaId: string, caption?: string) => {
    const webhook = messageWebhook(waId, { type: 'image', image: { id: mediaId, mime_type: 'image/png', sha256: 'x', ...(caption ? { caption } : {}) } });
    await post(t, webhook).expect(200);
    return processed(t, wamidOf(webhook));
  };

  it('files the message at once, then attaches the file to the ticket when a later attempt gets it', async () => {
    graph.mediaFailures.set('media-late-1', [500, 503]);
    const event = await photo('905321113301', 'media-late-1', 'Parktaki bank kırık');
    expect(event.state).toBe('processed');
    expect((await t.dataSource.query('SELECT description FROM tickets WHERE id = $1', [event.ticket_id]))[0].description).toBe('Parktaki bank kırık');
    expect((await attachments(event.ticket_id)).map((e) => e.data.state)).toEqual(['pending']);

    expect(await nextAttempt(event.id)).toBe('pending');
    expect(await fetchOf(event.id)).toMatchObject({ state: 'pending', attempts: 1, last_error: 'Graph API 1: An unknown error occurred' });
    expect(await nextAttempt(event.id)).toBe('attached');

    const entries = await attachments(event.ticket_id);
    expect(entries.map((e) => e.data.state)).toEqual(['pending', 'attached']);
    const [file] = entries[1].data.media as { url: string }[];
    expect(file).toEqual({ url: expect.stringMatching(/^\/api\/v1\/media\/[0-9a-f-]{36}$/), contentType: 'image/png', size: PNG.length });
    expect((await t.dataSource.query('SELECT ticket_id FROM media_files WHERE id = $1', [file.url.split('/').pop()]))[0].ticket_id).toBe(event.ticket_id);
    const res = await t.http().get(file.url).set('Authorization', `Bearer ${supervisor.token}`).expect(200);
    expect(Buffer.from(res.body).equals(PNG)).toBe(true);

    // A job run again (a lost acknowledgement, a re-run) finds nothing to do.
    const fetch = await fetchOf(event.id);
    expect(await t.app.get(FetchWhatsappMediaProcessor).handle({ fetchId: fetch.id })).toBe('stale');
    expect(await t.app.get(WhatsappMediaSweeper).sweep()).toBe(0);
    expect(await attachments(event.ticket_id)).toHaveLength(2);
  });

  it('gives the file up at once when the Graph API then refuses it for good', async () => {
    graph.mediaFailures.set('media-late-2', [502, 404]);
    const event = await photo('905321113302', 'media-late-2');
    expect((await t.dataSource.query('SELECT description FROM tickets WHERE id = $1', [event.ticket_id]))[0].description).toBe('Dosya gönderildi');
    expect(await nextAttempt(event.id)).toBe('failed');
    expect(await fetchOf(event.id)).toMatchObject({ state: 'failed', attempts: 1, media_id: null });
    const entries = await attachments(event.ticket_id);
    expect(entries.map((e) => e.data.state)).toEqual(['pending', 'failed']);
    expect(entries[1]).toMatchObject({
      body: 'WhatsApp dosyası alınamadı: Graph API 100: Unsupported get request',
      data: { reason: 'Graph API 100: Unsupported get request' },
    });
  });

  it('keeps trying while the Graph API fails for now, and gives up with the reason after the last attempt', async () => {
    graph.mediaFailures.set('media-late-3', [500, 500, 500, 500, 500, 500]);
    const event = await photo('905321113303', 'media-late-3', 'Kaldırım taşları sökülmüş');
    const outcomes: string[] = [];
    for (let attempt = 1; attempt <= 5; attempt += 1) outcomes.push(await nextAttempt(event.id));
    expect(outcomes).toEqual(['pending', 'pending', 'pending', 'pending', 'failed']);
    const fetch = await fetchOf(event.id);
    expect(fetch).toMatchObject({ state: 'failed', attempts: 5, last_error: 'Graph API 1: An unknown error occurred' });
    // The attempts spread over hours: the last came more than 14 hours after the message.
    expect(fetch.updated_at.getTime() - fetch.created_at.getTime()).toBeGreaterThan(14 * 3_600_000);
    const entries = await attachments(event.ticket_id);
    expect(entries.map((e) => [e.data.state, e.body])).toEqual([
      ['pending', 'WhatsApp dosyası henüz indirilemedi; yeniden denenecek.'],
      ['failed', 'WhatsApp dosyası alınamadı: Graph API 1: An unknown error occurred'],
    ]);
  });
});
