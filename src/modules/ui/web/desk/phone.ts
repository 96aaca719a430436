import { Call, Device } from '@twilio/voice-sdk';

/** One call on the browser phone, whichever device carries it. */
export interface PhoneCall {
  readonly direction: 'incoming' | 'outgoing';
  /** The caller as the device tells it (a number, or "client:…" for a colleague). */
  readonly from: string;
  /** The call's SID on the 444 line (the parent leg when the device knows it). */
  readonly callSid: string | null;
  accept(): void;
  reject(): void;
  hangUp(): void;
  mute(on: boolean): void;
  /** Silences both ways: the microphone and what the caller says. */
  hold(on: boolean): void;
  onEnd(listener: () => void): void;
  onAccept(listener: () => void): void;
}

/** The softphone device: a Twilio Device in production, a stand-in in the browser test. */
export interface Phone {
  register(): Promise<void>;
  unregister(): Promise<void>;
  onIncoming(listener: (call: PhoneCall) => void): void;
  onTokenWillExpire(listener: () => void): void;
  onError(listener: (message: string) => void): void;
  updateToken(token: string): void;
  connect(params: Record<string, string>): Promise<PhoneCall>;
  destroy(): void;
}

export type PhoneFactory = (token: string) => Phone;

class TwilioCall implements PhoneCall {
  constructor(
    private readonly call: Call,
    readonly direction: 'incoming' | 'outgoing',
  ) {}

  get from(): string {
    return this.call.parameters.From ?? this.call.customParameters.get('from') ?? '';
  }

  get callSid(): string | null {
    return this.call.customParameters.get('callSid') ?? this.call.parameters.CallSid ?? null;
  }

  accept(): void {
    this.call.accept();
  }
  reject(): void {
    this.call.reject();
  }
  hangUp(): void {
    this.call.disconnect();
  }
  mute(on: boolean): void {
    this.call.mute(on);
  }
  hold(on: boolean): void {
    this.call.mute(on);
    this.call
      .getRemoteStream()
      ?.getAudioTracks()
      .forEach((track) => (track.enabled = !on));
  }
  onEnd(listener: () => void): void {
    for (const event of ['disconnect', 'cancel', 'reject', 'error'] as const) this.call.on(event, listener);
  }
  onAccept(listener: () => void): void {
    this.call.on('accept', listener);
  }
}

/** The Twilio Voice JavaScript SDK behind the Phone interface. */
export const twilioPhone: PhoneFactory = (token) => {
  const device = new Device(token, {
    closeProtection: 'Bir çağrı sürüyor; sayfadan çıkarsanız kapanır.',
    codecPreferences: [Call.Codec.Opus, Call.Codec.PCMU],
  });
  return {
    register: () => device.register(),
    unregister: () => device.unregister(),
    onIncoming: (listener) => device.on('incoming', (call: Call) => listener(new TwilioCall(call, 'incoming'))),
    onTokenWillExpire: (listener) => device.on('tokenWillExpire', listener),
    onError: (listener) => device.on('error', (error: { message?: string }) => listener(error.message ?? 'Telefon hatası')),
    updateToken: (next) => device.updateToken(next),
    connect: async (params) => new TwilioCall(await device.connect({ params }), 'outgoing'),
    destroy: () => device.destroy(),
  };
};
