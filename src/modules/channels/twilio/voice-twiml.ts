import { twiml } from 'twilio';

const TR = { language: 'tr-TR' } as const;
export const AGENT_QUEUE = 'cagri-merkezi';

/** The 444 line's spoken Turkish and its TwiML, given the base URL of the voice webhooks. */
export class VoiceTwiml {
  constructor(private readonly base: string) {}

  /** Greeting, the KVKK recording notice, and the menu (keys or speech). No input: an agent. */
  welcome(): string {
    const r = new twiml.VoiceResponse();
    r.say(TR, 'Belediye Çözüm Masası’na hoş geldiniz. Görüşmeniz, hizmet kalitesi için kayıt altına alınabilir; kişisel verileriniz KVKK kapsamında korunur.');
    const menu = r.gather({
      ...TR,
      input: ['dtmf', 'speech'],
      numDigits: 1,
      timeout: 6,
      action: this.url('menu'),
      method: 'POST',
      hints: 'sorun bildirmek, başvuru durumu, temsilci',
    });
    menu.say(TR, 'Bir sorun bildirmek için 1’e, başvurunuzun durumunu öğrenmek için 2’ye, müşteri temsilcisine bağlanmak için 0’a basın ya da söyleyin.');
    r.redirect({ method: 'POST' }, this.url('menu'));
    return r.toString();
  }

  closed(): string {
    const r = new twiml.VoiceResponse();
    r.say(TR, 'Belediye Çözüm Masası’na hoş geldiniz. Görüşmeniz kayıt altına alınmaktadır. Şu anda mesai saatleri dışındayız.');
    return this.voicemail(r);
  }

  /** Waits for an agent; `queueExit` hears how the wait ended. */
  toAgent(): string {
    const r = new twiml.VoiceResponse();
    r.say(TR, 'Sizi bir müşteri temsilcisine bağlıyoruz, lütfen hatta kalın.');
    r.enqueue({ action: this.url('queue-exit'), method: 'POST', waitUrl: this.url('queue-wait'), waitUrlMethod: 'POST' }, AGENT_QUEUE);
    return r.toString();
  }

  /** Played in a loop while the caller waits; past the limit the caller leaves the queue. */
  queueWait(waitedSeconds: number, limitSeconds: number): string {
    const r = new twiml.VoiceResponse();
    if (waitedSeconds >= limitSeconds) {
      r.leave();
    } else {
      r.say(TR, 'Tüm temsilcilerimiz şu anda başka bir görüşmede. Bekleme sıranız korunuyor.');
      r.pause({ length: 15 });
    }
    return r.toString();
  }

  noAgent(): string {
    const r = new twiml.VoiceResponse();
    r.say(TR, 'Şu anda tüm temsilcilerimiz meşgul.');
    return this.voicemail(r);
  }

  askTrackingNumber(): string {
    const r = new twiml.VoiceResponse();
    const ask = r.gather({ input: ['dtmf'], numDigits: 10, finishOnKey: '#', timeout: 10, action: this.url('status-lookup'), method: 'POST' });
    ask.say(TR, 'Lütfen başvuru numaranızı, yıl ve sıra numarası olarak tuşlayıp kare tuşuna basın.');
    r.redirect({ method: 'POST' }, this.url('menu'));
    return r.toString();
  }

  status(digits: string, label: string): string {
    const r = new twiml.VoiceResponse();
    r.say(TR, `${digits.slice(0, 4)} ${Number(digits.slice(4))} numaralı başvurunuzun durumu: ${label}. Bizi aradığınız için teşekkür ederiz.`);
    r.hangup();
    return r.toString();
  }

  statusNotFound(): string {
    const r = new twiml.VoiceResponse();
    r.say(TR, 'Bu numarayla, aradığınız telefona kayıtlı bir başvuru bulunamadı.');
    r.redirect({ method: 'POST' }, this.url('agent'));
    return r.toString();
  }

  voicemailSaved(): string {
    const r = new twiml.VoiceResponse();
    r.say(TR, 'Mesajınız alındı ve başvurunuz kaydedildi. Başvuru numaranız size kısa mesajla bildirilecek. İyi günler.');
    r.hangup();
    return r.toString();
  }

  /** An agent's softphone takes the longest-waiting caller; `connected` runs on the caller's leg first. */
  dequeue(agentId: string): string {
    const r = new twiml.VoiceResponse();
    r.dial().queue({ url: `${this.url('connected')}?agentId=${agentId}`, method: 'POST' }, AGENT_QUEUE);
    return r.toString();
  }

  connected(): string {
    const r = new twiml.VoiceResponse();
    r.say(TR, 'Bir müşteri temsilcisine bağlanıyorsunuz.');
    return r.toString();
  }

  notAnAgent(): string {
    const r = new twiml.VoiceResponse();
    r.say(TR, 'Bu hat yalnızca çağrı merkezi temsilcileri içindir.');
    r.hangup();
    return r.toString();
  }

  empty(): string {
    return new twiml.VoiceResponse().toString();
  }

  private voicemail(r: twiml.VoiceResponse): string {
    r.say(TR, 'Sinyal sesinden sonra adınızı, adresinizi ve sorununuzu anlatan bir mesaj bırakabilirsiniz. Bitirince kare tuşuna basın.');
    r.record({ action: this.url('voicemail'), method: 'POST', maxLength: 120, timeout: 5, finishOnKey: '#', playBeep: true });
    r.say(TR, 'Mesaj alınamadı. İyi günler.');
    return r.toString();
  }

  private url(path: string): string {
    return `${this.base}/${path}`;
  }
}
