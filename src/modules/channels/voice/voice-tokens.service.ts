import { Injectable } from '@nestjs/common';
import { jwt } from 'twilio';
import { AppConfig } from '@app/config';
import { DomainException, ErrorKind } from '@app/common';
import { agentIdentity } from './voice-identity';

export enum VoiceErrorCode {
  NotConfigured = 'VOICE_NOT_CONFIGURED',
  NoDepartmentPhone = 'VOICE_DEPARTMENT_HAS_NO_PHONE',
  NotLive = 'VOICE_CALL_NOT_LIVE',
  TwilioUnavailable = 'VOICE_TWILIO_UNAVAILABLE',
}

export interface VoiceToken {
  token: string;
  identity: string;
  expiresAt: string;
  ttlSeconds: number;
}

/**
 * Access tokens for the agents' browser softphones (Twilio Voice JavaScript SDK): signed with the
 * account's API key, for the identity `agent-<userId>`, allowed to receive calls and to place
 * them through the TwiML App (whose voice URL is our `/channels/twilio/voice/client`).
 */
@Injectable()
export class VoiceTokens {
  constructor(private readonly config: AppConfig) {}

  get configured(): boolean {
    const c = this.config;
    return !!(c.TWILIO_ACCOUNT_SID && c.TWILIO_API_KEY && c.TWILIO_API_SECRET && c.TWILIO_TWIML_APP_SID);
  }

  /** How long a token (and the "available" it backs) lasts. */
  get ttlSeconds(): number {
    return this.config.VOICE_TOKEN_TTL_SECONDS;
  }

  issue(userId: string): VoiceToken {
    const c = this.config;
    if (!this.configured) throw new DomainException(VoiceErrorCode.NotConfigured, ErrorKind.Conflict, 'Tarayıcı telefonu yapılandırılmamış');
    const identity = agentIdentity(userId);
    const access = new jwt.AccessToken(c.TWILIO_ACCOUNT_SID!, c.TWILIO_API_KEY!, c.TWILIO_API_SECRET!, { identity, ttl: this.ttlSeconds });
    access.addGrant(new jwt.AccessToken.VoiceGrant({ incomingAllow: true, outgoingApplicationSid: c.TWILIO_TWIML_APP_SID! }));
    const token = access.toJwt();
    // The expiry as signed (Twilio checks it against its own clock, so it is wall time).
    const { exp } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { exp: number };
    return { token, identity, expiresAt: new Date(exp * 1000).toISOString(), ttlSeconds: this.ttlSeconds };
  }
}
