import { twiml } from 'twilio';
import { agentIdentity } from '../voice/voice-identity';

const TR = { language: 'tr-TR' } as const;
export const AGENT_QUEUE = 'cagri-merkezi';
/** How long the agents' softphones ring before the caller goes to the queue. */
const RING_SECONDS = 20;

/** Where Twilio reaches the voice webhooks, given PUBLIC_URL. */
export const voiceWebhookBase = (publicUrl: string) => `${publicUrl.replace(/\/$/, '')}/api/v1/channels/twilio/voice`;

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

  /**
   * To an agent: the softphones of the agents available in the browser ring at once (the first
   * to answer takes the call; `dial-exit` hears if nobody did); with nobody available, the queue.
   */
  toAgent(availableAgentIds: string[] = []): string {
    const r = new twiml.VoiceResponse();
    r.say(TR, 'Sizi bir müşteri temsilcisine bağlıyoruz, lütfen hatta kalın.');
    if (availableAgentIds.length) {
      this.ring(r, availableAgentIds);
      return r.toString();
    }
    return this.enqueue(r);
  }

  /** Nobody answered the ring (or the colleague a call was transferred to): the queue, as before. */
  toQueue(): string {
    const r = new twiml.VoiceResponse();
    r.say(TR, 'Temsilcilerimiz şu anda meşgul; sıranız korunarak bekletileceksiniz.');
    return this.enqueue(r);
  }

  /** A transfer to a colleague's softphone; unanswered, the caller waits in the queue. */
  transferToAgent(agentId: string): string {
    const r = new twiml.VoiceResponse();
    r.say(TR, 'Görüşmeniz bir başka temsilcimize aktarılıyor, lütfen hatta kalın.');
    this.ring(r, [agentId]);
    return r.toString();
  }

  /** A transfer to a department's switchboard. */
  transferToNumber(number: string): string {
    const r = new twiml.VoiceResponse();
    r.say(TR, 'Görüşmeniz ilgili birime aktarılıyor, lütfen hatta kalın.');
    r.dial({ action: this.url('dial-exit'), method: 'POST', answerOnBridge: true }).number(number);
    return r.toString();
  }

  /** An agent's call back from the browser: the citizen's number, dialled here, never sent to the browser. */
  callBack(callerId: string, number: string): string {
    const r = new twiml.VoiceResponse();
    r.dial({ callerId, answerOnBridge: true, timeout: 40 }).number(number);
    return r.toString();
  }

  /** Said to the agent's softphone when a call back is not placed. */
  refuse(text: string): string {
    const r = new twiml.VoiceResponse();
    r.say(TR, text);
    r.hangup();
    return r.toString();
  }

  private ring(r: twiml.VoiceResponse, agentIds: string[]): void {
    const dial = r.dial({ action: this.url('dial-exit'), method: 'POST', timeout: RING_SECONDS, answerOnBridge: true });
    for (const id of agentIds) dial.client({ url: `${this.url('connected')}?agentId=${id}`, method: 'POST' }, agentIdentity(id));
  }

  private enqueue(r: twiml.VoiceResponse): string {
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
