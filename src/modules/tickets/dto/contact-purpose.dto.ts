import { IsString, Length } from 'class-validator';

/** Why the contact is read: said by the user, stored verbatim in the KVKK access log. */
export class ContactPurposeDto {
  @IsString()
  @Length(5, 200)
  purpose: string;
}
