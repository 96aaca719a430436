import { IsObject, IsString, Length, Matches } from 'class-validator';

/** What a trusted integration posts: the channel, the provider's message id and the raw payload. */
export class InboundEventDto {
  /** sms, whatsapp, email, web; anything else is stored as a failed event. */
  @Matches(/^[a-z_]{2,20}$/, { message: 'channel: sms ya da whatsapp gibi bir kanal adı olmalı' })
  channel: string;

  @IsString()
  @Length(1, 200)
  // PostgreSQL text cannot hold NUL, and U+FFFD means the bytes were not UTF-8: either would make two ids one.
  // eslint-disable-next-line no-control-regex -- the NUL is what is refused
  @Matches(/^[^\u0000\uFFFD]*$/, { message: 'providerId: NUL karakteri içermeyen geçerli bir metin olmalı' })
  providerId: string;

  @IsObject()
  payload: Record<string, unknown>;
}
