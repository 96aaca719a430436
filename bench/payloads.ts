const TEXTS = [
  'Sokağımızda büyük bir çukur var',
  'Çöpler üç gündür toplanmadı',
  'Sokak lambası yanmıyor',
  'Parktaki salıncak kırık',
  'Sokak köpekleri gece boyunca havlıyor',
  'Dükkan önüne masa koymuşlar, kaldırım işgali',
  'Gece yüksek sesle müzik, gürültü',
  'Kaçak kat çıkıyorlar',
];

/** Where half the messages say they are from (the other half name no place). */
const MAHALLELER = [
  'Atatürk',
  'Cumhuriyet',
  'Yenidoğan',
  'Güzelyalı',
  'Karşıyaka',
  'Fatih',
  'Bahçelievler',
  'İstiklal',
  'Çamlık',
  'Şehitler',
  'Yeşiltepe',
  'Osmangazi',
];

/** Senders who write again and again, in every step: one event in ten comes from one of them. */
const REGULARS = 100;

/**
 * Inbound event number `i` of a step, in the shape of one of four channels; half name their
 * mahalle, so the duplicate search looks for similar open tickets there. Nine in ten come
 * from a sender of their own (numbered from the step's `senderBase`, so steps do not share
 * them); one in ten from a regular, whose new complaint may look like their earlier one.
 */
export function inboundEvent(run: string, i: number, senderBase: number): { channel: string; providerId: string; payload: Record<string, unknown> } {
  // i % 8 picks the text, (i >> 3) % 24 the mahalle (or none), so every text comes from every mahalle.
  const place = MAHALLELER[(i >> 3) % (MAHALLELER.length * 2)];
  const text = place ? `${place} Mahallesi: ${TEXTS[i % TEXTS.length]}` : TEXTS[i % TEXTS.length];
  const sender = i % 10 === 5 ? 9_000_000 + (i % REGULARS) : senderBase + i;
  const digits = String(sender % 10_000_000).padStart(7, '0');
  const id = `${run}-${i}`;
  switch (i % 4) {
    case 0:
      return { channel: 'sms', providerId: id, payload: { MessageSid: id, From: `+90531${digits}`, Body: text, NumMedia: '0' } };
    case 1:
      return { channel: 'whatsapp', providerId: id, payload: { id, from: `90542${digits}@c.us`, body: text, type: 'chat' } };
    case 2:
      return {
        channel: 'email',
        providerId: id,
        payload: { messageId: id, from: { address: `v${digits}@example.com`, name: 'Vatandaş' }, subject: 'Başvuru', text },
      };
    default:
      return { channel: 'web', providerId: id, payload: { fullName: 'Vatandaş', phone: `0553${digits}`, text } };
  }
}
