import type { Message } from 'whatsapp-web.js';
import { fakeMessage, FakeMessageInput } from '../../../../libs/testing/src/fake-whatsapp-client';
import { OutboundState } from '../../notifications';
import { normaliseWhatsapp } from '../../intake';
import { ackState, isCitizenMessage, serialiseWwebjsMessage } from './wwebjs-message';

const message = (input: FakeMessageInput) => fakeMessage(input) as unknown as Message;

describe('whatsapp-web.js messages', () => {
  it('serialises a text message with the push name the library keeps on _data', () => {
    const m = message({ from: '905321234567@c.us', body: 'Su kesik', notifyName: 'Ali Veli', timestamp: 1_750_000_000 });
    expect(serialiseWwebjsMessage(m)).toEqual({
      id: m.id._serialized,
      from: '905321234567@c.us',
      to: '908502220444@c.us',
      type: 'chat',
      timestamp: 1_750_000_000,
      notifyName: 'Ali Veli',
      body: 'Su kesik',
    });
  });

  it('keeps a location as numbers and leaves out its thumbnail body', () => {
    const serialised = serialiseWwebjsMessage(message({ from: '905321234567@c.us', location: { latitude: 41.01, longitude: 28.97, name: 'Park' } }));
    expect(serialised.body).toBeUndefined();
    expect(serialised.location).toEqual({ latitude: 41.01, longitude: 28.97, name: 'Park', address: null });
    const normalised = normaliseWhatsapp(serialised);
    expect(normalised).toMatchObject({ text: '', location: { latitude: 41.01, longitude: 28.97, name: 'Park', address: null }, phone: '+905321234567' });
    expect(normalised.address).toBeUndefined();
  });

  it("keeps a picked place's name and address, the address also as the message's address", () => {
    const place = { latitude: 41.0054, longitude: 28.9768, name: 'Sultanahmet Meydanı', address: 'Sultan Ahmet, 34122 Fatih/İstanbul' };
    const normalised = normaliseWhatsapp(serialiseWwebjsMessage(message({ from: '905321234567@c.us', location: place })));
    expect(normalised).toMatchObject({ location: place, address: place.address });
  });

  it("takes only citizens' own chats", () => {
    expect(isCitizenMessage(message({ from: '905321234567@c.us', body: 'x' }))).toBe(true);
    expect(isCitizenMessage(message({ from: '123456789012345@lid', body: 'x' }))).toBe(true);
    expect(isCitizenMessage(message({ from: '120363025246125486@g.us', body: 'x' }))).toBe(false);
    expect(isCitizenMessage(message({ from: 'status@broadcast', body: 'x' }))).toBe(false);
    expect(isCitizenMessage(message({ from: '905321234567@c.us', body: 'x', fromMe: true }))).toBe(false);
    expect(isCitizenMessage(message({ from: '905321234567@c.us', type: 'reaction' }))).toBe(false);
  });

  it('maps acks onto delivery states', () => {
    expect([-1, 0, 1, 2, 3, 4].map(ackState)).toEqual([
      OutboundState.Failed,
      null,
      OutboundState.Sent,
      OutboundState.Delivered,
      OutboundState.Delivered,
      OutboundState.Delivered,
    ]);
  });
});

describe('one InboundMessage from both providers', () => {
  it('gives a Cloud API message the same identity as whatsapp-web.js', () => {
    const cloud = normaliseWhatsapp({
      messaging_product: 'whatsapp',
      contacts: [{ wa_id: '905321234567', profile: { name: 'Ali Veli' } }],
      messages: [{ from: '905321234567', id: 'wamid.1', type: 'text', text: { body: 'Su kesik' } }],
    });
    const wwebjs = normaliseWhatsapp({ from: '905321234567@c.us', type: 'chat', body: 'Su kesik', notifyName: 'Ali Veli' });
    expect(cloud).toEqual(wwebjs);
    expect(cloud.identity).toEqual({ kind: 'whatsapp', value: '905321234567@c.us' });
  });

  it('takes a caption as text and notes a refused file', () => {
    const message = normaliseWhatsapp({
      messaging_product: 'whatsapp',
      contacts: [],
      messages: [{ from: '905321234567', id: 'wamid.2', type: 'document', document: { id: 'm1', caption: 'Dilekçem' } }],
      mediaRefused: 'media: dosya 10 MB sınırını aşıyor',
    });
    expect(message.text).toBe('Dilekçem\n[Gönderilen dosya alınamadı: media: dosya 10 MB sınırını aşıyor]');
    expect(message.media).toEqual([]);
  });

  it('gives a Cloud API location the same name and address', () => {
    const place = { latitude: 39.9208, longitude: 32.8541, name: 'Kızılay Meydanı', address: 'Atatürk Blv., 06420 Çankaya/Ankara' };
    const cloud = normaliseWhatsapp({
      messaging_product: 'whatsapp',
      contacts: [],
      messages: [{ from: '905321234567', id: 'wamid.3', type: 'location', location: place }],
    });
    expect(cloud).toMatchObject({ text: '', location: place, address: place.address });
  });

  it('files a Cloud API file the Graph API could not give yet as pending, with its caption', () => {
    const message = normaliseWhatsapp({
      messaging_product: 'whatsapp',
      contacts: [],
      messages: [{ from: '905321234567', id: 'wamid.4', type: 'image', image: { id: 'm2', mime_type: 'image/jpeg', caption: 'Çukur' } }],
      mediaPending: 'Graph API 1: An unknown error occurred',
    });
    expect(message).toMatchObject({ text: 'Çukur', media: [], pendingMedia: [{ ref: 'm2', contentType: 'image/jpeg' }] });
    const bare = normaliseWhatsapp({
      messaging_product: 'whatsapp',
      contacts: [],
      messages: [{ from: '905321234567', id: 'wamid.5', type: 'image', image: { id: 'm3' } }],
      mediaPending: 'x',
    });
    expect(bare).toMatchObject({ text: '', pendingMedia: [{ ref: 'm3' }] });
  });

  it('refuses a payload without a usable sender', () => {
    expect(() => normaliseWhatsapp({ messaging_product: 'whatsapp', messages: [{ from: 'abc', type: 'text', text: { body: 'x' } }] })).toThrow(
      'WhatsApp göndereni okunamadı',
    );
    expect(() => normaliseWhatsapp({ from: '120363025246125486@g.us', type: 'chat', body: 'x' })).toThrow('WhatsApp göndereni okunamadı');
  });
});
