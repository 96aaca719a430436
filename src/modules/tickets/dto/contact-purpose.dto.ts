import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';

/** Why the contact is read: said by the user, stored verbatim (trimmed) in the KVKK access log. */
export class ContactPurposeDto {
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(5, 200)
  purpose: string;
}
