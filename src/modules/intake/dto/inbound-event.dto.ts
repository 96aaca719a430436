import { isObject, IsObject, isString, IsString, length, Length, matches, Matches } from 'class-validator';

const CHANNEL = /^[a-z_]{2,20}$/;
// PostgreSQL text cannot hold NUL, and U+FFFD means the bytes were not UTF-8: either would make two ids one.
// eslint-disable-next-line no-control-regex -- the NUL is what is refused
const PROVIDER_ID = /^[^\u0000\uFFFD]*$/;
const PROVIDER_ID_MIN = 1;
const PROVIDER_ID_MAX = 200;
const FIELDS = 3;

/** What a trusted integration posts: the channel, the provider's message id and the raw payload. */
export class InboundEventDto {
  /** sms, whatsapp, email, web; anything else is stored as a failed event. */
  @Matches(CHANNEL, { message: 'channel: sms ya da whatsapp gibi bir kanal adı olmalı' })
  channel: string;

  @IsString()
  @Length(PROVIDER_ID_MIN, PROVIDER_ID_MAX)
  @Matches(PROVIDER_ID, { message: 'providerId: NUL karakteri içermeyen geçerli bir metin olmalı' })
  providerId: string;

  @IsObject()
  payload: Record<string, unknown>;

  /**
   * The intake is the hottest route: the decorators' own checks, applied directly (see
   * QuickAccepting); a body with any other field, or failing any rule, takes the full path.
   */
  static quickAccept(value: unknown): boolean {
    if (!isObject(value) || Object.keys(value).length !== FIELDS) return false;
    const { channel, providerId, payload } = value as Partial<InboundEventDto>;
    return (
      matches(channel as string, CHANNEL) &&
      isString(providerId) &&
      length(providerId, PROVIDER_ID_MIN, PROVIDER_ID_MAX) &&
      matches(providerId, PROVIDER_ID) &&
      isObject(payload)
    );
  }
}
