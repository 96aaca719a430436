import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { createTestApp, TestApp, waitFor } from '@app/testing';
import { hubSignature } from '../src/modules/channels/whatsapp/cloud-api-signature';
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
    if (req.method === 'GET' && path === '/v21.0/media-photo-1') {
      return json(200, { messaging_product: 'whatsapp', url: `${this.base}/files/photo-1`, mime_type: 'image/png', file_size: PNG.length, id: 'media-photo-1' });
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

const statusWebhook = (wamid: string, status: string, errors?: unknown[]) => ({
  object: 'whatsapp_business_account',
  entry: [{ id: '102290129340398', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { phone_number_id: PHONE_ID }, statuses: [{ id: wamid, status, timestamp: '1750000000', recipient_id: '905321112233', ...(errors ? { errors } : {}) }] } }] }],
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
  const row = await t.dataSource.transaction((m) => outbox.record(m, { dedupeKey: key, channel: OutboundChannel.Whatsapp, recipient: `+${waId}`, purpose: 'reply', body, meta: { chatId: `${waId}@c.us` } }));
  await outbox.dispatch([row]);
  return row!.id;
};
const outbound = async (t: TestApp, where: string, params: unknown[]) => (await t.dataSource.query(`SELECT * FROM outbound_messages WHERE ${where}`, params))[0];
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
    const ok = await t.http().get('/api/v1/channels/whatsapp/cloud').query({ 'hub.mode': 'subscribe', 'hub.verify_token': VERIFY, 'hub.challenge': '1158201444' }).expect(200);
    expect(ok.text).toBe('1158201444');
    await t.http().get('/api/v1/channels/whatsapp/cloud').query({ 'hub.mode': 'subscribe', 'hub.verify_token': 'yanlis-belirtec', 'hub.challenge': '1' }).expect(403);
    await t.http().get('/api/v1/channels/whatsapp/cloud').query({ 'hub.mode': 'unsubscribe', 'hub.verify_token': VERIFY, 'hub.challenge': '1' }).expect(403);
  });

  it('turns a signed text message into a ticket and stores the same wamid once', async () => {
    const webhook = messageWebhook('905321112233', { type: 'text', text: { body: 'Caddede su borusu patladı' } });
    await post(t, webhook).expect(200);
    const wamid = webhook.entry[0].changes[0].value.messages[0].id;
    const event = await processed(t, wamid);
    const [ticket] = await t.dataSource.query('SELECT t.channel, c.full_name, c.phone FROM tickets t JOIN citizens c ON c.id = t.citizen_id WHERE t.id = $1', [event.ticket_id]);
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
    const photo = messageWebhook('905321112255', { type: 'image', image: { id: 'media-photo-1', mime_type: 'image/png', sha256: 'x', caption: 'Kaldırım kırık' } });
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

  it('records a failed status with Meta\'s reason', async () => {
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
      template: { name: 'basvuru_yaniti', language: { code: 'tr' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Başvurunuz çözüldü.' }] }] },
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
