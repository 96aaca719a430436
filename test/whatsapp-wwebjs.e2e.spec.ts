import type { Message } from 'whatsapp-web.js';
import { createTestApp, fakeMessage, FakeMessageInput, FakeWhatsappFactory, loginAs, Staff, TestApp, waitFor } from '@app/testing';
import { OutboundChannel } from '../src/modules/notifications/outbound-message.entity';
import { OutboundMessages } from '../src/modules/notifications/outbound-messages.service';
import { RedisClient } from '@app/queue';
import { WHATSAPP_CLIENT_FACTORY } from '../src/modules/channels/whatsapp/wwebjs-client.factory';
import { WwebjsLease } from '../src/modules/channels/whatsapp/wwebjs-lease';
import { serialiseWwebjsMessage } from '../src/modules/channels/whatsapp/wwebjs-message';
import { ProcessEventProcessor } from '../src/modules/intake/process-event.processor';

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF-test-photo-bytes')]);

/** The whatsapp-web.js adapter driven by a stand-in client that emits the library's events. */
describe('WhatsApp hotline through whatsapp-web.js', () => {
  let t: TestApp;
  let admin: Staff;
  let agent: Staff;
  const factory = new FakeWhatsappFactory();

  beforeAll(async () => {
    t = await createTestApp({
      env: { WHATSAPP_PROVIDER: 'wwebjs', WHATSAPP_RESTART_MIN_MS: '50', WHATSAPP_RESTART_MAX_MS: '200' },
      override: (builder) => builder.overrideProvider(WHATSAPP_CLIENT_FACTORY).useValue(factory),
    });
    admin = await loginAs(t, 'admin');
    agent = await loginAs(t, 'agent');
  });
  afterAll(() => t.close());

  const status = (staff: Staff) => t.http().get('/api/v1/channels/whatsapp/status').set('Authorization', `Bearer ${staff.token}`);
  const processed = (providerId: string) =>
    waitFor(`${providerId} processed`, async () => {
      const [row] = await t.dataSource.query('SELECT * FROM inbound_events WHERE provider_id = $1', [providerId]);
      return row && row.state !== 'received' ? row : null;
    });
  const ticket = async (id: string) => (await t.dataSource.query('SELECT * FROM tickets WHERE id = $1', [id]))[0];
  const count = async (sql: string, params: unknown[] = []) => (await t.dataSource.query(sql, params))[0].n as number;

  it('shows the pairing QR code to admins only, then the connected number', async () => {
    await waitFor('client initialised', async () => factory.current?.initialized);
    factory.current.emit('qr', '2@Kq9vX1abc,def,ghi==');
    const shown = await waitFor('qr on the status endpoint', async () => {
      const res = await status(admin).expect(200);
      return res.body.state === 'qr' ? res.body : null;
    });
    expect(shown).toMatchObject({ provider: 'wwebjs', state: 'qr', qr: '2@Kq9vX1abc,def,ghi==' });
    expect(Date.parse(shown.qrIssuedAt)).not.toBeNaN();
    // The code drawn as a QR image for the admin screen (no outside generator).
    expect(shown.qrImage).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/=]{200,}$/);
    await status(agent).expect(403);

    factory.current.emit('ready');
    const ready = await waitFor('ready', async () => ((await status(admin)).body.state === 'ready' ? (await status(admin)).body : null));
    expect(ready).toMatchObject({ state: 'ready', qr: null, qrImage: null, number: '908502220444' });
    // Another worker of the same installation finds the hotline taken and runs no client.
    expect(await new WwebjsLease(t.app.get(RedisClient)).hold()).toBe(false);
    expect(factory.clients).toHaveLength(1);
  });

  it('turns a text message into a ticket and threads the next one onto it', async () => {
    const client = factory.current;
    const first = client.receive({ from: '905321110001@c.us', body: 'Sokağımızdaki çöpler 3 gündür alınmadı', notifyName: 'Ayşe Kaya' });
    const event = await processed(first.id._serialized);
    const created = await ticket(event.ticket_id);
    expect(created.channel).toBe('whatsapp');
    const [citizen] = await t.dataSource.query('SELECT full_name, phone FROM citizens WHERE id = $1', [created.citizen_id]);
    expect(citizen).toEqual({ full_name: 'Ayşe Kaya', phone: '+905321110001' });
    expect(client.chat('905321110001@c.us').unreadCount).toBe(0);

    const second = client.receive({ from: '905321110001@c.us', body: 'Fotoğraf da çektim, koku çok kötü' });
    expect((await processed(second.id._serialized)).ticket_id).toBe(event.ticket_id);
    expect(await count(`SELECT count(*)::int AS n FROM ticket_events WHERE ticket_id = $1 AND type = 'message_in'`, [event.ticket_id])).toBe(1);
  });

  it('keeps a photo as media, notes a refused file, and puts a shared location on the ticket', async () => {
    const client = factory.current;
    const photo = client.receive({
      from: '905321110002@c.us',
      body: 'Yol çöktü',
      media: { mimetype: 'image/jpeg', data: JPEG.toString('base64'), filename: null },
    });
    const event = await processed(photo.id._serialized);
    expect(event.payload.media).toMatchObject({ mimetype: 'image/jpeg', size: JPEG.length });
    const [file] = await t.dataSource.query('SELECT source, content_type FROM media_files WHERE id = $1', [event.payload.media.url.split('/').pop()]);
    expect(file).toEqual({ source: 'whatsapp', content_type: 'image/jpeg' });
    const res = await t.http().get(event.payload.media.url).set('Authorization', `Bearer ${admin.token}`).expect(200);
    expect(Buffer.from(res.body).equals(JPEG)).toBe(true);

    const script = client.receive({
      from: '905321110003@c.us',
      media: { mimetype: 'application/pdf', data: Buffer.from('#!/bin/sh\nrm -rf /').toString('base64'), filename: 'dilekce.pdf' },
    });
    const refused = await processed(script.id._serialized);
    expect(refused.state).toBe('processed');
    expect((await ticket(refused.ticket_id)).description).toMatch(/^\[Gönderilen dosya alınamadı: media: yalnızca fotoğraf/);

    const pin = client.receive({ from: '905321110004@c.us', location: { latitude: 41.0122, longitude: 28.976, name: 'Sultanahmet' } });
    const located = await ticket((await processed(pin.id._serialized)).ticket_id);
    expect([Number(located.latitude), Number(located.longitude)]).toEqual([41.0122, 28.976]);
    expect(located.description).toBe('Konum paylaşıldı');
  });

  it("puts a voice note on its ticket as an audio attachment, played through the ticket's access", async () => {
    const OGG = Buffer.concat([Buffer.from('OggS'), Buffer.from([0, 2]), Buffer.from('opus-voice-note-bytes')]);
    const note = factory.current.receive({
      from: '905321110021@c.us',
      type: 'ptt',
      media: { mimetype: 'audio/ogg; codecs=opus', data: OGG.toString('base64'), filename: null },
    });
    const event = await processed(note.id._serialized);
    const detail = await t.http().get(`/api/v1/tickets/${event.ticket_id}`).set('Authorization', `Bearer ${agent.token}`).expect(200);
    expect(detail.body.attachments).toEqual([expect.objectContaining({ kind: 'audio', contentType: 'audio/ogg', size: OGG.length, source: 'whatsapp' })]);
    const file = await t.http().get(detail.body.attachments[0].url).set('Authorization', `Bearer ${agent.token}`).buffer(true).expect(200);
    expect(Buffer.from(file.body).equals(OGG)).toBe(true);
  });

  it("keeps a shared place's name and address: the address on the ticket, both in its timeline", async () => {
    const client = factory.current;
    const place = { latitude: 41.0054, longitude: 28.9768, name: 'Sultanahmet Meydanı', address: 'Sultan Ahmet, 34122 Fatih/İstanbul' };
    const pin = client.receive({ from: '905321110011@c.us', location: place });
    const created = await processed(pin.id._serialized);
    expect((await ticket(created.ticket_id)).address).toBe(place.address);
    const [first] = await t.dataSource.query(`SELECT data FROM ticket_events WHERE ticket_id = $1 AND type = 'created'`, [created.ticket_id]);
    expect(first.data.location).toEqual(place);

    // A complaint and the place sent after it, waiting together (as if Redis had been away) and
    // filed by one job: the place joins the batch's new ticket and gives it the address.
    const store = async (input: FakeMessageInput, secondsAgo: number): Promise<string> => {
      const message = fakeMessage(input);
      const [{ id }] = await t.dataSource.query(
        `INSERT INTO inbound_events (channel, provider_id, payload, received_at) VALUES ('whatsapp', $1, $2, now() - make_interval(secs => $3)) RETURNING id`,
        [message.id._serialized, serialiseWwebjsMessage(message as unknown as Message), secondsAgo],
      );
      return id;
    };
    const from = '905321110012@c.us';
    const ids = [await store({ from, body: 'Kaldırımda büyük bir çukur var' }, 2), await store({ from, location: place }, 1)];
    expect(await t.app.get(ProcessEventProcessor).handle({ eventIds: ids })).toEqual({ created: 1, threaded: 1 });
    const [a, b] = await Promise.all(ids.map(async (id) => (await t.dataSource.query('SELECT ticket_id FROM inbound_events WHERE id = $1', [id]))[0]));
    expect(b.ticket_id).toBe(a.ticket_id);
    const joined = await ticket(a.ticket_id);
    expect(joined.address).toBe(place.address);
    expect(joined.search_text).toContain('sultan ahmet, 34122 fatih/istanbul');
    const [message] = await t.dataSource.query(`SELECT data FROM ticket_events WHERE ticket_id = $1 AND type = 'message_in'`, [a.ticket_id]);
    expect(message.data.location).toEqual(place);
  });

  it('ignores group chats, status broadcasts and its own messages', async () => {
    const client = factory.current;
    const before = await count('SELECT count(*)::int AS n FROM inbound_events');
    client.receive({ from: '120363025246125486@g.us', body: 'Grup mesajı' });
    client.receive({ from: 'status@broadcast', body: 'Durum' });
    client.receive({ from: '905321110005@c.us', body: 'Bizim cevabımız', fromMe: true });
    const marker = client.receive({ from: '905321110006@c.us', body: 'Park lambası yanmıyor' });
    await processed(marker.id._serialized);
    expect(await count('SELECT count(*)::int AS n FROM inbound_events')).toBe(before + 1);
  });

  it('rebuilds the client after a disconnect and sweeps unread chats exactly once', async () => {
    const old = factory.current;
    const built = factory.clients.length;
    old.emit('disconnected', 'NAVIGATION');
    await waitFor('a new client', async () => factory.clients.length === built + 1 && factory.current.initialized);
    expect(old.destroyed).toBe(true);
    expect((await status(admin)).body.state).not.toBe('ready');

    const fresh = factory.current;
    // Written while the hotline was down: waiting unread in the chat, and also delivered live.
    const missed = fresh.leaveUnread({ from: '905321110007@c.us', body: 'Dün akşamdan beri su yok' });
    fresh.emit('ready');
    fresh.emit('message', missed);
    const event = await processed(missed.id._serialized);
    expect(event.ticket_id).toBeTruthy();
    await waitFor('chat read', async () => fresh.chat('905321110007@c.us').unreadCount === 0);
    expect(await count('SELECT count(*)::int AS n FROM inbound_events WHERE provider_id = $1', [missed.id._serialized])).toBe(1);
    expect(await count('SELECT count(*)::int AS n FROM tickets t JOIN citizens c ON c.id = t.citizen_id WHERE c.phone = $1', ['+905321110007'])).toBe(1);
    // Events of the replaced client no longer count.
    old.emit('message', old.leaveUnread({ from: '905321110008@c.us', body: 'Eski istemci' }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await count(`SELECT count(*)::int AS n FROM inbound_events WHERE payload->>'from' = '905321110008@c.us'`)).toBe(0);
  });

  it('sends an outbound message to the chat and follows its acks to delivered', async () => {
    const outbox = t.app.get(OutboundMessages);
    const intent = await t.dataSource.transaction((manager) =>
      outbox.record(manager, {
        dedupeKey: 'reply-wwebjs-1',
        channel: OutboundChannel.Whatsapp,
        recipient: '+905321110001',
        purpose: 'reply',
        body: 'Başvurunuz Temizlik İşleri Müdürlüğüne iletildi.',
        meta: { chatId: '905321110001@c.us' },
      }),
    );
    await outbox.dispatch([intent]);
    const row = async () => (await t.dataSource.query('SELECT * FROM outbound_messages WHERE id = $1', [intent!.id]))[0];
    const sent = await waitFor('sent', async () => ((await row()).state === 'sent' ? row() : null));
    const client = factory.current;
    // The same client may also have told the earlier test's citizen where their application went.
    const [reply, ...more] = client.sent.filter((s) => s.chatId === '905321110001@c.us');
    expect(more).toEqual([]);
    expect(reply).toMatchObject({ chatId: '905321110001@c.us', content: 'Başvurunuz Temizlik İşleri Müdürlüğüne iletildi.' });
    expect(sent).toMatchObject({ provider: 'wwebjs', provider_id: reply.message.id._serialized });

    client.emit('message_ack', reply.message, 2);
    await waitFor('delivered', async () => (await row()).state === 'delivered');
    client.emit('message_ack', reply.message, 1);
    client.emit('message_ack', reply.message, -1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await row()).state).toBe('delivered');
  });

  it('keeps an outbound message pending for a retry while the client is down', async () => {
    factory.current.emit('disconnected', 'LOGOUT');
    const outbox = t.app.get(OutboundMessages);
    const intent = await t.dataSource.transaction((manager) =>
      outbox.record(manager, {
        dedupeKey: 'reply-wwebjs-2',
        channel: OutboundChannel.Whatsapp,
        recipient: '+905321110002',
        purpose: 'reply',
        body: 'Ekibimiz yolda.',
      }),
    );
    await outbox.dispatch([intent]);
    const row = await waitFor('attempted', async () => {
      const [r] = await t.dataSource.query('SELECT * FROM outbound_messages WHERE id = $1', [intent!.id]);
      return r.attempts > 0 && r.state === 'pending' ? r : null;
    });
    expect(row.last_error).toMatch(/WhatsApp istemcisi bağlı değil/);
  });
});
