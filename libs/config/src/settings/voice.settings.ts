import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { ServiceSettings } from './service.settings';

/** The 444 line: its hours, its queue, and the agents' browser phone. */
export class VoiceSettings extends ServiceSettings {
  /**
   * When the 444 line's agents answer, Istanbul time: any days and hours, `Mon-Fri 08:30-17:30;
   * Sat 09:00-13:00`, or `Mon-Sun 00:00-24:00` for a line that never closes (bare periods mean
   * Monday to Friday). Outside them callers leave a voicemail. Read by the business calendar.
   */
  @IsString()
  VOICE_OPEN_HOURS = 'Mon-Fri 08:30-17:30';

  /** `closed`: the line shuts on Law 2429's holidays, from 13:00 on eves and on the admins' days off; `open`: it keeps its hours. */
  @IsIn(['closed', 'open'], { message: 'VOICE_HOLIDAYS must be closed or open' })
  VOICE_HOLIDAYS: 'closed' | 'open' = 'closed';

  /** How long a caller waits in the agent queue before being offered a voicemail. */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  VOICE_QUEUE_WAIT_SECONDS = 90;

  /**
   * The municipality's service level: the share of offered calls (abandoned ones included) an
   * agent answers within VOICE_SERVICE_LEVEL_SECONDS, against its target in percent (80/20 by default).
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  VOICE_SERVICE_LEVEL_SECONDS = 20;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  VOICE_SERVICE_LEVEL_TARGET_PERCENT = 80;

  /**
   * The browser softphone (Twilio Voice JavaScript SDK): an API key (SK…) and its secret sign the
   * agents' access tokens, and the TwiML App (AP…) whose voice URL is
   * `PUBLIC_URL/api/v1/channels/twilio/voice/client` places their outgoing calls. All three with
   * TWILIO_ACCOUNT_SID, or the browser phone stays off.
   */
  @IsOptional()
  @Matches(/^SK[0-9a-fA-F]{32}$/, { message: 'TWILIO_API_KEY must look like SK followed by 32 hex digits' })
  TWILIO_API_KEY?: string;

  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'TWILIO_API_SECRET must be at least 16 characters' })
  TWILIO_API_SECRET?: string;

  @IsOptional()
  @Matches(/^AP[0-9a-fA-F]{32}$/, { message: 'TWILIO_TWIML_APP_SID must look like AP followed by 32 hex digits' })
  TWILIO_TWIML_APP_SID?: string;

  /** How long an agent's softphone token lives (Twilio allows at most 24 hours); "available" lasts as long. */
  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(86_400)
  VOICE_TOKEN_TTL_SECONDS = 3600;

  /** The number (E.164, e.g. the 444 line's) a citizen sees when an agent calls back from the browser. */
  @IsOptional()
  @Matches(/^\+[1-9]\d{7,14}$/, { message: 'TWILIO_VOICE_CALLER_ID must be an E.164 number' })
  TWILIO_VOICE_CALLER_ID?: string;
}
